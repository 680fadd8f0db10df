import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { callbackQueue, claimDueCallbacks, recordCallbackAttempts, releaseCallbacksTo, type CallbackAttemptResult, type DueCallback } from '../db/callbacks.ts';
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.ts';
import type { CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { signCallback } from '../domain/callback-signing.ts';
import { createHttpPoster, type PostAnswer } from './http-post.ts';
import type { SigningKeys } from './signing-keys.ts';
import type { WorkerMetrics } from './metrics.ts';
import { startLeaseKeeper } from './lease-keeper.ts';
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
  /** Which addresses reports may go to. */
  targets: CallbackTargetPolicy;
  /** The apps' signing secrets: every report is signed with its app's (`domain/callback-signing.ts`). */
  signing: SigningKeys;
  metrics?: Pick<WorkerMetrics, 'callbacks'>;
}

const defaultRetry: BackoffPolicy = { minMs: 5_000, maxMs: 30 * 60_000 };
const releaseEveryMs = 10_000;

/** No answer, or an answer that says the server, not the report, is the trouble. */
const isAway = (httpStatus: number | null, error: string | null) => error !== null && (httpStatus === null || httpStatus >= 500 || httpStatus === 429);

/**
 * What an attempt's record (and so the tenant's timeline) says went wrong: the HTTP status, or a class of failure.
 * The network's own words (`ECONNREFUSED 10.0.0.5:6379`) would let a tenant map what the worker can reach.
 */
function attemptError(answer: PostAnswer): string | null {
  switch (answer.failure) {
    case 'target_not_allowed':
      return 'TARGET_NOT_ALLOWED';
    case 'timeout':
      return 'TIMEOUT';
    case 'network':
      return 'NETWORK_ERROR';
    default:
      return answer.status !== null && answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}`;
  }
}

/**
 * The notify step of the hot path: POSTs status reports and reply notifications from the outbox. Any 2xx counts as received; anything
 * else is retried with exponential back-off until the report's retention runs out, and every try is recorded.
 */
export function startCallbackSender(options: CallbackSenderOptions): RunningLoop {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retry = options.retry ?? defaultRetry;
  // Short, and renewed while a report is being posted: a sender that dies leaves its reports to another soon.
  const leaseMs = options.leaseMs ?? 10_000;
  const leases = startLeaseKeeper<number>(db, callbackQueue, leaseMs, logger);
  const http = createHttpPoster({ policy: options.targets, ...(options.maxSocketsPerOrigin ? { maxSocketsPerOrigin: options.maxSocketsPerOrigin } : {}) });
  const userAgent = 'tern-callbacks/1';
  const jsonHeaders = { 'content-type': 'application/json', 'user-agent': userAgent };
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent };

  // Form reports (the compatible API's) are stored as a flat JSON object of strings and encoded here.
  const encode = (callback: DueCallback) =>
    callback.format === 'form'
      ? { body: new URLSearchParams(JSON.parse(callback.payload) as Record<string, string>).toString(), headers: formHeaders }
      : { body: callback.payload, headers: jsonHeaders };

  async function post(callback: DueCallback, secrets: readonly string[], networkErrors: Set<string>): Promise<CallbackAttemptResult> {
    const attemptedAt = new Date();
    const started = performance.now();
    const { body, headers } = encode(callback);
    // The report's id is the outbox row's: the same on every retry, so a receiver drops repeats by it.
    const signed = secrets.length ? { ...headers, ...signCallback(secrets, `tern_${callback.id}`, body, attemptedAt) } : headers;
    const answer = await http.post(callback.url, body, { timeoutMs, headers: signed });
    const httpStatus = answer.status;
    const error = attemptError(answer);
    if (answer.error && networkErrors.size < 5) networkErrors.add(answer.error);
    const durationMs = Math.round(performance.now() - started);
    const retryAt = new Date(Date.now() + backoffDelay(callback.attempts - 1, retry));
    // A target callbacks may not reach stays so: the report is given up at once rather than retried for days.
    const giveUp = answer.failure === 'target_not_allowed' || retryAt > callback.give_up_at;
    const outcome: CallbackAttemptResult['outcome'] = error === null ? { kind: 'delivered' } : giveUp ? { kind: 'expired' } : { kind: 'retry', retryAt };
    return { outboxId: callback.id, attempt: callback.attempts, httpStatus, error, durationMs, attemptedAt, outcome };
  }

  /** Callback URLs this sender saw away (no answer, 5xx or 429) and not answer since. */
  const away = new Set<string>();
  /** When each URL's waiting reports were last released. */
  const releasedAt = new Map<string, number>();

  /**
   * URLs that answered 2xx after being away: their other waiting reports are made due, so that a receiver back
   * from an outage gets its backlog at once. A receiver refusing one report (a 4xx) is not away, and a URL is
   * released at most every `releaseEveryMs`, so the reports of a server that keeps failing still back off.
   */
  function recovered(due: DueCallback[], results: CallbackAttemptResult[]): string[] {
    const now = Date.now();
    const urls: string[] = [];
    due.forEach((callback, i) => {
      const result = results[i];
      if (result && isAway(result.httpStatus, result.error)) away.add(callback.url);
      else if (result?.error === null && away.has(callback.url) && now - (releasedAt.get(callback.url) ?? 0) > releaseEveryMs) {
        away.delete(callback.url);
        releasedAt.set(callback.url, now);
        urls.push(callback.url);
      }
    });
    if (releasedAt.size > 10_000) for (const [url, at] of releasedAt) if (now - at > releaseEveryMs) releasedAt.delete(url);
    return urls;
  }

  async function step(): Promise<boolean> {
    const due = await claimDueCallbacks(db, batchSize, leaseMs, leases.lapsed());
    if (due.length === 0) return false;
    const releases = due.map((callback) => leases.hold(callback));
    const networkErrors = new Set<string>();
    let results: CallbackAttemptResult[];
    try {
      const keys = await options.signing.of(due.flatMap((callback) => (callback.app_id ? [callback.app_id] : [])));
      results = await Promise.all(due.map((callback) => post(callback, (callback.app_id && keys.get(callback.app_id)) || [], networkErrors)));
      await retryWhileDatabaseAway('callback attempts', () => recordCallbackAttempts(db, results), logger);
    } finally {
      for (const release of releases) release();
    }
    for (const result of results) options.metrics?.callbacks.inc({ outcome: result.outcome.kind, failure: result.error ?? '' });
    const back = recovered(due, results);
    if (back.length) {
      const released = await releaseCallbacksTo(db, back).catch((err: unknown) => {
        logger.warn({ err: (err as Error).message }, 'could not release the reports waiting for a callback server');
        return 0;
      });
      if (released) logger.info({ urls: back.length, released }, 'callback servers answering again: their waiting reports are due now');
    }
    const failed = results.filter((r) => r.error).length;
    if (failed) logger.warn({ failed, sent: results.length, networkErrors: [...networkErrors] }, 'some status callbacks failed; retried later, or given up if their target is not allowed');
    return due.length === batchSize;
  }

  const pool = startLoopPool({ name: 'callback-sender', count: options.concurrency ?? 2, step, idleMs: options.idleMs ?? 1000, logger });
  return {
    wake: pool.wake,
    async stop() {
      await pool.stop();
      leases.stop();
      http.close();
    },
  };
}
