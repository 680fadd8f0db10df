import type { CarrierBind, OutboundMessage, SubmitResult } from '../carriers/carrier.ts';

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

/**
 * Whether the message may go to the next upstream: only when this one certainly did not take it. A bind that was
 * not up, or an SMSC that refused it (no route, throttled, busy) did not; a submit that timed out or whose
 * session dropped may have been taken, and sending it through another carrier too would deliver it twice.
 */
function mayFailOver(result: SubmitResult & { ok: false }): boolean {
  if (result.parts.length > 0) return false;
  return result.code === 'BIND_UNAVAILABLE' || routingErrors.has(result.code) || (result.retryable && result.code.startsWith('ESME_'));
}

/**
 * Submits through the first upstream that takes the message. Upstreams whose binds are all down are passed over
 * without waiting, unless none further down is bound either; then the first of them gets it (and answers at once
 * that it is down, or waits out a bind that is just starting). The answer that ends the walk is final, except that
 * a refusal after an upstream was passed over only for being down is retried later, when that one may be back.
 * `deadline` (epoch ms) stops the walk before the message's claim runs out.
 */
export async function submitRouted(candidates: readonly CarrierBind[], message: OutboundMessage, deadline = Infinity): Promise<RoutedSubmit> {
  const failovers: Failover[] = [];
  let passedOverDown = false;
  const done = (result: SubmitResult, carrier: string): RoutedSubmit => ({
    carrier,
    failovers,
    result: !result.ok && !result.retryable && passedOverDown ? { ...result, retryable: true } : result,
  });
  for (const [i, upstream] of candidates.entries()) {
    const later = candidates.slice(i + 1);
    if (!upstream.isBound() && later.some((c) => c.isBound())) {
      failovers.push({ carrier: upstream.name, code: 'BIND_DOWN', reason: `no bind of ${upstream.name} is bound`, at: new Date() });
      passedOverDown = true;
      continue;
    }
    const result = await upstream.submit(message);
    if (result.ok || later.length === 0 || !mayFailOver(result) || Date.now() > deadline) return done(result, upstream.name);
    // A temporary refusal moves on only to an upstream that is up; with every one down the message goes back to
    // the queue rather than waiting on each in turn. A routing error moves on regardless.
    if (!routingErrors.has(result.code) && !later.some((c) => c.isBound())) return done(result, upstream.name);
    if (!routingErrors.has(result.code)) passedOverDown = true;
    failovers.push({ carrier: upstream.name, code: result.code, reason: result.reason, at: new Date() });
  }
  return {
    carrier: null,
    failovers,
    result: { ok: false, retryable: true, code: 'NO_ROUTE', reason: `no route carries ${message.to}`, parts: [] },
  };
}
