import { sql, type Kysely } from 'kysely';
import { nameIndexesAfterParents, renameToLegacy } from './0042_message_partitions.ts';

/**
 * The status reports (`callback_outbox`) and their attempts (`callback_attempts`) partitioned by month, as the message
 * tables are (migration 0042), so that retention drops them as whole tables instead of deleting them in batches
 * (issue 18). They grow with the messages (a report per message, or per part on the compatible surface) and the
 * replies and notices of every tenant, which nothing deleted before.
 *
 * The key is the report's id, which says when it was queued: the second (since 1970) times 2^21, plus the id
 * sequence's next value modulo 2^21 (`tern_next_callback_id`). A month is then a range of ids, a report is still
 * found by its id alone (one partition's index), and an attempt lives in the month of its report (the attempts are
 * partitioned by `outbox_id` with the same bounds). Ids stay below 2^53 until the year 2106, so JavaScript reads them
 * exactly; two reports share an id only if more than two million are queued within one second. Partitions are named
 * by their month (`callback_outbox_p202612`); the worker's retention loop makes them with the message months.
 *
 * The tables as they were become the first partition of each (`…_legacy`, the ids of the sequence, all far below the
 * first month), attached without copying a row. No key points from the attempts to the reports any more: a key into a
 * partitioned table is checked by a plan over every month (see migration 0042), and both are written in one statement
 * (`db/callbacks.ts`).
 */

const idsPerSecond = 2 ** 21;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tern_callback_id_floor(at timestamptz) returns bigint language sql immutable parallel safe as $fn$
      select floor(extract(epoch from at))::bigint * ${sql.lit(idsPerSecond)}
    $fn$`.execute(db);
  await sql`
    create function tern_callback_id_time(id bigint) returns timestamptz language sql immutable parallel safe as $fn$
      select to_timestamp(id / ${sql.lit(idsPerSecond)})
    $fn$`.execute(db);
  await sql`
    create function tern_next_callback_id() returns bigint language sql volatile as $fn$
      select tern_callback_id_floor(clock_timestamp()) + nextval('callback_outbox_id_seq') % ${sql.lit(idsPerSecond)}
    $fn$`.execute(db);

  // The partitions of the report tables with their months, read from the catalog (the legacy one starts nowhere).
  await sql`
    create view callback_partitions as
    select parent.relname::text as table_name, child.relname::text as partition_name,
           nullif(substring(bound from 'FROM \\(''?(-?[0-9]+)''?\\)'), '')::bigint as from_id,
           substring(bound from 'TO \\(''?(-?[0-9]+)''?\\)')::bigint as to_id,
           tern_callback_id_time(nullif(substring(bound from 'FROM \\(''?(-?[0-9]+)''?\\)'), '')::bigint) as from_at,
           tern_callback_id_time(substring(bound from 'TO \\(''?(-?[0-9]+)''?\\)')::bigint) as to_at,
           i.inhdetachpending as detach_pending
    from pg_inherits i
    join pg_class parent on parent.oid = i.inhparent
    join pg_class child on child.oid = i.inhrelid
    cross join lateral pg_get_expr(child.relpartbound, child.oid) as bound
    where parent.relnamespace = current_schema()::regnamespace and parent.relname in ('callback_outbox', 'callback_attempts')`.execute(db);

  // Makes every month from the one of `from_at` to `until` that no partition holds yet, for both tables: created
  // alone and then attached, which takes a lock that lets reports go on. Returns the months added.
  await sql`
    create function tern_add_callback_partitions(from_at timestamptz, until timestamptz) returns int language plpgsql as $fn$
    declare
      month timestamptz := date_trunc('month', from_at, 'UTC');
      next timestamptz;
      added int := 0;
      t text;
      suffix text;
      r record;
    begin
      while month < until loop
        next := ((month at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        if not exists (select 1 from callback_partitions p where p.table_name = 'callback_outbox'
                       and coalesce(p.from_at, '-infinity') < next and p.to_at > month) then
          suffix := '_p' || to_char(month at time zone 'UTC', 'YYYYMM');
          foreach t in array array['callback_outbox', 'callback_attempts'] loop
            execute format('create table %I (like %I including defaults including constraints including storage including indexes) %s',
                           t || suffix, t, case when t = 'callback_outbox' then 'with (fillfactor = 70)' else '' end);
            execute format('alter table %I attach partition %I for values from (%s) to (%s)',
                           t, t || suffix, tern_callback_id_floor(month), tern_callback_id_floor(next));
            ${nameIndexesAfterParents}
          end loop;
          added := added + 1;
        end if;
        month := next;
      end loop;
      return added;
    end $fn$`.execute(db);

  // Moves each table under a partitioned table of its name, keeping its indexes, constraints and the ids' sequences
  // (owned by the new tables, so that dropping the legacy partition keeps them).
  await sql`
    do $$
    declare
      cut bigint := tern_callback_id_floor(date_trunc('month', now(), 'UTC'));
      t text;
      key text;
      r record;
      statements text[];
      statement text;
    begin
      alter table callback_attempts drop constraint callback_attempts_outbox_id_fkey;
      -- The attempts' key becomes the report's id and the attempt's (a key must hold the partition's key).
      alter table callback_attempts drop constraint callback_attempts_pkey;
      foreach t in array array['callback_outbox', 'callback_attempts'] loop
        key := case when t = 'callback_outbox' then 'id' else 'outbox_id' end;
        -- The attempts' index by report is not made again: their key starts with the report's id now.
        select coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') into statements from pg_index i
          where i.indrelid = t::regclass and i.indexrelid <> 'callback_attempts_outbox'::regclass
            and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
        select statements || coalesce(array_agg(format('alter table %I add constraint %I %s', t, conname, pg_get_constraintdef(oid))), '{}')
          into statements from pg_constraint where conrelid = t::regclass and contype in ('p', 'u', 'f');
        if t = 'callback_attempts' then
          statements := statements || 'alter table callback_attempts add constraint callback_attempts_pkey primary key (outbox_id, id)'::text;
        end if;

        ${renameToLegacy}
        execute format('create table %I (like %I including defaults including constraints including storage) partition by range (%I)', t, t || '_legacy', key);
        execute format('alter table %I attach partition %I for values from (minvalue) to (%s)', t, t || '_legacy', cut);
        foreach statement in array statements loop
          execute statement;
        end loop;
        execute format('alter sequence %I owned by %I.id', t || '_id_seq', t);
      end loop;
      alter table callback_outbox alter column id set default tern_next_callback_id();
    end $$`.execute(db);

  // A database with no report yet (a new one) needs no legacy partition: the months start with this one.
  await sql`
    do $$
    begin
      if not exists (select 1 from callback_outbox_legacy) and not exists (select 1 from callback_attempts_legacy) then
        alter table callback_attempts detach partition callback_attempts_legacy;
        alter table callback_outbox detach partition callback_outbox_legacy;
        drop table callback_attempts_legacy, callback_outbox_legacy;
      end if;
    end $$`.execute(db);
  await sql`select tern_add_callback_partitions(now(), now() + interval '2 months')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0044_callback_partitions cannot be undone: the report tables would have to be copied back into unpartitioned ones');
}
