import { sql } from 'kysely';
import { claimLeased } from './leased-queue.ts';
import { prepared, type Db } from './connect.ts';

/** How long a status report is retried before it is given up (and kept, marked expired). */
export const callbackRetentionHours = 72;

/**
 * Queues a status report for each of these messages that has a callback URL, built from the message as it
 * now is. Runs inside the transaction that gave the messages their final state, so no report is lost.
 */
export async function enqueueStatusCallbacks(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await sql`${prepared}
    insert into callback_outbox (message_id, url, payload, give_up_at)
    select m.id, m.callback_url,
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
          from message_parts p where p.message_id = m.id), '[]'::jsonb),
        'submittedAt', m.submitted_at,
        'completedAt', m.completed_at),
      now() + make_interval(hours => ${callbackRetentionHours})
    from messages m
    where m.id = any(${messageIds}::uuid[]) and m.callback_url is not null`.execute(db);
}

export interface DueCallback {
  id: number;
  url: string;
  /** The report as JSON text, ready to send. */
  payload: string;
  attempts: number;
  give_up_at: Date;
}

const outbox = { table: 'callback_outbox', readyStatus: 'pending', returning: 'id, url, payload::text as payload, attempts, give_up_at' } as const;

/** Claims due reports; the lease keeps other senders off them while this one is posting. */
export function claimDueCallbacks(db: Db, limit: number, leaseMs: number): Promise<DueCallback[]> {
  return claimLeased<DueCallback>(db, outbox, limit, leaseMs);
}

export interface CallbackAttemptResult {
  outboxId: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
  /** The next state of the report: delivered, retried at `retryAt`, or given up. */
  outcome: { kind: 'delivered' } | { kind: 'retry'; retryAt: Date } | { kind: 'expired' };
}

/** Records one round's attempts and moves each report on (delivered, retried later, or given up) in one statement. */
export async function recordCallbackAttempts(db: Db, results: readonly CallbackAttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const now = new Date();
  await sql`${prepared}
    with a as (
      select * from unnest(${results.map((r) => r.outboxId)}::bigint[], ${results.map((r) => r.attemptedAt)}::timestamptz[],
                           ${results.map((r) => r.httpStatus)}::int[], ${results.map((r) => r.error)}::text[],
                           ${results.map((r) => r.durationMs)}::int[], ${results.map((r) => r.outcome.kind)}::text[],
                           ${results.map((r) => (r.outcome.kind === 'retry' ? r.outcome.retryAt : null))}::timestamptz[])
        as a(outbox_id, attempted_at, http_status, error, duration_ms, kind, retry_at)
    ), attempts as (
      insert into callback_attempts (outbox_id, attempted_at, http_status, error, duration_ms)
      select outbox_id, attempted_at, http_status, error, duration_ms from a
    )
    update callback_outbox o set
      status = case when a.kind = 'retry' then o.status else a.kind end,
      completed_at = case when a.kind = 'retry' then o.completed_at else ${now}::timestamptz end,
      next_attempt_at = case when a.kind = 'retry' then a.retry_at else o.next_attempt_at end
    from a where o.id = a.outbox_id`.execute(db);
}
