import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connect.ts';
import { deliveryBucketBounds, type StatDimension, type StatGranularity, type StatOutcome } from '../domain/message-stats.ts';

/** The advisory lock one fold, rebuild or change of zone holds at a time (the SQL functions of migration 0039 take it too). */
const statsLock = sql`hashtext('tern_message_stats')`;

/** Folds at most `batch` statistic deltas into the cubes (migration 0039); returns how many. 0 while a rebuild runs. */
export async function rollMessageStats(db: Db, batch: number): Promise<number> {
  const { rows } = await sql<{ folded: number }>`select tern_roll_message_stats(${batch}::int) as folded`.execute(db);
  return rows[0]?.folded ?? 0;
}

/**
 * Recomputes the statistics of messages sent from the hour of `since` on, of one tenant or of all, from the messages
 * themselves. It holds the roller's lock for its whole run and reads in one snapshot, so the deltas it drops are
 * exactly those already in the messages it counts; the cube before `since` (messages past retention among them) is
 * left as it is, and a `since` before the last message retention dropped is refused (`RebuildBeforeRetention`).
 * Returns the cube rows written.
 */
export async function rebuildMessageStats(db: Db, options: { tenantId?: string | undefined; since: Date }): Promise<number> {
  return db.connection().execute(async (conn) => {
    // A session lock taken before the transaction: its snapshot must not predate the last fold.
    await sql`select pg_advisory_lock(${statsLock})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const earliest = await earliestRebuild(trx);
          if (earliest && options.since < earliest) throw new RebuildBeforeRetention(earliest);
          const { rows } = await sql<{ written: string }>`
            select tern_rebuild_message_stats(${options.tenantId ?? null}::uuid, ${options.since}::timestamptz) as written`.execute(trx);
          return Number(rows[0]?.written ?? 0);
        });
    } finally {
      await sql`select pg_advisory_unlock(${statsLock})`.execute(conn);
    }
  });
}

/** A rebuild from before the last message dropped by retention would lose what only the cube still counts. */
export class RebuildBeforeRetention extends Error {
  constructor(readonly earliest: Date) {
    super(`messages counted before ${earliest.toISOString()} have been dropped by retention: rebuild from then on`);
  }
}

/** The first hour after the last statistics time of a message dropped by retention (none: any time will do). */
async function earliestRebuild(db: Db): Promise<Date | undefined> {
  const { rows } = await sql<{ earliest: Date }>`
    select date_trunc('hour', counted_until, 'UTC') + interval '1 hour' as earliest from message_retention`.execute(db);
  return rows[0]?.earliest;
}

export interface StatFilters {
  templateId?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  signature?: string | undefined;
  carrier?: string | undefined;
  campaignId?: string | undefined;
}

export interface StatsQuery {
  tenantId: string;
  since: Date;
  until: Date;
  granularity: StatGranularity;
  timeZone: string;
  groupBy?: StatDimension | undefined;
  filters: StatFilters;
  /** Read the daily cube: whole days in the tenant's own zone. Otherwise the hourly one. */
  daily: boolean;
}

/** One sum of the cube: a period (none for `total`), a group (none without `groupBy`), an outcome and its detail. */
export interface StatCell {
  start: Date | null;
  period: string | null;
  key: string | null;
  outcome: StatOutcome;
  reason: string | null;
  messages: number;
  segments: number;
  /** Deliveries by delivery-time bucket (`deliveryBucketBounds`); all zero unless the outcome is delivered. */
  deliveryTimes: number[];
}

const dimensionColumns: Record<StatDimension, RawBuilder<string | null>> = {
  region: sql`region`,
  country: sql`country`,
  template: sql`template_id`,
  signature: sql`signature`,
  carrier: sql`carrier`,
  campaign: sql`campaign_id::text`,
  status: sql`outcome`,
};

const filterColumns: Record<keyof StatFilters, RawBuilder<unknown>> = {
  templateId: sql`template_id`,
  country: sql`country`,
  region: sql`region`,
  signature: sql`signature`,
  carrier: sql`carrier`,
  campaignId: sql`campaign_id::text`,
};

/**
 * The cubes' rollups (migration 0043) from the smallest, and what each keeps: a read takes the first that holds every
 * dimension it groups and filters by. `status` is the outcome, which every rollup keeps; `all` keeps everything.
 */
const rollups: readonly { name: string; keeps: readonly (keyof StatFilters | StatDimension)[] }[] = [
  { name: 'total', keeps: ['status'] },
  { name: 'campaign', keeps: ['status', 'campaign', 'campaignId'] },
  { name: 'place', keeps: ['status', 'region', 'country'] },
  { name: 'carrier', keeps: ['status', 'region', 'carrier'] },
  { name: 'content', keeps: ['status', 'region', 'template', 'templateId', 'signature'] },
];

/** The smallest rollup of the cubes that holds what `query` groups and filters by. */
export function rollupFor(query: Pick<StatsQuery, 'groupBy' | 'filters'>): string {
  const filtered = (Object.keys(query.filters) as (keyof StatFilters)[]).filter((name) => query.filters[name] !== undefined);
  const needed = [...(query.groupBy ? [query.groupBy] : []), ...filtered];
  return rollups.find((rollup) => needed.every((dimension) => rollup.keeps.includes(dimension)))?.name ?? 'all';
}

const bucketColumns = Array.from({ length: deliveryBucketBounds.length + 1 }, (_, i) => `d${String(i).padStart(2, '0')}`);
const counted = sql.raw(['messages', 'segments', ...bucketColumns].join(', '));
const summed = sql.raw(['messages', 'segments', ...bucketColumns].map((c) => `sum(${c}) as ${c}`).join(', '));
const dimensions = sql.raw('region, country, template_id, signature, carrier, campaign_id, outcome, reason');

/** The zone the tenant's daily statistics are kept in. */
export async function statsTimeZone(db: Db, tenantId: string): Promise<string> {
  const row = await db.selectFrom('tenants').select('stats_time_zone').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return row.stats_time_zone;
}

/**
 * Moves the tenant's daily statistics to another zone: its days are summed again from the hourly cube (exact for
 * zones a whole number of hours from UTC), under the roller's lock, with the setting in the same transaction.
 */
export async function setStatsTimeZone(db: Db, tenantId: string, timeZone: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${statsLock})`.execute(trx);
    await trx.updateTable('tenants').set({ stats_time_zone: timeZone }).where('id', '=', tenantId).execute();
    await sql`select tern_redo_daily_stats(${tenantId}::uuid, '-infinity')`.execute(trx);
  });
}

/**
 * The range a query covers: `since` down and `until` up to whole periods in the zone (hours for `hour`, days
 * otherwise), so that no period is counted in part.
 */
export async function statRange(db: Db, query: Pick<StatsQuery, 'since' | 'until' | 'granularity' | 'timeZone'>): Promise<{ since: Date; until: Date }> {
  const unit = sql.lit(query.granularity === 'hour' ? 'hour' : 'day');
  const step = sql.lit(query.granularity === 'hour' ? '1 hour' : '1 day');
  const { rows } = await sql<{ since: Date; until: Date }>`
    select date_trunc(${unit}, ${query.since}::timestamptz, ${query.timeZone}) as since,
           case when date_trunc(${unit}, u, ${query.timeZone}) = u then u
                else ((date_trunc(${unit}, u, ${query.timeZone}) at time zone ${query.timeZone}) + interval ${step}) at time zone ${query.timeZone} end as until
    from (select ${query.until}::timestamptz as u) as x`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('statRange: no row');
  return row;
}

/**
 * The cube's sums over [since, until) by period and group, with every committed change in them: the folded cube
 * (daily or hourly) and the deltas not folded yet, read in one statement (a fold moves deltas into the cubes in one
 * transaction, so each is seen once).
 */
export async function readMessageStats(db: Db, query: StatsQuery): Promise<StatCell[]> {
  const { timeZone } = query;
  // Each side of the union brings its period's start already: the daily cube's rows are days, so only the few
  // deltas (and the hours of another zone) are truncated, not every row read.
  const periodOf = (time: 'hour' | 'day') =>
    query.granularity === 'total' ? sql`null::timestamptz` : query.granularity === 'hour' || time === 'day' ? sql.raw(time) : sql`date_trunc('day', hour, ${timeZone})`;
  const label =
    query.granularity === 'hour'
      ? sql`to_char(start at time zone ${timeZone}, 'YYYY-MM-DD"T"HH24:00')`
      : query.granularity === 'day'
        ? sql`to_char(start at time zone ${timeZone}, 'YYYY-MM-DD')`
        : sql`null::text`;
  const key = query.groupBy ? dimensionColumns[query.groupBy] : sql`null::text`;
  const where = (time: 'hour' | 'day') =>
    sql.join(
      [
        sql`tenant_id = ${query.tenantId}::uuid`,
        sql`${sql.raw(time)} >= ${query.since}::timestamptz`,
        sql`${sql.raw(time)} < ${query.until}::timestamptz`,
        ...Object.entries(query.filters).flatMap(([name, value]) => (value === undefined ? [] : [sql`${filterColumns[name as keyof StatFilters]} = ${value}`])),
      ],
      sql` and `,
    );
  // The deltas not folded yet keep every dimension: they are few, and grouped as the rollup's rows are.
  const rollup = rollupFor(query);
  const folded = query.daily
    ? sql`select ${periodOf('day')} as start, ${dimensions}, ${counted} from message_stats_daily where rollup = ${rollup} and ${where('day')}`
    : sql`select ${periodOf('hour')} as start, ${dimensions}, ${counted} from message_stats where rollup = ${rollup} and ${where('hour')}`;
  const { rows } = await sql<Record<string, string> & { start: Date | null; period: string | null; key: string | null; outcome: StatOutcome; reason: string | null }>`
    select ${label} as period, sums.*
    from (
      select start, ${key} as key, outcome, reason, ${summed}
      from (
        ${folded}
        union all
        select ${periodOf('hour')} as start, ${dimensions}, ${counted} from message_stat_deltas where ${where('hour')}
      ) as cube
      group by 1, 2, 3, 4
    ) as sums
    where messages <> 0
    order by start nulls first, key nulls first`.execute(db);
  return rows.map((r) => ({
    start: r.start,
    period: r.period,
    key: r.key,
    outcome: r.outcome,
    reason: r.reason,
    messages: Number(r.messages),
    segments: Number(r.segments),
    deliveryTimes: bucketColumns.map((c) => Number(r[c])),
  }));
}
