import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { finalStatuses } from '../domain/message-status.ts';

/** The tables partitioned by month (migration 0042), the messages first: the others reference them. */
export const messagePartitionTables = ['messages', 'message_parts', 'message_retries', 'message_failovers'] as const;

/** A month of one of the message tables (migration 0042); the legacy partition starts nowhere. */
export interface MessagePartition {
  tableName: (typeof messagePartitionTables)[number];
  partitionName: string;
  fromId: string | null;
  toId: string;
  fromAt: Date | null;
  toAt: Date;
  /** A concurrent detach was interrupted: it must be finished before the table can go. */
  detachPending: boolean;
}

const batch = 5000;
/** A partition's DDL waits at most this long for a lock, so that a long query delays it rather than the sends queued behind it. */
const ddlLockTimeout = '2s';

export async function listMessagePartitions(db: Db): Promise<MessagePartition[]> {
  const { rows } = await sql<{ table_name: MessagePartition['tableName']; partition_name: string; from_id: string | null; to_id: string; from_at: Date | null; to_at: Date; detach_pending: boolean }>`
    select * from message_partitions order by to_at, table_name`.execute(db);
  return rows.map((r) => ({ tableName: r.table_name, partitionName: r.partition_name, fromId: r.from_id, toId: r.to_id, fromAt: r.from_at, toAt: r.to_at, detachPending: r.detach_pending }));
}

export interface MessageMonth {
  partitionName: string;
  fromAt: Date | null;
  toAt: Date;
  /** Postgres's estimate (from its last analyze), not a count: counting a month would read it all. */
  estimatedMessages: number;
  /** The month's four tables with their indexes. */
  bytes: number;
}

/** The months of messages, oldest first, with their size. */
export async function listMessageMonths(db: Db): Promise<MessageMonth[]> {
  const { rows } = await sql<{ partition_name: string; from_at: Date | null; to_at: Date; estimated: number; bytes: string }>`
    select m.partition_name, m.from_at, m.to_at, greatest(c.reltuples, 0)::bigint as estimated,
           (select sum(pg_total_relation_size(p.partition_name::regclass)) from message_partitions p where p.to_id = m.to_id) as bytes
    from message_partitions m join pg_class c on c.relname = m.partition_name and c.relnamespace = current_schema()::regnamespace
    where m.table_name = 'messages' order by m.to_at`.execute(db);
  return rows.map((r) => ({ partitionName: r.partition_name, fromAt: r.from_at, toAt: r.to_at, estimatedMessages: Number(r.estimated), bytes: Number(r.bytes) }));
}

/** Makes the months of every message table from the one of `from` to `until` that are not there yet; returns how many. */
export async function addMessagePartitions(db: Db, from: Date, until: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('lock_timeout', ${ddlLockTimeout}, true)`.execute(trx);
    const { rows } = await sql<{ added: number }>`select tern_add_message_partitions(${from}, ${until}) as added`.execute(trx);
    return rows[0]?.added ?? 0;
  });
}

/** Messages with ids below `beforeId` may have gone with their month; those above it are all kept. */
export async function retentionHorizon(db: Db): Promise<{ beforeId: string; beforeAt: Date; countedUntil: Date } | undefined> {
  const row = await db.selectFrom('message_retention').select(['before_id', 'before_at', 'counted_until']).executeTakeFirst();
  return row && { beforeId: row.before_id, beforeAt: row.before_at, countedUntil: row.counted_until };
}

export interface DroppedMonth {
  toAt: Date;
  messages: number;
  ms: number;
}

/**
 * Drops every month of the message tables that ended by `before`, oldest first, each without a lock that stops
 * sends: its reports' callback rows are deleted in batches, then each table's partition is detached concurrently
 * (the messages' last) and the four are dropped together, then the send requests
 * left without messages are deleted. A month that still holds a message not yet final is kept (and reported): details
 * go, accepted work never does. Safe to run again after a crash at any step.
 */
export async function dropMessageMonths(db: Db, before: Date, onKept: (month: Date, pending: number) => void): Promise<DroppedMonth[]> {
  await dropDetachedLeftovers(db);
  const partitions = (await listMessagePartitions(db)).filter((p) => p.toAt <= before);
  const months = [...new Map(partitions.map((p) => [p.toId, p])).values()];
  const dropped: DroppedMonth[] = [];
  for (const month of months) {
    const started = performance.now();
    const ofMonth = partitions.filter((p) => p.toId === month.toId);
    const messages = ofMonth.find((p) => p.tableName === 'messages');
    const counted = messages ? await countMessages(db, messages.partitionName) : { total: 0, unfinished: 0, countedUntil: null };
    if (counted.unfinished > 0) {
      onKept(month.toAt, counted.unfinished);
      break;
    }
    await raiseHorizon(db, month.toId, month.toAt, counted.countedUntil ?? month.toAt);
    await deleteCallbacksBelow(db, month.toId);
    const order = [...messagePartitionTables].reverse();
    for (const partition of ofMonth.sort((a, b) => order.indexOf(a.tableName) - order.indexOf(b.tableName))) await detach(db, partition);
    await dropTables(db, ofMonth.map((p) => p.partitionName));
    await deleteRequestsBelow(db, month.toId);
    dropped.push({ toAt: month.toAt, messages: counted.total, ms: performance.now() - started });
  }
  return dropped;
}

async function countMessages(db: Db, partition: string): Promise<{ total: number; unfinished: number; countedUntil: Date | null }> {
  const { rows } = await sql<{ total: string; unfinished: string; counted_until: Date | null }>`
    select count(*) as total, count(*) filter (where status <> all(${[...finalStatuses]}::text[])) as unfinished,
           max(coalesce(send_at, created_at)) as counted_until
    from ${sql.table(partition)}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), unfinished: Number(rows[0]?.unfinished ?? 0), countedUntil: rows[0]?.counted_until ?? null };
}

async function raiseHorizon(db: Db, beforeId: string, beforeAt: Date, countedUntil: Date): Promise<void> {
  await sql`
    insert into message_retention (before_id, before_at, counted_until) values (${beforeId}, ${beforeAt}, ${countedUntil})
    on conflict (only_row) do update set before_id = greatest(message_retention.before_id, excluded.before_id),
                                         before_at = greatest(message_retention.before_at, excluded.before_at),
                                         counted_until = greatest(message_retention.counted_until, excluded.counted_until)`.execute(db);
}

/** The callback rows of the month's reports (long delivered or given up: they are kept three days) and their attempts. */
async function deleteCallbacksBelow(db: Db, toId: string): Promise<void> {
  for (;;) {
    const result = await sql`
      with doomed as (select id from callback_outbox where message_id < ${toId} limit ${batch}),
           attempts as (delete from callback_attempts where outbox_id in (select id from doomed))
      delete from callback_outbox where id in (select id from doomed)`.execute(db);
    if (Number(result.numAffectedRows ?? 0) < batch) return;
  }
}

async function deleteRequestsBelow(db: Db, toId: string): Promise<void> {
  for (;;) {
    const result = await sql`
      delete from send_requests where id in (
        select r.id from send_requests r where r.id < ${toId}
          and not exists (select 1 from messages m where m.request_id = r.id) limit ${batch})`.execute(db);
    if (Number(result.numAffectedRows ?? 0) < batch) return;
  }
}

async function detach(db: Db, partition: MessagePartition): Promise<void> {
  const parent = sql.table(partition.tableName);
  const child = sql.table(partition.partitionName);
  // One connection, outside a transaction (a concurrent detach cannot run in one), its lock timeout reset after.
  await db.connection().execute(async (conn) => {
    await sql`set lock_timeout = ${sql.lit(ddlLockTimeout)}`.execute(conn);
    try {
      if (partition.detachPending) await sql`alter table ${parent} detach partition ${child} finalize`.execute(conn);
      else await sql`alter table ${parent} detach partition ${child} concurrently`.execute(conn);
    } finally {
      await sql`reset lock_timeout`.execute(conn);
    }
  });
}

/** Detached, a month's tables reference only each other: dropped together, they lock nothing the sends use. */
async function dropTables(db: Db, names: string[]): Promise<void> {
  if (names.length) await sql`drop table if exists ${sql.join(names.map((n) => sql.table(n)))}`.execute(db);
}

/** Tables of a month detached by a run that stopped before dropping them. */
async function dropDetachedLeftovers(db: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = current_schema()::regnamespace and relkind = 'r' and not relispartition
      and relname ~ ${`^(${messagePartitionTables.join('|')})_(p[0-9]{6}|legacy)$`}`.execute(db);
  await dropTables(db, rows.map((r) => r.name));
}
