import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { dropDetachedLeftovers, dropMonth, listMonths, type MonthPartition, type TableMonth } from './partition-ddl.ts';

/** The report tables partitioned by month (migration 0044), the reports first. */
export const callbackPartitionTables = ['callback_outbox', 'callback_attempts'] as const;

/** A month of one of the report tables; the legacy one starts nowhere. */
export interface CallbackPartition extends MonthPartition {
  tableName: (typeof callbackPartitionTables)[number];
  fromAt: Date | null;
}

export async function listCallbackPartitions(db: Db): Promise<CallbackPartition[]> {
  const { rows } = await sql<{ table_name: CallbackPartition['tableName']; partition_name: string; from_at: Date | null; to_at: Date; detach_pending: boolean }>`
    select table_name, partition_name, from_at, to_at, detach_pending from callback_partitions order by to_at, table_name`.execute(db);
  return rows.map((r) => ({ tableName: r.table_name, partitionName: r.partition_name, fromAt: r.from_at, toAt: r.to_at, detachPending: r.detach_pending }));
}

/** The months of status reports, oldest first, with their size. */
export const listCallbackMonths = (db: Db): Promise<TableMonth[]> => listMonths(db, 'callback_partitions', 'callback_outbox');

export interface DroppedCallbackMonth {
  toAt: Date;
  reports: number;
}

/**
 * Drops every month of the report tables that ended by `before`, oldest first, as the message months go (detached
 * concurrently, then dropped together). A month that still holds a report being retried is kept, and the months after
 * it: a report is retried for three days, so that happens only with a retention shorter than that.
 */
export async function dropCallbackMonths(db: Db, before: Date, onKept: (month: Date, pending: number) => void): Promise<DroppedCallbackMonth[]> {
  await dropDetachedLeftovers(db, callbackPartitionTables);
  const partitions = (await listCallbackPartitions(db)).filter((p) => p.toAt <= before);
  const dropped: DroppedCallbackMonth[] = [];
  for (const toAt of [...new Set(partitions.map((p) => p.toAt.getTime()))]) {
    const ofMonth = partitions.filter((p) => p.toAt.getTime() === toAt);
    const reports = ofMonth.find((p) => p.tableName === 'callback_outbox');
    const counted = reports ? await countReports(db, reports.partitionName) : { total: 0, pending: 0 };
    if (counted.pending > 0) {
      onKept(new Date(toAt), counted.pending);
      break;
    }
    await dropMonth(db, ofMonth, callbackPartitionTables);
    dropped.push({ toAt: new Date(toAt), reports: counted.total });
  }
  return dropped;
}

async function countReports(db: Db, partition: string): Promise<{ total: number; pending: number }> {
  const { rows } = await sql<{ total: string; pending: string }>`
    select count(*) as total, count(*) filter (where status = 'pending') as pending from ${sql.table(partition)}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), pending: Number(rows[0]?.pending ?? 0) };
}
