import type { Logger } from 'pino';
import type { CarrierBind } from '../carriers/carrier.ts';
import type { Db } from '../db/connect.ts';
import { claimDueMessages, recordDispatch, type ClaimedMessage, type DispatchOutcome } from '../db/dispatch-queue.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import { planSegments } from '../domain/segments.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface DispatcherOptions {
  db: Db;
  bind: CarrierBind;
  logger: Logger;
  /** Messages claimed per round. */
  batchSize?: number;
  /** Rounds in flight at once, so claiming and recording overlap with the carrier's window. */
  concurrency?: number;
  /** How long a claim holds before another worker may take the message over. */
  leaseMs?: number;
  retry?: BackoffPolicy & { maxAttempts: number };
  idleMs?: number;
}

const defaultRetry = { minMs: 2_000, maxMs: 5 * 60_000, maxAttempts: 12 };

/** The dispatch step of the hot path: accepted messages to the carrier, results back to Postgres. */
export function startDispatcher(options: DispatcherOptions): RunningLoop {
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 60_000;
  const retry = options.retry ?? defaultRetry;
  const { bind, db, logger } = options;

  async function dispatch(message: ClaimedMessage, outcome: DispatchOutcome): Promise<void> {
    const { encoding, parts } = planSegments(message.body);
    const result = await bind.submit({ from: message.sender, to: message.recipient, encoding, parts });
    for (const part of result.parts) outcome.parts.push({ messageId: message.id, ...part });
    if (result.ok) {
      outcome.submitted.push({ messageId: message.id });
    } else if (result.retryable && message.attempts < retry.maxAttempts) {
      const retryAt = new Date(Date.now() + backoffDelay(message.attempts - 1, retry));
      outcome.retry.push({ messageId: message.id, code: result.code, reason: result.reason, retryAt });
    } else {
      outcome.failed.push({ messageId: message.id, code: result.code, reason: result.reason });
    }
  }

  async function step(): Promise<boolean> {
    const claimed = await claimDueMessages(db, batchSize, leaseMs);
    if (claimed.length === 0) return false;
    const outcome: DispatchOutcome = { carrier: bind.name, submitted: [], failed: [], retry: [], parts: [] };
    await Promise.all(claimed.map((m) => dispatch(m, outcome)));
    await recordDispatch(db, outcome);
    if (outcome.failed.length || outcome.retry.length) {
      logger.warn({ failed: outcome.failed.length, retry: outcome.retry.length, carrier: bind.name }, 'dispatch round had failures');
    }
    return claimed.length === batchSize;
  }

  const loops = Array.from({ length: options.concurrency ?? 3 }, (_, i) =>
    startLoop({ name: `dispatcher-${i}`, step, idleMs: options.idleMs ?? 500, logger }),
  );
  return {
    wake: () => loops.forEach((l) => l.wake()),
    stop: async () => void (await Promise.all(loops.map((l) => l.stop()))),
  };
}
