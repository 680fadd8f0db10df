import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { claimDueCallbacks, recordCallbackAttempts, type CallbackAttemptResult, type DueCallback } from '../db/callbacks.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface CallbackSenderOptions {
  db: Db;
  logger: Logger;
  batchSize?: number;
  timeoutMs?: number;
  leaseMs?: number;
  retry?: BackoffPolicy;
  idleMs?: number;
}

const defaultRetry: BackoffPolicy = { minMs: 5_000, maxMs: 30 * 60_000 };

/**
 * The notify step of the hot path: POSTs status reports from the outbox. Any 2xx counts as received; anything
 * else is retried with exponential back-off until the report's retention runs out, and every try is recorded.
 */
export function startCallbackSender(options: CallbackSenderOptions): RunningLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retry = options.retry ?? defaultRetry;

  async function post(callback: DueCallback): Promise<CallbackAttemptResult> {
    const attemptedAt = new Date();
    const started = performance.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(callback.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'tern-callbacks/1' },
        body: JSON.stringify(callback.payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      httpStatus = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (err) {
      error = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    }
    const durationMs = Math.round(performance.now() - started);
    const retryAt = new Date(Date.now() + backoffDelay(callback.attempts - 1, retry));
    const outcome: CallbackAttemptResult['outcome'] =
      error === null ? { kind: 'delivered' } : retryAt > callback.give_up_at ? { kind: 'expired' } : { kind: 'retry', retryAt };
    return { outboxId: callback.id, httpStatus, error, durationMs, attemptedAt, outcome };
  }

  return startLoop({
    name: 'callback-sender',
    logger,
    idleMs: options.idleMs ?? 1000,
    step: async () => {
      const due = await claimDueCallbacks(db, batchSize, options.leaseMs ?? timeoutMs * 3);
      if (due.length === 0) return false;
      const results = await Promise.all(due.map(post));
      await recordCallbackAttempts(db, results);
      const failed = results.filter((r) => r.error).length;
      if (failed) logger.warn({ failed, sent: results.length }, 'some status callbacks failed; they will be retried');
      return due.length === batchSize;
    },
  });
}
