import type { Logger } from 'pino';
import type { CarrierRouting } from '../carriers/routing.ts';
import type { Db } from '../db/connect.ts';
import { claimDueMessages, dispatchQueue, emptyDispatchOutcome, releaseRetriesFor, unrecordedAttempts, type ClaimedMessage, type DispatchOutcome } from '../db/dispatch-queue.ts';
import { watchCarrierReturns } from './carrier-returns.ts';
import { createDispatchRecorder } from './dispatch-recorder.ts';
import type { WorkerMetrics } from './metrics.ts';
import { startLeaseKeeper } from './lease-keeper.ts';
import { portedNetworks } from '../db/ported-numbers.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import { routeTarget, type RouteTarget } from '../domain/routing.ts';
import { concatReference, planSegments } from '../domain/segments.ts';
import { submitPinned, submitRouted } from './routed-submit.ts';
import { laneHandoff } from '../carriers/remote-lane.ts';
import { createClaimGathering } from './claim-gathering.ts';
import { startLoopPool, type RunningLoop } from './loop.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';

export interface DispatcherOptions {
  db: Db;
  carriers: CarrierRouting;
  logger: Logger;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Loops claiming at once; messages in flight at most `batchSize × concurrency`. */
  concurrency?: number;
  /** Campaign messages at the binds at most (default 50, a carrier window): what a verification code may find ahead of it there. */
  campaignInFlight?: number;
  /** How long a claim holds, unless renewed, before another worker may take the message over. */
  leaseMs?: number;
  retry?: BackoffPolicy & { maxAttempts: number };
  idleMs?: number;
  /** How long a round woken by new messages waits for more to arrive before it claims. */
  lingerMs?: number;
  metrics?: Pick<WorkerMetrics, 'dispatched'>;
}

const defaultRetry = { minMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 12 };
/**
 * How long a message may go on to the next upstream after its claim. A last submit (throttled, at worst ~35 s)
 * then still ends well within the time a retry would take anyway.
 */
const failoverBudgetMs = 15_000;
/** How long a message handed to this worker's lane and handed on again waits, while the workers' views settle. */
const laneBounceMs = 1_000;

/** The dispatch step of the hot path: accepted messages to the carrier, results back to Postgres. */
export function startDispatcher(options: DispatcherOptions): RunningLoop {
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 10_000;
  const retry = options.retry ?? defaultRetry;
  const gathering = createClaimGathering(options.lingerMs ?? 10);
  const { carriers, db, logger } = options;
  let backlog = false;
  const maxInFlight = batchSize * (options.concurrency ?? 3);
  /** Messages claimed and not yet recorded; and whether a loop gave up claiming for want of room. */
  let inFlight = 0;
  let campaignInFlight = 0;
  const maxCampaignInFlight = options.campaignInFlight ?? 50;
  let campaignsWaiting = false;
  let starved = false;
  const running = new Set<Promise<void>>();
  const recorder = createDispatchRecorder({
    db,
    logger,
    onRecorded: (o) => {
      const counter = options.metrics?.dispatched;
      if (!counter) return;
      for (const [outcome, entries] of [['submitted', o.submitted], ['failed', o.failed], ['retry', o.retry], ['unrecorded', o.unrecorded]] as const) {
        if (entries.length) counter.inc({ outcome }, entries.length);
      }
    },
  });
  const leases = startLeaseKeeper<string>(db, dispatchQueue, leaseMs, logger);

  async function dispatch(message: ClaimedMessage, target: RouteTarget, outcome: DispatchOutcome, deadline: number): Promise<void> {
    const { id: messageId, attempts: attempt } = message;
    outcome.unrecorded.push(...unrecordedAttempts(message));
    const { encoding, parts } = planSegments(message.body);
    // A retry at the carrier that took some parts sends the others only, under the same reference.
    const taken = new Set(message.taken ?? []);
    const partNos = taken.size ? parts.map((_, i) => i + 1).filter((n) => !taken.has(n)) : undefined;
    if (partNos?.length === 0) {
      outcome.submitted.push({ messageId, attempt, carrier: message.carrier ?? '' });
      return;
    }
    const outbound = {
      from: message.sender,
      to: message.recipient,
      encoding,
      parts,
      reference: concatReference(messageId),
      ...(partNos ? { partNos } : {}),
      bulk: message.from_campaign,
      ready: recorder.whenRoom,
    };
    const routed =
      message.carrier === null
        ? await submitRouted(carriers.candidates(target), outbound, deadline)
        : await submitPinned(carriers.named(message.carrier), message.carrier, outbound);
    const { result, carrier } = routed;
    for (const failover of routed.failovers) outcome.failovers.push({ messageId, ...failover });
    if (!result.ok && result.code === laneHandoff && carrier !== null) {
      // Handed on again right after being handed here: the two workers' views of the binds differ for a moment.
      const at = new Date(Date.now() + (message.lane === null ? 0 : laneBounceMs));
      outcome.handoffs.push({ messageId, attempt, lane: carrier, at });
      return;
    }
    for (const part of result.parts) outcome.parts.push({ messageId, attempt, carrier: carrier ?? '', ...part });
    if (result.ok) {
      outcome.submitted.push({ messageId, attempt, carrier: carrier ?? '' });
    } else if (result.retryable && attempt < retry.maxAttempts) {
      const retryAt = new Date(Date.now() + backoffDelay(attempt - 1, retry));
      // A carrier that took some parts, or may have taken the message, keeps it: another could deliver it twice.
      const pin = carrier !== null && (result.parts.length > 0 || taken.size > 0 || result.uncertain === true);
      outcome.retry.push({ messageId, attempt, carrier, pin, code: result.code, reason: result.reason, retryAt, maybeSent: result.uncertain === true });
    } else {
      outcome.failed.push({ messageId, attempt, carrier, code: result.code, reason: result.reason });
    }
  }

  /** Each recipient's country and network; a mainland number on the ported list takes its ported network. */
  async function targetsOf(claimed: ClaimedMessage[]): Promise<RouteTarget[]> {
    const mainland = carriers.hasPortedNumbers() ? claimed.filter((m) => m.recipient.startsWith('+86')).map((m) => m.recipient) : [];
    const ported = await portedNetworks(db, mainland);
    return claimed.map((m) => routeTarget(m.recipient, ported.get(m.recipient)));
  }

  async function step(): Promise<boolean> {
    await gathering.gather(backlog);
    const room = maxInFlight - inFlight;
    if (room <= 0) {
      // Every slot is taken: the first message to finish wakes a loop.
      starved = true;
      return false;
    }
    const limit = Math.min(batchSize, room);
    const claimedAt = Date.now();
    gathering.claimed();
    const campaignRoom = maxCampaignInFlight - campaignInFlight;
    // Campaigns' messages may be waiting that this round has no room for: the first to leave the binds wakes a loop.
    if (campaignRoom < limit) campaignsWaiting = true;
    const claimed = await claimDueMessages(db, limit, leaseMs, leases.lapsed(), carriers.lanesNotHere(), campaignRoom);
    backlog = claimed.length === limit;
    if (claimed.length === 0) return false;
    inFlight += claimed.length;
    const fromCampaigns = claimed.filter((m) => m.from_campaign).length;
    campaignInFlight += fromCampaigns;
    const releases = claimed.map((message) => leases.hold(message));
    let targets: RouteTarget[];
    try {
      targets = await retryWhileDatabaseAway('ported networks', () => targetsOf(claimed), logger);
    } catch (err) {
      for (const release of releases) release();
      inFlight -= claimed.length;
      campaignInFlight -= fromCampaigns;
      throw err;
    }
    const deadline = claimedAt + failoverBudgetMs;
    // Each message's outcome is written as soon as it is known, with whatever else is known by then; its lease is
    // renewed until then. The loop does not wait for the round: a carrier that is slow to answer (throttling) holds
    // its own messages only, and the next round starts for the other carriers' traffic.
    claimed.forEach((message, i) => {
      const outcome = emptyDispatchOutcome();
      // A campaign's message counts against its share while it is at the binds (submitting, or waiting for the
      // window), which is what a verification code could queue behind; not while its outcome is being written.
      let atBinds = message.from_campaign;
      const leaveBinds = () => {
        if (!atBinds) return;
        atBinds = false;
        campaignInFlight--;
        if (campaignsWaiting) {
          campaignsWaiting = false;
          pool.wakeOne();
        }
      };
      const done = dispatch(message, targets[i] as RouteTarget, outcome, deadline)
        .then(() => {
          leaveBinds();
          return recorder.record(outcome);
        })
        .catch((err: unknown) => logger.error({ err, messageId: message.id }, 'dispatching a message failed; it is retried when its claim runs out'))
        .finally(() => {
          releases[i]?.();
          inFlight--;
          leaveBinds();
          running.delete(done);
          if (starved) {
            starved = false;
            pool.wakeOne();
          }
        });
      running.add(done);
    });
    return backlog;
  }

  // A new message wakes one loop, not every one: each claim costs a scan of the queue.
  const pool = startLoopPool({ name: 'dispatcher', count: options.concurrency ?? 3, step, idleMs: options.idleMs ?? 500, logger });
  const release = (carrier: string) =>
    releaseRetriesFor(db, carrier).then(
      (released) => {
        if (released === 0) return;
        logger.info({ carrier, released }, 'carrier back: messages waiting for it are due now');
        pool.wake();
      },
      (err: unknown) => logger.warn({ err: (err as Error).message, carrier }, 'could not release the messages waiting for a carrier'),
    );
  const returns = watchCarrierReturns(carriers, (carrier) => {
    // A message that gave up on the bind just before it came back is recorded after this first release, with a
    // back-off of up to minutes: once the rounds under way now are written, they are released too.
    const underWay = [...running];
    void release(carrier).then(() => Promise.allSettled(underWay)).then(() => release(carrier));
  });
  return {
    wake() {
      if (gathering.accepted()) pool.wake();
    },
    async stop() {
      returns.stop();
      await pool.stop();
      await Promise.all(running);
      leases.stop();
    },
  };
}
