import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import { enqueueStatusCallbacks } from './callbacks.ts';
import { isFinal, moveTo, statusFromParts, type MessageStatus } from '../domain/message-status.ts';
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
  await sql`${prepared}
    insert into receipt_inbox (carrier, carrier_message_id, stat, err, raw, received_at)
    select * from unnest(${receipts.map((r) => r.carrier)}::text[], ${receipts.map((r) => r.carrierMessageId)}::text[],
      ${receipts.map((r) => r.stat)}::text[], ${receipts.map((r) => r.err)}::text[], ${receipts.map((r) => r.raw)}::text[],
      ${receipts.map((r) => r.receivedAt)}::timestamptz[])`.execute(db);
}

// A receipt may arrive before its submit is recorded; retry the match for a while, then park it for support.
const matchRetry = { minMs: 200, maxMs: 60 * 60_000 };
const maxMatchAttempts = 30;

/**
 * Deletes receipts parked (never matched, given up on) that arrived before `olderThan`, at most `limit`: support
 * has had them for the retention period, and kept for ever they would only grow the inbox.
 */
export async function deleteParkedReceipts(db: Db, olderThan: Date, limit: number): Promise<number> {
  const result = await sql`
    delete from receipt_inbox where id in (
      select id from receipt_inbox where next_match_at = 'infinity' and received_at < ${olderThan} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface MatchRound {
  /** Inbox rows looked at. */
  seen: number;
  matched: number;
  /** Messages that reached a final state in this round. */
  completed: number;
  /** Receipts this round gave up matching (parked for operators: `listUnmatchedReceipts`). */
  parked: { carrier: string; carrierMessageId: string }[];
}

/**
 * Matches stored receipts to message parts and moves each message whose parts have all ended to its final
 * state, queueing its status report, in one transaction. Claiming, matching and clearing the matched receipts
 * is one statement; the unmatched ones are put back for later in another.
 */
export async function matchReceipts(db: Db, limit: number): Promise<MatchRound> {
  return db.transaction().execute(async (trx) => {
    // A late intermediate receipt (ENROUTE, ACCEPTD) never overwrites a final one. The rows of `due` come back
    // with their attempts, those of `matched` with the message they reached: a union, not a join, so that no
    // plan compares every claimed receipt with every match.
    const round = await sql<{ id: number; match_attempts: number | null; message_id: string | null; carrier: string | null; carrier_message_id: string | null }>`${prepared}
      with due as (
        select id, carrier, carrier_message_id, stat, err, received_at, match_attempts from receipt_inbox
        where next_match_at <= now() order by id limit ${limit} for update skip locked
      ), matched as (
        update message_parts p set
          receipt_stat = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.stat else p.receipt_stat end,
          receipt_err = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.err else p.receipt_err end,
          receipt_at = case when p.receipt_stat is null or p.receipt_stat in ('ENROUTE', 'ACCEPTD') then r.received_at else p.receipt_at end
        from due r
        where p.carrier = r.carrier and p.carrier_message_id = r.carrier_message_id
        returning p.message_id, r.id as inbox_id
      ), cleared as (
        delete from receipt_inbox where id = any(array(select inbox_id from matched))
      )
      select id, match_attempts, null::uuid as message_id, carrier, carrier_message_id from due
      union all
      select inbox_id, null, message_id, null, null from matched`.execute(trx);
    if (round.rows.length === 0) return { seen: 0, matched: 0, completed: 0, parked: [] };

    const seen = new Map<number, number>();
    const ids = new Map<number, { carrier: string; carrierMessageId: string }>();
    const matchedIds = new Set<number>();
    const messageIds = new Set<string>();
    for (const row of round.rows) {
      if (row.message_id) {
        matchedIds.add(row.id);
        messageIds.add(row.message_id);
      } else {
        seen.set(row.id, row.match_attempts ?? 0);
        ids.set(row.id, { carrier: row.carrier ?? '', carrierMessageId: row.carrier_message_id ?? '' });
      }
    }
    const unmatched = [...seen].filter(([id]) => !matchedIds.has(id));
    if (unmatched.length) {
      const attempts = unmatched.map(([, tried]) => tried + 1);
      const next = attempts.map((a) => (a >= maxMatchAttempts ? 'infinity' : new Date(Date.now() + backoffDelay(a - 1, matchRetry))));
      await sql`
        update receipt_inbox i set match_attempts = u.attempts, next_match_at = u.next
        from unnest(${unmatched.map(([id]) => id)}::bigint[], ${attempts}::int[], ${next}::timestamptz[]) as u(id, attempts, next)
        where i.id = u.id`.execute(trx);
    }

    const completed = await completeMessages(trx, [...messageIds]);
    const parked = unmatched.filter(([, tried]) => tried + 1 >= maxMatchAttempts).flatMap(([id]) => ids.get(id) ?? []);
    return { seen: seen.size, matched: matchedIds.size, completed: completed.length, parked };
  });
}

export interface UnmatchedReceipt extends IncomingReceipt {
  id: number;
  attempts: number;
  /** `retrying`: its submit may not be recorded yet; `parked`: given up on, kept for the retention period. */
  state: 'retrying' | 'parked';
}

/** Receipts that matched no sent part, newest first, `limit` at most, older than `before` (cursor pagination). */
export async function listUnmatchedReceipts(
  db: Db,
  options: { carrier?: string | undefined; state?: 'retrying' | 'parked' | undefined; limit: number; before?: number | undefined },
): Promise<UnmatchedReceipt[]> {
  let query = db.selectFrom('receipt_inbox').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.carrier) query = query.where('carrier', '=', options.carrier);
  if (options.state === 'parked') query = query.where(sql<boolean>`next_match_at = 'infinity'`);
  if (options.state === 'retrying') query = query.where(sql<boolean>`next_match_at <> 'infinity'`);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    carrier: r.carrier,
    carrierMessageId: r.carrier_message_id,
    stat: r.stat,
    err: r.err,
    raw: r.raw,
    receivedAt: r.received_at,
    attempts: r.match_attempts,
    state: Number.isFinite(new Date(r.next_match_at).getTime()) ? 'retrying' : 'parked',
  }));
}

/** Gives each message whose parts have all ended its final state (each part as `part_outcomes` decides); returns the ids that changed. */
async function completeMessages(db: Db, messageIds: string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  // Each message's parts are read through its key (lateral): filtered by the list instead, the prepared statement's
  // generic plan guessed a thousand parts and scanned the whole of message_parts for the one or two a single send has.
  const parts = await sql<{ id: string; segments: number; stats: (string | null)[]; errs: (string | null)[] }>`${prepared}
    select m.id, m.segments, p.stats, p.errs
    from messages m cross join lateral (
      select array_agg(o.receipt_stat order by o.part_no) as stats, array_agg(o.receipt_err order by o.part_no) as errs
      from part_outcomes o where o.message_id = m.id) p
    where m.id = any(${messageIds}::uuid[]) and m.status = 'submitted' and p.stats is not null`.execute(db);

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
    const move = moveTo(status);
    const updated = await sql<{ id: string }>`${prepared}
      update messages m set status = ${move.to}, completed_at = now(),
        error_code = ${status === 'delivered' ? null : `CARRIER_${status.toUpperCase()}`},
        error_message = case when ${status} = 'delivered' then null
                        else 'The carrier reported ' || ${status} || coalesce(' (err ' || r.err || ')', '') || '.' end
      from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.err)}::text[]) as r(id, err)
      where m.id = r.id and m.status = any(${move.from}::text[])
      returning m.id`.execute(db);
    changed.push(...updated.rows.map((r) => r.id));
  }
  await enqueueStatusCallbacks(db, changed);
  return changed;
}
