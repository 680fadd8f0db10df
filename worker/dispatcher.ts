import type { Logger } from 'pino';
import type { CarrierRouting } from '../carriers/routing.ts';
import type { Db } from '../db/connect.ts';
import { claimDueMessages, recordDispatch, type ClaimedMessage, type DispatchOutcome } from '../db/dispatch-queue.ts';
import { portedNetworks } from '../db/ported-numbers.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import { routeTarget, type RouteTarget } from '../domain/routing.ts';
import { planSegments } from '../domain/segments.ts';
import { submitPinned, submitRouted } from './routed-submit.ts';
import { startLoopPool, type RunningLoop } from './loop.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';

export interface DispatcherOptions {
  db: Db;
  carriers: CarrierRouting;
  logger: Logger;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Rounds in flight at once, so claiming and recording overlap with the carrier's window. */
  concurrency?: number;
  /** How long a claim holds before another worker may take the message over. */
  leaseMs?: number;
  retry?: BackoffPolicy & { maxAttempts: number };
  idleMs?: number;
  /** How long a round woken by new messages waits for more to arrive before it claims. */
  lingerMs?: number;
}

const defaultRetry = { minMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 12 };
/** A claim this recent means messages are flowing, and waiting a little for company is worth it. */
const busyWithinMs = 100;

/** The dispatch step of the hot path: accepted messages to the carrier, results back to Postgres. */
export function startDispatcher(options: DispatcherOptions): RunningLoop {
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 60_000;
  const retry = options.retry ?? defaultRetry;
  const lingerMs = options.lingerMs ?? 10;
  const { carriers, db, logger } = options;
  /** A round is about to claim: messages accepted meanwhile will be in it, nobody else need wake. */
  let gathering = false;
  let backlog = false;
  let lastClaimAt = 0;

  async function dispatch(message: ClaimedMessage, target: RouteTarget, outcome: DispatchOutcome, deadline: number): Promise<void> {
    const { encoding, parts } = planSegments(message.body);
    const outbound = { from: message.sender, to: message.recipient, encoding, parts };
    const routed =
      message.carrier === null
        ? await submitRouted(carriers.candidates(target), outbound, deadline)
        : await submitPinned(carriers.named(message.carrier), message.carrier, outbound);
    const { result, carrier } = routed;
    for (const failover of routed.failovers) outcome.failovers.push({ messageId: message.id, ...failover });
    for (const part of result.parts) outcome.parts.push({ messageId: message.id, carrier: carrier ?? '', ...part });
    if (result.ok) {
      outcome.submitted.push({ messageId: message.id, carrier: carrier ?? '' });
    } else if (result.retryable && message.attempts < retry.maxAttempts) {
      const retryAt = new Date(Date.now() + backoffDelay(message.attempts - 1, retry));
      // A carrier that took some parts, or may have taken the message, keeps it: another could deliver it twice.
      const keep = result.parts.length > 0 || result.uncertain ? carrier : null;
      outcome.retry.push({ messageId: message.id, carrier: keep, code: result.code, reason: result.reason, retryAt });
    } else {
      outcome.failed.push({ messageId: message.id, carrier, code: result.code, reason: result.reason });
    }
  }

  /** Each recipient's country and network; a mainland number on the ported list takes its ported network. */
  async function targetsOf(claimed: ClaimedMessage[]): Promise<RouteTarget[]> {
    const mainland = carriers.hasPortedNumbers() ? claimed.filter((m) => m.recipient.startsWith('+86')).map((m) => m.recipient) : [];
    const ported = await portedNetworks(db, mainland);
    return claimed.map((m) => routeTarget(m.recipient, ported.get(m.recipient)));
  }

  async function step(): Promise<boolean> {
    if (!backlog && lingerMs > 0 && Date.now() - lastClaimAt < busyWithinMs) {
      // Messages are arriving one after another (a few hundred single sends a second): a short wait makes a round
      // of several instead of one each, a claim and a record per round rather than per message. A message that
      // comes alone is claimed at once.
      gathering = true;
      await new Promise((resolve) => setTimeout(resolve, lingerMs));
      gathering = false;
    }
    const claimedAt = (lastClaimAt = Date.now());
    const claimed = await claimDueMessages(db, batchSize, leaseMs);
    backlog = claimed.length === batchSize;
    if (claimed.length === 0) return false;
    // A full batch means a backlog: let another loop claim the next one while this one waits on the window.
    if (backlog) pool.wakeOne();
    const outcome: DispatchOutcome = { submitted: [], failed: [], retry: [], parts: [], failovers: [] };
    const targets = await retryWhileDatabaseAway('ported networks', () => targetsOf(claimed), logger);
    // Failing over stops a quarter into the claim: a last submit (throttled, at worst ~35 s) still ends before
    // another worker may take the message over.
    const deadline = claimedAt + leaseMs / 4;
    await Promise.all(claimed.map((m, i) => dispatch(m, targets[i] as RouteTarget, outcome, deadline)));
    await retryWhileDatabaseAway('dispatch round', () => recordDispatch(db, outcome), logger);
    if (outcome.failed.length || outcome.retry.length || outcome.failovers.length) {
      const { failed, retry, failovers } = outcome;
      logger.warn({ failed: failed.length, retry: retry.length, failovers: failovers.length, codes: [...new Set([...failed, ...retry, ...failovers].map((f) => f.code))] }, 'dispatch round had failures');
    }
    return claimed.length === batchSize;
  }

  // A new message wakes one loop, not every one: each claim costs a scan of the queue.
  const pool = startLoopPool({ name: 'dispatcher', count: options.concurrency ?? 3, step, idleMs: options.idleMs ?? 500, logger });
  return {
    wake() {
      if (!gathering) pool.wake();
    },
    stop: pool.stop,
  };
}
