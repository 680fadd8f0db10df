import { sql, type Kysely } from 'kysely';
import { createFoldFunctions, keyOf, signedCounts } from './0039_daily_stats.ts';

/**
 * Statistics that a long range reads in few rows (issue 18). Migration 0039's cubes keep a row per hour (or day) and
 * per value of every dimension at once, so a 90-day read by country summed every row of those days and 31 days by
 * the hour read a third of a million rows (~700 ms at ten million messages). Both cubes now also hold the same sums
 * over fewer dimensions, each set a *rollup* (the `rollup` column): `all` (every dimension, as before), `place`
 * (region, country), `content` (region, template, signature), `carrier` (region, carrier), `campaign` and `total`
 * (none). The dimensions a rollup leaves out are null in its rows. The fold and the rebuild write every rollup of an
 * hour from the same rows in one statement (`grouping sets`), and a day is the sum of its hours rollup by rollup, so
 * they agree by construction; a read takes the smallest rollup that holds what it groups and filters by
 * (`db/message-stats.ts` names the same sets).
 */

/** Each rollup and the dimensions it keeps, besides the tenant, the time, the outcome and the reason. */
const rollups: Record<string, readonly string[]> = {
  all: ['region', 'country', 'template_id', 'signature', 'carrier', 'campaign_id'],
  place: ['region', 'country'],
  content: ['region', 'template_id', 'signature'],
  carrier: ['region', 'carrier'],
  campaign: ['campaign_id'],
  total: [],
};

const dimensions = rollups.all ?? [];
const buckets = Array.from({ length: 17 }, (_, i) => `d${String(i).padStart(2, '0')}`);
const counters = ['messages', 'segments', ...buckets];
const counts = sql.raw(counters.join(', '));
const list = (columns: readonly string[], of = '') => columns.map((c) => `${of}${c}`).join(', ');
const keysOf = (time: 'hour' | 'day', withRollup = true) => sql.raw(`tenant_id, ${withRollup ? 'rollup, ' : ''}${time}, ${list(dimensions)}, outcome, reason`);
/** The positions of a key's columns in a select list that starts with them. */
const keyPositions = Array.from({ length: dimensions.length + 5 }, (_, i) => i + 1).join(', ');
const addedCounts = (table: string) => sql.raw(counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));

/** `grouping()` sets a bit for each dimension a grouping set leaves out, the first dimension the highest bit. */
const maskOf = (kept: readonly string[]) => dimensions.reduce((bits, d, i) => (kept.includes(d) ? bits : bits | (1 << (dimensions.length - 1 - i))), 0);
const rollupOf = (of: string) =>
  `case grouping(${list(dimensions, of)}) ${Object.entries(rollups)
    .map(([name, kept]) => `when ${maskOf(kept)} then '${name}'`)
    .join(' ')} end`;
const groupingSets = (of: string, names: readonly string[]) =>
  `grouping sets (${names.map((name) => `(${list(rollups[name] ?? [], of)})`).join(', ')})`;

/**
 * Full-key rows `h` (with `tenant_id, hour, …dimensions, outcome, reason` and `sums`, the counters summed) grouped
 * into the `names` rollups by the hour: the select of an insert into `message_stats (tenant_id, rollup, hour, …)`.
 */
const inRollups = (from: string, sums: string, names = Object.keys(rollups)) =>
  sql.raw(`
  select h.tenant_id, ${rollupOf('h.')} as rollup, h.hour, ${list(dimensions, 'h.')}, h.outcome, h.reason, ${sums}
  ${from}
  group by h.tenant_id, h.hour, h.outcome, h.reason, ${groupingSets('h.', names)}`);

const summed = (of: string) => counters.map((c) => `sum(${of}.${c}) as ${c}`).join(', ');

/** Hourly rows `h` (joined to their tenant `t`) summed by the tenant's day, rollup by rollup. */
const byDay = (from: string) =>
  sql.raw(`
  select h.tenant_id, h.rollup, date_trunc('day', h.hour, t.stats_time_zone) as day, ${list(dimensions, 'h.')}, h.outcome, h.reason, ${summed('h')}
  ${from}
  group by ${keyPositions}`);

async function createFoldFunctions0043(db: Kysely<unknown>): Promise<void> {
  const fullKeys = keysOf('hour', false);
  // Migration 0039's fold, each hour's deltas summed into every rollup, each day the sum of those hours.
  await sql`
    create or replace function tern_roll_message_stats(batch integer) returns integer language plpgsql as $$
    declare
      folded integer;
    begin
      if not pg_try_advisory_xact_lock(hashtext('tern_message_stats')) then
        return 0;
      end if;
      with moved as (
        delete from message_stat_deltas where id in (select id from message_stat_deltas order by id limit batch)
        returning ${fullKeys}, ${counts}
      ), by_hour as (
        ${inRollups('from moved h', summed('h'))}
      ), hourly as (
        insert into message_stats (${keysOf('hour')}, ${counts})
        select * from by_hour order by ${sql.raw(keyPositions)}
        on conflict (${keysOf('hour')}) do update set ${addedCounts('message_stats')}
      ), by_day as (
        ${byDay('from by_hour h join tenants t on t.id = h.tenant_id')}
      ), daily as (
        insert into message_stats_daily (${keysOf('day')}, ${counts})
        select * from by_day order by ${sql.raw(keyPositions)}
        on conflict (${keysOf('day')}) do update set ${addedCounts('message_stats_daily')}
      )
      select count(*) into folded from moved;
      delete from message_stats where messages = 0;
      delete from message_stats_daily where messages = 0;
      return folded;
    end $$`.execute(db);

  // The daily cube of a tenant (or all) from the day of \`since\` on, summed again from the hours in the tenant's zone.
  await sql`
    create or replace function tern_redo_daily_stats(of_tenant uuid, since timestamptz) returns void language sql as $$
      delete from message_stats_daily d using tenants t
      where t.id = d.tenant_id and (of_tenant is null or d.tenant_id = of_tenant) and d.day >= date_trunc('day', since, t.stats_time_zone);
      insert into message_stats_daily (${keysOf('day')}, ${counts})
      ${byDay(`from message_stats h join tenants t on t.id = h.tenant_id
               where (of_tenant is null or h.tenant_id = of_tenant) and h.hour >= date_trunc('day', since, t.stats_time_zone)`)}
    $$`.execute(db);

  // Migration 0039's rebuild, the messages counted into every rollup at once. Returns the hourly rows written.
  await sql`
    create or replace function tern_rebuild_message_stats(of_tenant uuid, since timestamptz) returns bigint language plpgsql as $$
    declare
      from_hour timestamptz := date_trunc('hour', since, 'UTC');
      written bigint;
    begin
      delete from message_stat_deltas where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      delete from message_stats where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      insert into message_stats (${keysOf('hour')}, ${counts})
      ${inRollups(
        `from (select 1, ${keyOf('m')}, m.segments from messages m
               where (of_tenant is null or m.tenant_id = of_tenant) and coalesce(m.send_at, m.created_at) >= from_hour)
             as h(sign, ${list(['tenant_id', 'hour', ...dimensions, 'outcome', 'reason'])}, bucket, segments)`,
        signedCounts,
      )};
      get diagnostics written = row_count;
      perform tern_redo_daily_stats(of_tenant, from_hour);
      return written;
    end $$`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, time] of [['message_stats', 'hour'], ['message_stats_daily', 'day']] as const) {
    await sql`alter table ${sql.table(table)} add column rollup text not null default 'all'`.execute(db);
    await sql`alter table ${sql.table(table)} alter column rollup drop default`.execute(db);
    await sql`drop index ${sql.raw(`${table}_key`)}`.execute(db);
    await sql`create unique index ${sql.raw(`${table}_key`)} on ${sql.table(table)} (${keysOf(time)}) nulls not distinct`.execute(db);
  }
  // The hours counted so far into the other rollups, then every day again from its hours.
  await sql`
    insert into message_stats (${keysOf('hour')}, ${counts})
    ${inRollups(`from message_stats h where h.rollup = 'all'`, summed('h'), Object.keys(rollups).filter((name) => name !== 'all'))}`.execute(db);
  await createFoldFunctions0043(db);
  await sql`select tern_redo_daily_stats(null, '-infinity')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, time] of [['message_stats', 'hour'], ['message_stats_daily', 'day']] as const) {
    await sql`delete from ${sql.table(table)} where rollup <> 'all'`.execute(db);
    await sql`drop index ${sql.raw(`${table}_key`)}`.execute(db);
    await sql`alter table ${sql.table(table)} drop column rollup`.execute(db);
    await sql`create unique index ${sql.raw(`${table}_key`)} on ${sql.table(table)} (${keysOf(time, false)}) nulls not distinct`.execute(db);
  }
  await createFoldFunctions(db);
}
