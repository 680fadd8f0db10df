import type { OutboundMessage, SubmitResult } from '../carriers/carrier.ts';
import type { RoutableUpstream } from '../carriers/carrier.ts';

export interface Failover {
  carrier: string;
  code: string;
  reason: string;
  at: Date;
}

export interface RoutedSubmit {
  result: SubmitResult;
  /** The upstream that gave the final answer; null when no route matched. */
  carrier: string | null;
  /** Upstreams passed over before it, and why. */
  failovers: Failover[];
}

/**
 * Answers that say "not through this upstream" rather than "not this message": SMSCs answer a destination
 * they have no route for with ESME_RINVDSTADR (or a generic submit failure), so the next upstream may carry it.
 */
const routingErrors = new Set(['ESME_RINVDSTADR', 'ESME_RSUBMITFAIL']);

type Failure = SubmitResult & { ok: false };

/** Nothing of the message reached the SMSC, or the SMSC said it did not take it. */
const certainlyNotTaken = (result: Failure) => result.parts.length === 0 && !result.uncertain;
const isRoutingError = (result: Failure) => certainlyNotTaken(result) && routingErrors.has(result.code);

/**
 * Whether the message may go to the next upstream: only when this one certainly did not take it. A bind that was
 * not up, or an SMSC that refused it (no route, throttled, busy) did not; a submit that timed out or whose
 * session dropped may have been taken, and sending it through another carrier too would deliver it twice.
 */
function mayFailOver(result: Failure): boolean {
  return certainlyNotTaken(result) && (result.code === 'BIND_UNAVAILABLE' || isRoutingError(result) || (result.retryable && result.code.startsWith('ESME_')));
}

const usable = (upstream: RoutableUpstream) => upstream.isBound() || upstream.isStarting();

/**
 * Submits through the first upstream that takes the message. Upstreams that are down are passed over without
 * waiting (one whose binds are just starting counts as up). A temporary refusal moves on only to an upstream
 * that is up; a routing error moves on regardless. The answer that ends the walk is final, except that it is
 * retried later (not failed) when the walk stopped at `deadline` (epoch ms, before the claim runs out) with
 * upstreams left, or when a "no route here" came after an upstream was passed over only for being down.
 */
export async function submitRouted(candidates: readonly RoutableUpstream[], message: OutboundMessage, deadline = Infinity): Promise<RoutedSubmit> {
  const failovers: Failover[] = [];
  let passedOverDown = false;
  const done = (result: SubmitResult, carrier: string, retryLater: boolean): RoutedSubmit => ({
    carrier,
    failovers,
    result: !result.ok && retryLater && certainlyNotTaken(result) ? { ...result, retryable: true } : result,
  });
  for (const [i, upstream] of candidates.entries()) {
    const later = candidates.slice(i + 1);
    if (!usable(upstream) && later.some(usable)) {
      failovers.push({ carrier: upstream.name, code: 'BIND_DOWN', reason: `no bind of ${upstream.name} is bound`, at: new Date() });
      passedOverDown = true;
      continue;
    }
    const result = await upstream.submit(message);
    if (result.ok || later.length === 0 || !mayFailOver(result)) return done(result, upstream.name, passedOverDown && !result.ok && isRoutingError(result));
    if (Date.now() > deadline) return done(result, upstream.name, true);
    if (!isRoutingError(result)) {
      // Temporary: with every other upstream down the message goes back to the queue rather than waiting on each.
      if (!later.some(usable)) return done(result, upstream.name, false);
      passedOverDown = true;
    }
    failovers.push({ carrier: upstream.name, code: result.code, reason: result.reason, at: new Date() });
  }
  return {
    carrier: null,
    failovers,
    result: { ok: false, retryable: true, code: 'NO_ROUTE', reason: `no route carries ${message.to}`, parts: [] },
  };
}

/** A retry that must stay with the carrier that may have taken (part of) the message before. */
export async function submitPinned(upstream: RoutableUpstream | undefined, carrier: string, message: OutboundMessage): Promise<RoutedSubmit> {
  if (upstream) return { carrier, failovers: [], result: await upstream.submit(message) };
  const reason = `${carrier} may have taken this message before and is off; it is retried when the carrier is back`;
  return { carrier, failovers: [], result: { ok: false, retryable: true, code: 'CARRIER_OFF', reason, parts: [] } };
}
