import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { claimDueCallbacks, recordCallbackAttempts, type CallbackAttemptResult, type DueCallback } from '../db/callbacks.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import { createHttpPoster } from './http-post.ts';
import { startLoopPool, type RunningLoop } from './loop.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';

export interface CallbackSenderOptions {
  db: Db;
  logger: Logger;
  batchSize?: number;
  timeoutMs?: number;
  leaseMs?: number;
  retry?: BackoffPolicy;
  idleMs?: number;
  /** Rounds in flight at once, so one round's posting overlaps another's claiming and recording. */
  concurrency?: number;
  /** Connections kept open to one tenant's callback server. */
  maxSocketsPerOrigin?: number;
}

const defaultRetry: BackoffPolicy = { minMs: 5_000, maxMs: 30 * 60_000 };

/**
 * The notify step of the hot path: POSTs status reports and reply notifications from the outbox. Any 2xx counts as received; anything
 * else is retried with exponential back-off until the report's retention runs out, and every try is recorded.
 */
export function startCallbackSender(options: CallbackSenderOptions): RunningLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retry = options.retry ?? defaultRetry;
  const http = createHttpPoster(options.maxSocketsPerOrigin ? { maxSocketsPerOrigin: options.maxSocketsPerOrigin } : {});
  const userAgent = 'tern-callbacks/1';
  const jsonHeaders = { 'content-type': 'application/json', 'user-agent': userAgent };
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent };

  // Form reports (the compatible API's) are stored as a flat JSON object of strings and encoded here.
  const encode = (callback: DueCallback) =>
    callback.format === 'form'
      ? { body: new URLSearchParams(JSON.parse(callback.payload) as Record<string, string>).toString(), headers: formHeaders }
      : { body: callback.payload, headers: jsonHeaders };

  async function post(callback: DueCallback): Promise<CallbackAttemptResult> {
    const attemptedAt = new Date();
    const started = performance.now();
    const { body, headers } = encode(callback);
    const answer = await http.post(callback.url, body, { timeoutMs, headers });
    const httpStatus = answer.status;
    const error = answer.error ?? (httpStatus !== null && httpStatus >= 200 && httpStatus < 300 ? null : `HTTP ${httpStatus}`);
    const durationMs = Math.round(performance.now() - started);
    const retryAt = new Date(Date.now() + backoffDelay(callback.attempts - 1, retry));
    const outcome: CallbackAttemptResult['outcome'] =
      error === null ? { kind: 'delivered' } : retryAt > callback.give_up_at ? { kind: 'expired' } : { kind: 'retry', retryAt };
    return { outboxId: callback.id, httpStatus, error, durationMs, attemptedAt, outcome };
  }

  async function step(): Promise<boolean> {
    const due = await claimDueCallbacks(db, batchSize, options.leaseMs ?? timeoutMs * 3);
    if (due.length === 0) return false;
    const results = await Promise.all(due.map(post));
    await retryWhileDatabaseAway('callback attempts', () => recordCallbackAttempts(db, results), logger);
    const failed = results.filter((r) => r.error).length;
    if (failed) logger.warn({ failed, sent: results.length }, 'some status callbacks failed; they will be retried');
    return due.length === batchSize;
  }

  const pool = startLoopPool({ name: 'callback-sender', count: options.concurrency ?? 2, step, idleMs: options.idleMs ?? 1000, logger });
  return {
    wake: pool.wake,
    async stop() {
      await pool.stop();
      http.close();
    },
  };
}
