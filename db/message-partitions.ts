import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { ddlLockTimeout, dropDetachedLeftovers, dropMonth, listMonths, type MonthPartition, type TableMonth } from './partition-ddl.ts';
import { finalStatuses } from '../domain/message-status.ts';

/** The tables partitioned by month (migration 0042), the messages first: the others reference them. */
export const messagePartitionTables = ['messages', 'message_parts', 'message_retries', 'message_failovers'] as const;

/** A month of one of the message tables (migration 0042); the legacy partition starts nowhere. */
export interface MessagePartition extends MonthPartition {
  tableName: (typeof messagePartitionTables)[number];
  fromId: string | null;
  toId: string;
  fromAt: Date | null;
}

const batch = 5000;

export async function listMessagePartitions(db: Db): Promise<MessagePartition[]> {
  const { rows } = await sql<{ table_name: MessagePartition['tableName']; partition_name: string; from_id: string | null; to_id: string; from_at: Date | null; to_at: Date; detach_pending: boolean }>`
    select * from message_partitions order by to_at, table_name`.execute(db);
  return rows.map((r) => ({ tableName: r.table_name, partitionName: r.partition_name, fromId: r.from_id, toId: r.to_id, fromAt: r.from_at, toAt: r.to_at, detachPending: r.detach_pending }));
}

/** The months of messages, oldest first, with their size. */
export const listMessageMonths = (db: Db): Promise<TableMonth[]> => listMonths(db, 'message_partitions', 'messages');

/**
 * Makes the months from the one of `from` to `until` that are not there yet, of every message table and of the
 * report tables (migration 0044); returns how many months of messages it added.
 */
export async function addMessagePartitions(db: Db, from: Date, until: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('lock_timeout', ${ddlLockTimeout}, true)`.execute(trx);
    await sql`select tern_add_callback_partitions(${from}, ${until})`.execute(trx);
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
 * sends: each table's partition is detached concurrently (the messages' last) and the four are dropped together,
 * then the send requests left without messages are deleted (the reports go by their own months,
 * `db/callback-partitions.ts`). A month that still holds a message not yet final is kept (and reported): details
 * go, accepted work never does. Safe to run again after a crash at any step.
 */
export async function dropMessageMonths(db: Db, before: Date, onKept: (month: Date, pending: number) => void): Promise<DroppedMonth[]> {
  await dropDetachedLeftovers(db, messagePartitionTables);
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
    await dropMonth(db, ofMonth, messagePartitionTables);
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

async function deleteRequestsBelow(db: Db, toId: string): Promise<void> {
  for (;;) {
    const result = await sql`
      delete from send_requests where id in (
        select r.id from send_requests r where r.id < ${toId}
          and not exists (select 1 from messages m where m.request_id = r.id) limit ${batch})`.execute(db);
    if (Number(result.numAffectedRows ?? 0) < batch) return;
  }
}
