import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** A partition's DDL waits at most this long for a lock, so that a long query delays it rather than the sends queued behind it. */
export const ddlLockTimeout = '2s';

/** A month's partition of one table (migrations 0042 and 0044); the legacy one starts nowhere. */
export interface MonthPartition {
  tableName: string;
  partitionName: string;
  toAt: Date;
  /** A concurrent detach was interrupted: it must be finished before the table can go. */
  detachPending: boolean;
}

/**
 * Takes a month away: its partitions detached one by one, the tables that reference others first (`tables` lists
 * the referenced ones first), then dropped together.
 */
export async function dropMonth(db: Db, ofMonth: readonly MonthPartition[], tables: readonly string[]): Promise<void> {
  const order = [...tables].reverse();
  for (const partition of [...ofMonth].sort((a, b) => order.indexOf(a.tableName) - order.indexOf(b.tableName))) await detachPartition(db, partition);
  await dropTables(db, ofMonth.map((p) => p.partitionName));
}

/** Detaches a partition without a lock that stops the hot path (`concurrently`), or finishes a detach left pending. */
async function detachPartition(db: Db, partition: MonthPartition): Promise<void> {
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

/**
 * Detached, a month's tables reference only each other and tables the hot path reads but rarely writes (a report's
 * reply or notice): dropped together, with the DDL's lock timeout, they hold up no send.
 */
async function dropTables(db: Db, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await sql`select set_config('lock_timeout', ${ddlLockTimeout}, true)`.execute(trx);
    await sql`drop table if exists ${sql.join(names.map((n) => sql.table(n)))}`.execute(trx);
  });
}

/** Tables of a month of these `tables` that a run detached and stopped before dropping (`…_pYYYYMM`, `…_legacy`). */
export async function dropDetachedLeftovers(db: Db, tables: readonly string[]): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = current_schema()::regnamespace and relkind = 'r' and not relispartition
      and relname ~ ${`^(${tables.join('|')})_(p[0-9]{6}|legacy)$`}`.execute(db);
  await dropTables(db, rows.map((r) => r.name));
}

export interface TableMonth {
  partitionName: string;
  fromAt: Date | null;
  toAt: Date;
  /** Postgres's estimate of the first table's rows (from its last analyze), not a count: counting would read it all. */
  estimatedRows: number;
  /** The month's tables with their indexes. */
  bytes: number;
}

/** The months of a family of partitioned tables (`view` lists their partitions), oldest first, sized. */
export async function listMonths(db: Db, view: 'message_partitions' | 'callback_partitions', first: string): Promise<TableMonth[]> {
  const { rows } = await sql<{ partition_name: string; from_at: Date | null; to_at: Date; estimated: number; bytes: string }>`
    select m.partition_name, m.from_at, m.to_at, greatest(c.reltuples, 0)::bigint as estimated,
           (select sum(pg_total_relation_size(p.partition_name::regclass)) from ${sql.table(view)} p where p.to_at = m.to_at) as bytes
    from ${sql.table(view)} m join pg_class c on c.relname = m.partition_name and c.relnamespace = current_schema()::regnamespace
    where m.table_name = ${first} order by m.to_at`.execute(db);
  return rows.map((r) => ({ partitionName: r.partition_name, fromAt: r.from_at, toAt: r.to_at, estimatedRows: Number(r.estimated), bytes: Number(r.bytes) }));
}
