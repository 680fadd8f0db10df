import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { enqueueStatusCallbacks } from './callbacks.ts';
import { isFinal, predecessorsOf, statusFromParts, type MessageStatus } from '../domain/message-status.ts';
import { backoffDelay } from '../domain/backoff.ts';

export interface IncomingReceipt {
  carrier: string;
  carrierMessageId: string;
  stat: string;
  err: string;
  raw: string;
  receivedAt: Date;
}

export async function storeReceipts(db: Db, receipts: readonly IncomingReceipt[]): Promise<void> {
  if (receipts.length === 0) return;
  await sql`
    insert into receipt_inbox (carrier, carrier_message_id, stat, err, raw, received_at)
    select * from unnest(${receipts.map((r) => r.carrier)}::text[], ${receipts.map((r) => r.carrierMessageId)}::text[],
      ${receipts.map((r) => r.stat)}::text[], ${receipts.map((r) => r.err)}::text[], ${receipts.map((r) => r.raw)}::text[],
      ${receipts.map((r) => r.receivedAt)}::timestamptz[])`.execute(db);
}

// A receipt may arrive before its submit is recorded; retry the match for a while, then park it for support.
const matchRetry = { minMs: 200, maxMs: 60 * 60_000 };
const maxMatchAttempts = 30;

export interface MatchRound {
  /** Inbox rows looked at. */
  seen: number;
  matched: number;
  /** Messages that reached a final state in this round. */
  completed: number;
}

/**
 * Matches stored receipts to message parts and moves each message whose parts have all ended to its final
 * state, queueing its status report, in one transaction.
 */
export async function matchReceipts(db: Db, limit: number): Promise<MatchRound> {
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: number; carrier: string; carrier_message_id: string; stat: string; err: string; received_at: Date; match_attempts: number }>`
      select id, carrier, carrier_message_id, stat, err, received_at, match_attempts from receipt_inbox
      where next_match_at <= now() order by id limit ${limit} for update skip locked`.execute(trx);
    if (due.rows.length === 0) return { seen: 0, matched: 0, completed: 0 };

    // A late intermediate receipt (ENROUTE, ACCEPTD) never overwrites a final one.
    const matched = await sql<{ message_id: string; inbox_id: number }>`
      update message_parts p set
        receipt_stat = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.stat else p.receipt_stat end,
        receipt_err = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.err else p.receipt_err end,
        receipt_at = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.at else p.receipt_at end
      from unnest(${due.rows.map((r) => r.id)}::bigint[], ${due.rows.map((r) => r.carrier)}::text[],
                  ${due.rows.map((r) => r.carrier_message_id)}::text[], ${due.rows.map((r) => r.stat)}::text[],
                  ${due.rows.map((r) => r.err)}::text[], ${due.rows.map((r) => r.received_at)}::timestamptz[])
        as r(id, carrier, cid, stat, err, at)
      where p.carrier = r.carrier and p.carrier_message_id = r.cid
      returning p.message_id, r.id as inbox_id`.execute(trx);

    const matchedIds = new Set(matched.rows.map((m) => m.inbox_id));
    const unmatched = due.rows.filter((r) => !matchedIds.has(r.id));
    if (matchedIds.size) await trx.deleteFrom('receipt_inbox').where('id', 'in', [...matchedIds]).execute();
    for (const r of unmatched) {
      const attempts = r.match_attempts + 1;
      const next = attempts >= maxMatchAttempts ? 'infinity' : new Date(Date.now() + backoffDelay(attempts - 1, matchRetry));
      await sql`update receipt_inbox set match_attempts = ${attempts}, next_match_at = ${next} where id = ${r.id}`.execute(trx);
    }

    const completed = await completeMessages(trx, [...new Set(matched.rows.map((m) => m.message_id))]);
    return { seen: due.rows.length, matched: matchedIds.size, completed: completed.length };
  });
}

/** Gives each message whose parts have all ended its final state; returns the ids that changed. */
async function completeMessages(db: Db, messageIds: string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const parts = await sql<{ id: string; segments: number; stats: (string | null)[]; errs: (string | null)[] }>`
    select m.id, m.segments, array_agg(p.receipt_stat order by p.part_no) as stats, array_agg(p.receipt_err order by p.part_no) as errs
    from messages m join message_parts p on p.message_id = m.id
    where m.id = any(${messageIds}::uuid[]) and m.status = 'submitted'
    group by m.id, m.segments`.execute(db);

  const byStatus = new Map<MessageStatus, { id: string; err: string | null }[]>();
  for (const row of parts.rows) {
    const stats = row.stats.length === row.segments ? row.stats : [...row.stats, null];
    const status = statusFromParts(stats);
    if (!isFinal(status)) continue;
    const err = status === 'delivered' ? null : (row.errs.find((e, i) => e && row.stats[i] !== 'DELIVRD') ?? null);
    const group = byStatus.get(status) ?? [];
    group.push({ id: row.id, err });
    byStatus.set(status, group);
  }

  const changed: string[] = [];
  for (const [status, rows] of byStatus) {
    const updated = await sql<{ id: string }>`
      update messages m set status = ${status}, completed_at = now(),
        error_code = case when r.err is null then null else 'CARRIER_' || upper(${status}) end,
        error_message = case when r.err is null then null else 'The carrier reported ' || ${status} || ' (err ' || r.err || ').' end
      from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.err)}::text[]) as r(id, err)
      where m.id = r.id and m.status = any(${predecessorsOf(status)}::text[])
      returning m.id`.execute(db);
    changed.push(...updated.rows.map((r) => r.id));
  }
  await enqueueStatusCallbacks(db, changed);
  return changed;
}
