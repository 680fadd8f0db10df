import { sql, type Kysely } from 'kysely';
import * as messageStats0037 from './0037_message_stats.ts';

/**
 * Statistics that stay small at tens of millions of messages (issue 18, measured by `npm run bench -- details`).
 *
 * Migration 0037's cube had the delivery-time bucket in its key, so a delivered key became as many rows as buckets
 * its messages fell in; here the histogram is counted in columns of the row (`d00`…`d16`, bucket i as in
 * `tern_delivery_bucket`). And a 90-day range read ninety days of hours: a second cube, `message_stats_daily`,
 * holds the same sums by the day in the tenant's own time zone (`tenants.stats_time_zone`, Asia/Shanghai unless the
 * tenant chose another), folded from the same deltas. Both cubes are rebuilt here from the messages.
 */

const keyColumns = 'tenant_id, hour, region, country, template_id, signature, carrier, campaign_id, outcome, reason';
const dailyKeyColumns = keyColumns.replace('hour', 'day');
const buckets = Array.from({ length: 17 }, (_, i) => `d${String(i).padStart(2, '0')}`);
const countColumns = ['messages', 'segments', ...buckets].join(', ');

/** The statistic key of a message row `m` and its delivery bucket (null unless delivered). */
export const keyOf = (m: string) => `
  ${m}.tenant_id, date_trunc('hour', coalesce(${m}.send_at, ${m}.created_at), 'UTC'), ${m}.region, ${m}.country, ${m}.template_id,
  ${m}.signature, ${m}.carrier, ${m}.campaign_id,
  case when ${m}.status in ('scheduled', 'accepted', 'submitted') then 'pending'
       when ${m}.status in ('delivered', 'cancelled') then ${m}.status
       else 'failed' end,
  case when ${m}.status in ('undelivered', 'expired', 'rejected', 'failed') then coalesce(${m}.error_code, ${m}.status) end,
  case when ${m}.status = 'delivered'
       then tern_delivery_bucket(extract(epoch from ${m}.completed_at - coalesce(${m}.send_at, ${m}.created_at)) * 1000) end`;

/** The counts of rows `k(sign, …, segments, bucket)`, each row counting `sign` (1, or -1 for a row's old version). */
export const signedCounts = ['sum(sign)', 'sum(sign * segments)', ...buckets.map((_, i) => `coalesce(sum(sign) filter (where bucket = ${i}), 0)`)].join(', ');

/** The counts of cube rows summed. */
const summedCounts = ['messages', 'segments', ...buckets].map((c) => `sum(${c}) as ${c}`).join(', ');
const addedCounts = (table: string) => ['messages', 'segments', ...buckets].map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

const keys = sql.raw(keyColumns);
const dailyKeys = sql.raw(dailyKeyColumns);
const counts = sql.raw(countColumns);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tenants add column stats_time_zone text not null default 'Asia/Shanghai'`.execute(db);
  await sql`drop trigger message_stats_updated on messages`.execute(db);
  await sql`drop trigger message_stats_inserted on messages`.execute(db);
  await sql`drop function tern_rebuild_message_stats, tern_roll_message_stats, tern_message_stats_updated, tern_message_stats_inserted`.execute(db);
  await sql`drop table message_stat_deltas, message_stats`.execute(db);

  const keyDefinitions = (time: 'hour' | 'day') => sql.raw(`
    tenant_id uuid not null,
    ${time} timestamptz not null,
    region text,
    country text,
    template_id text,
    signature text,
    carrier text,
    campaign_id uuid,
    outcome text not null,
    reason text`);
  const countDefinitions = (type: string) => sql.raw(['messages', 'segments', ...buckets].map((c) => `${c} ${type} not null default 0`).join(', '));
  // Integer counters: a key's messages in an hour or a day stay far below 2^31, and Postgres sums integers into a
  // bigint without the 128-bit accumulator a bigint column's sum takes (a 90-day read sums every counter of its rows).
  await sql`create table message_stats (${keyDefinitions('hour')}, ${countDefinitions('integer')})`.execute(db);
  await sql`create unique index message_stats_key on message_stats (${keys}) nulls not distinct`.execute(db);
  await sql`create index message_stats_emptied on message_stats (tenant_id) where messages = 0`.execute(db);
  await sql`create table message_stats_daily (${keyDefinitions('day')}, ${countDefinitions('integer')})`.execute(db);
  await sql`create unique index message_stats_daily_key on message_stats_daily (${dailyKeys}) nulls not distinct`.execute(db);
  await sql`create index message_stats_daily_emptied on message_stats_daily (tenant_id) where messages = 0`.execute(db);
  await sql`create table message_stat_deltas (id bigint generated always as identity primary key, ${keyDefinitions('hour')}, ${countDefinitions('integer')})`.execute(db);

  await sql`
    create function tern_message_stats_inserted() returns trigger language plpgsql as $$
    begin
      insert into message_stat_deltas (${keys}, ${counts})
      select ${keys}, ${sql.raw(signedCounts)}
      from (select 1, ${sql.raw(keyOf('n'))}, n.segments from new_rows n) as k(sign, ${keys}, bucket, segments)
      group by ${keys};
      return null;
    end $$`.execute(db);
  await sql`
    create function tern_message_stats_updated() returns trigger language plpgsql as $$
    begin
      insert into message_stat_deltas (${keys}, ${counts})
      select ${keys}, ${sql.raw(signedCounts)}
      from (select 1, ${sql.raw(keyOf('n'))}, n.segments from new_rows n
            union all
            select -1, ${sql.raw(keyOf('o'))}, o.segments from old_rows o) as k(sign, ${keys}, bucket, segments)
      group by ${keys}
      having ${sql.raw([`sum(sign) <> 0`, `sum(sign * segments) <> 0`, ...buckets.map((_, i) => `coalesce(sum(sign) filter (where bucket = ${i}), 0) <> 0`)].join(' or '))};
      return null;
    end $$`.execute(db);
  await sql`create trigger message_stats_inserted after insert on messages referencing new table as new_rows
    for each statement execute function tern_message_stats_inserted()`.execute(db);
  await sql`create trigger message_stats_updated after update on messages referencing old table as old_rows new table as new_rows
    for each statement execute function tern_message_stats_updated()`.execute(db);

  await createFoldFunctions(db);

  await sql`select tern_rebuild_message_stats(null, '-infinity')`.execute(db);
}

/** The fold, the daily redo and the rebuild of these cubes (migration 0043 puts them back on its way down). */
export async function createFoldFunctions(db: Kysely<unknown>): Promise<void> {
  // Folds deltas into both cubes, the day in each tenant's zone; one roller at a time (rebuilds and zone changes
  // hold the same lock). Returns how many deltas it folded.
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
        returning ${keys}, ${counts}
      ), by_hour as (
        select ${keys}, ${sql.raw(summedCounts)} from moved group by ${keys}
      ), hourly as (
        insert into message_stats (${keys}, ${counts})
        select ${keys}, ${counts} from by_hour order by ${keys}
        on conflict (${keys}) do update set ${sql.raw(addedCounts('message_stats'))}
      ), by_day as (
        select h.tenant_id, date_trunc('day', h.hour, t.stats_time_zone) as day, h.region, h.country, h.template_id, h.signature,
               h.carrier, h.campaign_id, h.outcome, h.reason, ${sql.raw(['messages', 'segments', ...buckets].map((c) => `sum(h.${c}) as ${c}`).join(', '))}
        from by_hour h join tenants t on t.id = h.tenant_id
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ), daily as (
        insert into message_stats_daily (${dailyKeys}, ${counts})
        select ${dailyKeys}, ${counts} from by_day order by ${dailyKeys}
        on conflict (${dailyKeys}) do update set ${sql.raw(addedCounts('message_stats_daily'))}
      )
      select count(*) into folded from moved;
      delete from message_stats where messages = 0;
      delete from message_stats_daily where messages = 0;
      return folded;
    end $$`.execute(db);

  // The daily cube of a tenant (or all) from \`from_day\` on, recomputed from the hourly one in the tenant's zone.
  await sql`
    create or replace function tern_redo_daily_stats(of_tenant uuid, since timestamptz) returns void language sql as $$
      delete from message_stats_daily d using tenants t
      where t.id = d.tenant_id and (of_tenant is null or d.tenant_id = of_tenant) and d.day >= date_trunc('day', since, t.stats_time_zone);
      insert into message_stats_daily (${dailyKeys}, ${counts})
      select h.tenant_id, date_trunc('day', h.hour, t.stats_time_zone), h.region, h.country, h.template_id, h.signature, h.carrier,
             h.campaign_id, h.outcome, h.reason, ${sql.raw(['messages', 'segments', ...buckets].map((c) => `sum(h.${c})`).join(', '))}
      from message_stats h join tenants t on t.id = h.tenant_id
      where (of_tenant is null or h.tenant_id = of_tenant) and h.hour >= date_trunc('day', since, t.stats_time_zone)
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    $$`.execute(db);

  // As migration 0037's, with the daily cube redone from the hours it covers: run it in a repeatable-read
  // transaction after taking the roller's lock (db/message-stats.ts).
  await sql`
    create or replace function tern_rebuild_message_stats(of_tenant uuid, since timestamptz) returns bigint language plpgsql as $$
    declare
      from_hour timestamptz := date_trunc('hour', since, 'UTC');
      written bigint;
    begin
      delete from message_stat_deltas where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      delete from message_stats where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      insert into message_stats (${keys}, ${counts})
      select ${keys}, ${sql.raw(signedCounts)}
      from (select 1, ${sql.raw(keyOf('m'))}, m.segments from messages m
            where (of_tenant is null or m.tenant_id = of_tenant) and coalesce(m.send_at, m.created_at) >= from_hour) as k(sign, ${keys}, bucket, segments)
      group by ${keys};
      get diagnostics written = row_count;
      perform tern_redo_daily_stats(of_tenant, from_hour);
      return written;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger message_stats_updated on messages`.execute(db);
  await sql`drop trigger message_stats_inserted on messages`.execute(db);
  await sql`drop function tern_rebuild_message_stats, tern_redo_daily_stats, tern_roll_message_stats, tern_message_stats_updated, tern_message_stats_inserted`.execute(db);
  await sql`drop table message_stat_deltas, message_stats_daily, message_stats`.execute(db);
  await sql`alter table tenants drop column stats_time_zone`.execute(db);
  // 0037's tables and functions come back empty; `npm run tern -- stats rebuild` fills them.
  await sql`alter table messages drop column country, drop column region, drop column signature`.execute(db);
  await messageStats0037.up(db);
}
