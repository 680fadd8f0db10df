import { sql, type Kysely } from 'kysely';

/**
 * Service statistics kept as messages change state (issue 18), exact and cheap to read however many messages there are.
 *
 * Messages carry what the statistics group by and cannot be worked out later: the recipient's country, the
 * template's region and the signature, written at accept (older rows keep nulls, counted as unknown).
 *
 * `message_stats` is a cube of counters by the UTC hour the message was to go (its send time, else its accept time)
 * and by every dimension. Statement triggers on `messages` write the changes of each statement into
 * `message_stat_deltas`, summed by key (a hundred messages moving from queued to delivered are two rows: -100 and
 * +100), so the hot path never waits on a counter another transaction holds. The worker folds the deltas into the cube
 * (`tern_roll_message_stats`) every second; a reader sums both, so it sees every committed change whether it is
 * folded or not. `tern_rebuild_message_stats` recomputes the cube from the messages (`npm run tern -- stats rebuild`).
 * Deleting messages (retention) changes no statistic: there is no delete trigger.
 */

const keyColumns = 'tenant_id, hour, region, country, template_id, signature, carrier, campaign_id, outcome, reason, delivery_bucket';

/** The statistic key of a message row `m`, in the order of `keyColumns`. domain/message-stats.ts has the same mapping. */
const keyOf = (m: string) => `
  ${m}.tenant_id, date_trunc('hour', coalesce(${m}.send_at, ${m}.created_at), 'UTC'), ${m}.region, ${m}.country, ${m}.template_id,
  ${m}.signature, ${m}.carrier, ${m}.campaign_id,
  case when ${m}.status in ('scheduled', 'accepted', 'submitted') then 'pending'
       when ${m}.status in ('delivered', 'cancelled') then ${m}.status
       else 'failed' end,
  case when ${m}.status in ('undelivered', 'expired', 'rejected', 'failed') then coalesce(${m}.error_code, ${m}.status) end,
  case when ${m}.status = 'delivered'
       then tern_delivery_bucket(extract(epoch from ${m}.completed_at - coalesce(${m}.send_at, ${m}.created_at)) * 1000) end`;

/** The key columns, each summed row's. */
const keys = sql.raw(keyColumns);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages add column country text, add column region text, add column signature text`.execute(db);

  const keyDefinitions = sql`
    tenant_id uuid not null,
    hour timestamptz not null,
    region text,
    country text,
    template_id text,
    signature text,
    carrier text,
    campaign_id uuid,
    outcome text not null,
    reason text,
    delivery_bucket smallint`;
  await sql`create table message_stats (${keyDefinitions}, messages bigint not null, segments bigint not null)`.execute(db);
  // Nulls are values here (an unknown country, no campaign): one row per key, nulls or not.
  await sql`create unique index message_stats_key on message_stats (${keys}) nulls not distinct`.execute(db);
  // Keys whose messages all moved on (queued ones that ended) sum to zero; the roller deletes them through this.
  await sql`create index message_stats_emptied on message_stats (tenant_id) where messages = 0 and segments = 0`.execute(db);
  await sql`create table message_stat_deltas (id bigint generated always as identity primary key, ${keyDefinitions},
    messages integer not null, segments integer not null)`.execute(db);

  await sql`
    create function tern_delivery_bucket(ms double precision) returns smallint
    language sql immutable parallel safe
    return width_bucket(ms, array[1000, 2000, 3000, 5000, 10000, 20000, 30000, 60000, 120000, 300000, 600000, 1800000,
                                  3600000, 10800000, 43200000, 86400000]::double precision[])::smallint`.execute(db);

  await sql`
    create function tern_message_stats_inserted() returns trigger language plpgsql as $$
    begin
      insert into message_stat_deltas (${keys}, messages, segments)
      select ${keys}, count(*), sum(segments)
      from (select ${sql.raw(keyOf('n'))}, n.segments from new_rows n) as k(${keys}, segments)
      group by ${keys};
      return null;
    end $$`.execute(db);
  await sql`
    create function tern_message_stats_updated() returns trigger language plpgsql as $$
    begin
      insert into message_stat_deltas (${keys}, messages, segments)
      select ${keys}, sum(sign), sum(sign * segments)
      from (select 1, ${sql.raw(keyOf('n'))}, n.segments from new_rows n
            union all
            select -1, ${sql.raw(keyOf('o'))}, o.segments from old_rows o) as k(sign, ${keys}, segments)
      group by ${keys}
      having sum(sign) <> 0 or sum(sign * segments) <> 0;
      return null;
    end $$`.execute(db);
  await sql`create trigger message_stats_inserted after insert on messages referencing new table as new_rows
    for each statement execute function tern_message_stats_inserted()`.execute(db);
  await sql`create trigger message_stats_updated after update on messages referencing old table as old_rows new table as new_rows
    for each statement execute function tern_message_stats_updated()`.execute(db);

  // One roller at a time (the rebuild holds the same lock); returns how many deltas it folded.
  await sql`
    create function tern_roll_message_stats(batch integer) returns integer language plpgsql as $$
    declare
      folded integer;
    begin
      if not pg_try_advisory_xact_lock(hashtext('tern_message_stats')) then
        return 0;
      end if;
      with moved as (
        delete from message_stat_deltas where id in (select id from message_stat_deltas order by id limit batch)
        returning ${keys}, messages, segments
      ), summed as (
        select ${keys}, sum(messages) as messages, sum(segments) as segments from moved group by ${keys}
      ), folded_in as (
        insert into message_stats (${keys}, messages, segments)
        select ${keys}, messages, segments from summed order by ${keys}
        on conflict (${keys}) do update
          set messages = message_stats.messages + excluded.messages, segments = message_stats.segments + excluded.segments
      )
      select count(*) into folded from moved;
      delete from message_stats where messages = 0 and segments = 0;
      return folded;
    end $$`.execute(db);

  // The cube recomputed from the messages sent from the hour of \`since\` on (of one tenant, or all): run it in a
  // repeatable-read transaction, after taking the roller's lock, so the deltas it drops are exactly those the
  // messages it reads already show.
  await sql`
    create function tern_rebuild_message_stats(of_tenant uuid, since timestamptz) returns bigint language plpgsql as $$
    declare
      from_hour timestamptz := date_trunc('hour', since, 'UTC');
      written bigint;
    begin
      delete from message_stat_deltas where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      delete from message_stats where (of_tenant is null or tenant_id = of_tenant) and hour >= from_hour;
      insert into message_stats (${keys}, messages, segments)
      select ${keys}, count(*), sum(segments)
      from (select ${sql.raw(keyOf('m'))}, m.segments from messages m
            where (of_tenant is null or m.tenant_id = of_tenant) and coalesce(m.send_at, m.created_at) >= from_hour) as k(${keys}, segments)
      group by ${keys};
      get diagnostics written = row_count;
      return written;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger message_stats_updated on messages`.execute(db);
  await sql`drop trigger message_stats_inserted on messages`.execute(db);
  await sql`drop function tern_rebuild_message_stats, tern_roll_message_stats, tern_message_stats_updated, tern_message_stats_inserted, tern_delivery_bucket`.execute(db);
  await sql`drop table message_stat_deltas, message_stats`.execute(db);
  await sql`alter table messages drop column country, drop column region, drop column signature`.execute(db);
}
