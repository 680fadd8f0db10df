import type { CarrierBind, RoutableUpstream } from './carrier.ts';
import { Upstream } from './upstream.ts';
import type { RouteTarget } from '../domain/routing.ts';

/** What the hot path needs from routing: the upstreams for a number, and every upstream to listen to. */
export interface CarrierRouting {
  /** The upstreams that may carry a message to `target`, best first; empty when no route matches. */
  candidates(target: RouteTarget): RoutableUpstream[];
  /** A carrier that is not off, by id (a retry that must stay with the carrier that may have taken it). */
  named(id: string): RoutableUpstream | undefined;
  /** Calls `register` for every upstream, now and whenever one is added later (receipt and reply intake). */
  onUpstream(register: (upstream: CarrierBind) => void): void;
  /** Whether any ported number is on record; when none is, the dispatcher skips looking them up. */
  hasPortedNumbers(): boolean;
  /** Lanes this worker leaves alone: carriers whose binds only other workers hold (their messages are theirs to claim). */
  lanesNotHere(): readonly string[];
}

/** Every number to one bind: for tests and tools that run a single simulator. */
export function singleCarrier(bind: CarrierBind): CarrierRouting {
  const upstream = new Upstream(bind.name);
  void upstream.replaceBinds([bind]);
  return {
    candidates: () => [upstream],
    named: (id) => (id === upstream.name ? upstream : undefined),
    onUpstream: (register) => register(upstream),
    hasPortedNumbers: () => false,
    lanesNotHere: () => [],
  };
}
