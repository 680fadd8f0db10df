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

function mayFailOver(result: SubmitResult & { ok: false }): boolean {
  // A message some of whose parts one upstream took must not be sent again in full through another.
  return result.parts.length === 0 && (result.retryable || routingErrors.has(result.code));
}

/**
 * Submits through the first upstream that takes the message. Upstreams whose binds are all down are passed over
 * without waiting, unless none further down is bound either; then the first of them gets it and waits out a
 * short reconnect. The answer that ends the walk is final (a retryable one puts the message back in the queue).
 */
export async function submitRouted(candidates: readonly CarrierBind[], message: OutboundMessage): Promise<RoutedSubmit> {
  const failovers: Failover[] = [];
  for (const [i, upstream] of candidates.entries()) {
    const later = candidates.slice(i + 1);
    if (!upstream.isBound() && later.some((c) => c.isBound())) {
      failovers.push({ carrier: upstream.name, code: 'BIND_DOWN', reason: `no bind of ${upstream.name} is bound`, at: new Date() });
      continue;
    }
    const result = await upstream.submit(message);
    // A temporary failure moves on only to an upstream that is up; with every one down the message goes back to
    // the queue rather than waiting out each bind in turn. A routing error moves on regardless.
    const worthNext = !result.ok && (routingErrors.has(result.code) || later.some((c) => c.isBound()));
    if (result.ok || later.length === 0 || !mayFailOver(result) || !worthNext) return { result, carrier: upstream.name, failovers };
    failovers.push({ carrier: upstream.name, code: result.code, reason: result.reason, at: new Date() });
  }
  return {
    carrier: null,
    failovers,
    result: { ok: false, retryable: true, code: 'NO_ROUTE', reason: `no route carries ${message.to}`, parts: [] },
  };
}
