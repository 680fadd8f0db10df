import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { connectDb, type Db } from '../../db/connect.ts';
import { addMessagePartitions, listMessagePartitions } from '../../db/message-partitions.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { defaultRetentionDays } from '../../domain/retention.ts';
import { freePort } from '../stack/free-port.ts';
import { startEmbeddedPostgres } from '../stack/postgres.ts';

export interface BenchDatabase {
  url: string;
  /** The bench's own pool, for provisioning, the baseline and the statement statistics. */
  db: Db;
  /** The server settings that decide durability and speed, as the server reports them. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

const reported = ['server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_compression', 'wal_level', 'shared_buffers', 'max_connections', 'max_wal_size', 'checkpoint_timeout'];

/**
 * Server settings a run adds, `name=value` separated by commas (`TERN_BENCH_PG_SETTINGS`), to look inside a slow
 * statement, e.g. `session_preload_libraries=auto_explain,auto_explain.log_min_duration=100ms,auto_explain.log_analyze=on`;
 * the server's log then goes to the file `TERN_BENCH_PG_LOG` names.
 */
function extraSettings(): Record<string, string> {
  const given = process.env.TERN_BENCH_PG_SETTINGS?.trim();
  if (!given) return {};
  return Object.fromEntries(
    given.split(',').map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new Error(`TERN_BENCH_PG_SETTINGS: "${pair}" is not name=value`);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
}

function serverLog(): ((line: string) => void) | undefined {
  const file = process.env.TERN_BENCH_PG_LOG;
  return file ? (line) => fsSync.appendFileSync(file, `${line}\n`) : undefined;
}

/**
 * An embedded Postgres cluster in a temp dir with the normal durability settings (fsync, synchronous commit
 * and full-page writes on: no `unsafeFast`), plus pg_stat_statements to see where the database time goes.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-bench-'));
  const log = serverLog();
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(scratch, 'pg'),
    temporary: true,
    port: await freePort(),
    settings: { ...(walBreakdownWanted() ? { wal_keep_size: '20GB' } : {}), ...extraSettings(), shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' },
    ...(log ? { log } : {}),
  });
  const url = await cluster.database('tern');
  const migrator = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  await migrateToLatest(migrator);
  await migrator.destroy();

  const db = connectDb({ connectionString: url, max: 4, applicationName: 'tern-bench' });
  // A platform in service holds a month of each message table for every month of its retention: the hot path is
  // measured against as many (empty) months behind it as that, not against a new database's few.
  await addMessagePartitions(db, new Date(Date.now() - defaultRetentionDays * 24 * 3600_000), new Date());
  await sql`create extension if not exists pg_stat_statements`.execute(db);
  const settings: Record<string, string> = {};
  for (const name of reported) {
    const { rows } = await sql<{ setting: string }>`select current_setting(${name}) as setting`.execute(db);
    settings[name] = rows[0]?.setting ?? '?';
  }
  settings.message_months = String((await listMessagePartitions(db)).filter((p) => p.tableName === 'messages').length);
  settings.data_directory = `${cluster.dataDir} on ${await filesystemOf(cluster.dataDir)}`;
  return {
    url,
    db,
    settings,
    async stop() {
      await db.destroy();
      await cluster.stop();
      await fs.rm(scratch, { recursive: true, force: true });
    },
  };
}

/** The device behind a path (from /proc/mounts), so the report says whether fsync hit a disk or tmpfs. */
async function filesystemOf(dir: string): Promise<string> {
  try {
    const mounts = (await fs.readFile('/proc/mounts', 'utf8')).split('\n').map((l) => l.split(' '));
    const best = mounts
      .filter((m) => m[1] && (dir === m[1] || dir.startsWith(m[1].endsWith('/') ? m[1] : `${m[1]}/`)))
      .sort((a, b) => (b[1]?.length ?? 0) - (a[1]?.length ?? 0))[0];
    return best ? `${best[0]} (${best[2]})` : 'unknown';
  } catch {
    return 'unknown';
  }
}

export interface StatementCost {
  query: string;
  calls: number;
  /** Execution time, all calls. */
  totalMs: number;
  meanMs: number;
  maxMs: number;
  /** Planning time, all calls: the driver sends unnamed statements, so every call is planned again. */
  planMs: number;
  rows: number;
}

export interface StatementTotals {
  statements: number;
  calls: number;
  execMs: number;
  planMs: number;
}

export async function resetStatementStats(db: Db): Promise<void> {
  await sql`select pg_stat_statements_reset()`.execute(db);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The statements that took the most database time since the last reset. */
export async function topStatements(db: Db, limit = 12): Promise<StatementCost[]> {
  const { rows } = await sql<{ query: string; calls: number; total: number; mean: number; max: number; plan: number; rows: number }>`
    select regexp_replace(query, '\\s+', ' ', 'g') as query, calls, total_exec_time as total, mean_exec_time as mean,
           max_exec_time as max, total_plan_time as plan, rows
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time + total_plan_time desc limit ${limit}`.execute(db);
  return rows.map((r) => ({
    query: r.query.slice(0, 240),
    calls: r.calls,
    totalMs: round(r.total),
    meanMs: round(r.mean),
    maxMs: round(r.max),
    planMs: round(r.plan),
    rows: r.rows,
  }));
}

/** Every statement since the last reset, summed: how many round trips the phase cost the database. */
export async function statementTotals(db: Db): Promise<StatementTotals> {
  const { rows } = await sql<{ statements: number; calls: number; exec: number; plan: number }>`
    select count(*)::int as statements, coalesce(sum(calls), 0)::bigint as calls, coalesce(sum(total_exec_time), 0) as exec,
           coalesce(sum(total_plan_time), 0) as plan
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())`.execute(db);
  const r = rows[0];
  return { statements: r?.statements ?? 0, calls: Number(r?.calls ?? 0), execMs: round(r?.exec ?? 0), planMs: round(r?.plan ?? 0) };
}

/** Database-wide commit and WAL figures since the last reset, to compare the end-to-end run with the baseline. */
export async function walSnapshot(db: Db): Promise<{ walBytes: number; walSync: number; walFpi: number; commits: number; lsn: string }> {
  const { rows } = await sql<{ wal_bytes: number; wal_sync: number; wal_fpi: number; commits: number; lsn: string }>`
    select (select wal_bytes from pg_stat_wal)::bigint as wal_bytes, (select wal_sync from pg_stat_wal)::bigint as wal_sync,
           (select wal_fpi from pg_stat_wal)::bigint as wal_fpi, pg_current_wal_insert_lsn()::text as lsn,
           (select xact_commit from pg_stat_database where datname = current_database())::bigint as commits`.execute(db);
  const row = rows[0];
  return { walBytes: Number(row?.wal_bytes ?? 0), walSync: Number(row?.wal_sync ?? 0), walFpi: Number(row?.wal_fpi ?? 0), commits: Number(row?.commits ?? 0), lsn: row?.lsn ?? '0/0' };
}

export interface WalByRelation {
  relation: string;
  records: number;
  /** The records' whole length, full-page images included, in bytes. */
  bytes: number;
  fpiBytes: number;
}

/**
 * Which tables and indexes a phase's WAL went to, by record type (pg_walinspect), largest first; records that touch
 * no block (commits) are `(no block)`. Reads every record between the two points, so only for
 * runs whose WAL is still on disk: `TERN_BENCH_WAL_BREAKDOWN=1` keeps it (wal_keep_size) and asks for this.
 */
export async function walByRelation(db: Db, from: WalSnapshot, to: WalSnapshot): Promise<WalByRelation[]> {
  await sql`create extension if not exists pg_walinspect`.execute(db);
  // A record's whole length (header, main data, blocks) goes to the relation of its first block.
  const { rows } = await sql<{ relation: string; records: number; bytes: number; fpi_bytes: number }>`
    with blocks as (
      select coalesce(pg_filenode_relation(b.reltablespace, b.relfilenode)::regclass::text, b.relfilenode::text) || ' ' || b.record_type as relation,
             case when b.block_id = 0 then b.record_length else 0 end as bytes, b.block_fpi_length as fpi_bytes, (b.block_id = 0)::int as records
      from pg_get_wal_block_info(${from.lsn}::pg_lsn, ${to.lsn}::pg_lsn) b
    ), unblocked as (
      select '(no block) ' || r.resource_manager || ' ' || r.record_type as relation, r.record_length as bytes, 0 as fpi_bytes, 1 as records
      from pg_get_wal_records_info(${from.lsn}::pg_lsn, ${to.lsn}::pg_lsn) r where r.block_ref is null
    )
    select relation, sum(records)::bigint as records, sum(bytes)::bigint as bytes, sum(fpi_bytes)::bigint as fpi_bytes
    from (select * from blocks union all select * from unblocked) x group by relation order by sum(bytes) desc`.execute(db);
  return rows.map((r) => ({ relation: r.relation, records: Number(r.records), bytes: Number(r.bytes), fpiBytes: Number(r.fpi_bytes) }));
}

export const walBreakdownWanted = () => process.env.TERN_BENCH_WAL_BREAKDOWN === '1';

export type WalSnapshot = Awaited<ReturnType<typeof walSnapshot>>;

/** What a phase cost in commits and WAL: the bytes, the syncs, and the full-page images (a page's first change after a checkpoint). */
export type WalCost = ReturnType<typeof walDelta>;

export function walDelta(before: WalSnapshot, after: WalSnapshot) {
  return { walBytes: after.walBytes - before.walBytes, walSyncs: after.walSync - before.walSync, walFpi: after.walFpi - before.walFpi, commits: after.commits - before.commits };
}

/** Which client each Postgres backend serves (pid → application_name), to split the server's CPU by client. */
export async function backendApplications(db: Db): Promise<Map<number, string>> {
  const { rows } = await sql<{ pid: number; app: string }>`
    select pid, coalesce(nullif(application_name, ''), backend_type) as app from pg_stat_activity`.execute(db);
  return new Map(rows.map((r) => [r.pid, r.app]));
}

export interface Maintenance {
  checkpoints: number;
  autovacuums: number;
  autoanalyzes: number;
}

/** Background work that can stall the hot path: checkpoints and autovacuum runs, counted since the server started. */
export async function maintenanceSnapshot(db: Db): Promise<Maintenance> {
  const { rows } = await sql<{ checkpoints: number; autovacuums: number; autoanalyzes: number }>`
    select (select num_timed + num_requested from pg_stat_checkpointer)::int as checkpoints,
           (select coalesce(sum(autovacuum_count), 0) from pg_stat_user_tables)::int as autovacuums,
           (select coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables)::int as autoanalyzes`.execute(db);
  return rows[0] ?? { checkpoints: 0, autovacuums: 0, autoanalyzes: 0 };
}

export function maintenanceBetween(before: Maintenance, after: Maintenance): Maintenance {
  return {
    checkpoints: after.checkpoints - before.checkpoints,
    autovacuums: after.autovacuums - before.autovacuums,
    autoanalyzes: after.autoanalyzes - before.autoanalyzes,
  };
}

/**
 * Waits until Postgres has no autovacuum running and has had none for `quietMs`: the work an earlier phase left
 * (vacuuming the rows it updated) then does not land in the next phase's measurements.
 */
export async function untilMaintenanceQuiet(db: Db, quietMs = 2_000, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`.execute(db);
    if ((rows[0]?.n ?? 0) > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
