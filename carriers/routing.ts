import type { CarrierBind } from './carrier.ts';
import type { RouteTarget } from '../domain/routing.ts';

/** What the hot path needs from routing: the upstreams for a number, and every upstream to listen to. */
export interface CarrierRouting {
  /** The upstreams that may carry a message to `target`, best first; empty when no route matches. */
  candidates(target: RouteTarget): CarrierBind[];
  /** One upstream by its carrier id (a retry that must stay with the carrier that took some of its parts). */
  named(id: string): CarrierBind | undefined;
  /** Calls `register` for every upstream, now and whenever one is added later (receipt and reply intake). */
  onUpstream(register: (upstream: CarrierBind) => void): void;
  /** Whether any ported number is on record; when none is, the dispatcher skips looking them up. */
  hasPortedNumbers(): boolean;
}

/** Every number to one upstream: for tests and tools that run a single simulator. */
export function singleCarrier(upstream: CarrierBind): CarrierRouting {
  return {
    candidates: () => [upstream],
    named: (id) => (id === upstream.name ? upstream : undefined),
    onUpstream: (register) => register(upstream),
    hasPortedNumbers: () => false,
  };
}
