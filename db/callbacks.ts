import { sql } from 'kysely';
import { claimLeased } from './leased-queue.ts';
import { prepared, type Db } from './connect.ts';
import { platformReportStatus, reportSource } from '../domain/compatible-reports.ts';

/** How long a status report is retried before it is given up (and kept, marked expired). */
export const callbackRetentionHours = 72;

/**
 * Queues the status reports of these messages that have a callback URL, built from the messages as they now
 * are: one JSON report per native message, one form report per part for the compatible API (spec §4, `extend`
 * and `to` only when `extend` was sent). Runs inside the transaction that gave the messages their final state,
 * so no report is lost.
 */
export async function enqueueStatusCallbacks(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await sql`${prepared}
    with m as (
      select * from messages where id = any(${messageIds}::uuid[]) and callback_url is not null
    ), native as (
      insert into callback_outbox (message_id, app_id, url, payload, give_up_at)
      select m.id, m.app_id, m.callback_url,
        jsonb_build_object(
          'event', 'message.status',
          'messageId', m.id,
          'requestId', m.request_id,
          'reference', m.reference,
          'to', m.recipient,
          'from', m.sender,
          'status', m.status,
          'error', case when m.error_code is null then null
                   else jsonb_build_object('code', m.error_code, 'message', m.error_message) end,
          'segments', m.segments,
          'carrier', m.carrier,
          'parts', coalesce((
            select jsonb_agg(jsonb_build_object('partNo', p.part_no, 'stat', p.receipt_stat, 'err', p.receipt_err) order by p.part_no)
            from part_outcomes p where p.message_id = m.id), '[]'::jsonb),
          'submittedAt', m.submitted_at,
          'completedAt', m.completed_at),
        now() + make_interval(hours => ${callbackRetentionHours})
      from m where m.surface = 'native'
    )
    insert into callback_outbox (message_id, app_id, url, payload, format, give_up_at)
    select m.id, m.app_id, m.callback_url,
      jsonb_strip_nulls(jsonb_build_object(
        'smsMsgId', m.id::text,
        'total', m.segments::text,
        'sequence', s.seq::text,
        'status', coalesce(p.receipt_stat, ${JSON.stringify(platformReportStatus)}::jsonb ->> m.status),
        'statusDesc', case when p.receipt_stat is null or p.receipt_stat <> 'DELIVRD' then m.error_message end,
        'source', case when p.receipt_stat is null then ${reportSource.platform} else ${reportSource.smsc} end,
        'updateTime', to_char(p.receipt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'orgCode', p.receipt_err,
        'extend', m.reference,
        'to', case when m.reference is not null then m.recipient end)),
      'form', now() + make_interval(hours => ${callbackRetentionHours})
    from m
    cross join generate_series(1, m.segments) as s(seq)
    -- One row by its key; the limit keeps the lookup per row (flattened into the join, the plan read all of
    -- message_parts once per statement).
    left join lateral (select * from part_outcomes p where p.message_id = m.id and p.part_no = s.seq limit 1) p on true
    where m.surface = 'compatible' and m.status <> 'cancelled'`.execute(db);
}

export interface DueCallback {
  id: number;
  /** Whose secret signs it; null for a report queued before reports were signed. */
  app_id: string | null;
  url: string;
  /** The report's fields as JSON text. */
  payload: string;
  /** Sent as JSON, or form-encoded for the compatible API. */
  format: 'json' | 'form';
  attempts: number;
  give_up_at: Date;
}

export const callbackQueue = { table: 'callback_outbox', readyStatus: 'pending', returning: 'id, app_id, url, payload::text as payload, format, attempts, give_up_at' } as const;

/** Claims due reports; the lease keeps other senders off them while this one is posting. */
export function claimDueCallbacks(db: Db, limit: number, leaseMs: number, held: readonly number[] = []): Promise<DueCallback[]> {
  return claimLeased<DueCallback>(db, callbackQueue, limit, leaseMs, held);
}

export interface CallbackAttemptResult {
  outboxId: number;
  /** The claim's attempt number; earlier attempts nobody recorded are recorded with it, as unknown. */
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
  /** The next state of the report: delivered, retried at `retryAt`, or given up. */
  outcome: { kind: 'delivered' } | { kind: 'retry'; retryAt: Date } | { kind: 'expired' };
}

/** Recorded for an attempt whose sender stopped before recording it: the receiver may or may not have the report. */
const unrecordedAttemptError =
  'ATTEMPT_UNRECORDED: the sender stopped before recording this attempt, so the receiver may have the report already (receivers drop repeats by messageId)';

/** Records one round's attempts (and any earlier ones a stopped sender left unrecorded) and moves each report on (delivered, retried later, or given up) in one statement. */
export async function recordCallbackAttempts(db: Db, results: readonly CallbackAttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const now = new Date();
  await sql`${prepared}
    with a as (
      select * from unnest(${results.map((r) => r.outboxId)}::bigint[], ${results.map((r) => r.attemptedAt)}::timestamptz[],
                           ${results.map((r) => r.httpStatus)}::int[], ${results.map((r) => r.error)}::text[],
                           ${results.map((r) => r.durationMs)}::int[], ${results.map((r) => r.outcome.kind)}::text[],
                           ${results.map((r) => (r.outcome.kind === 'retry' ? r.outcome.retryAt : null))}::timestamptz[],
                           ${results.map((r) => r.attempt)}::int[])
        as a(outbox_id, attempted_at, http_status, error, duration_ms, kind, retry_at, attempt)
    ), unrecorded as (
      insert into callback_attempts (outbox_id, attempt, attempted_at, http_status, error, duration_ms)
      select o.id, n, a.attempted_at, null, ${unrecordedAttemptError}, null
      from a join callback_outbox o on o.id = a.outbox_id
      cross join generate_series(o.recorded_attempts + 1, a.attempt - 1) as n
    ), attempts as (
      insert into callback_attempts (outbox_id, attempt, attempted_at, http_status, error, duration_ms)
      select outbox_id, attempt, attempted_at, http_status, error, duration_ms from a
    )
    update callback_outbox o set
      status = case when a.kind = 'retry' then o.status else a.kind end,
      completed_at = case when a.kind = 'retry' then o.completed_at else ${now}::timestamptz end,
      next_attempt_at = case when a.kind = 'retry' then a.retry_at else o.next_attempt_at end,
      recorded_attempts = greatest(o.recorded_attempts, a.attempt)
    from a where o.id = a.outbox_id`.execute(db);
}

/**
 * Makes the reports waiting out a back-off for these URLs due now: one of them just answered 2xx again, so the
 * rest need not wait up to the back-off's maximum. Reports another sender holds are left alone. Returns how many.
 */
export async function releaseCallbacksTo(db: Db, urls: readonly string[]): Promise<number> {
  if (urls.length === 0) return 0;
  const result = await sql`
    update callback_outbox set next_attempt_at = now()
    where status = 'pending' and next_attempt_at > now() and attempts = recorded_attempts and url = any(${urls}::text[])`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
