import { sql, type Kysely } from 'kysely';

/**
 * Messages and the rows each message owns (its parts, retries, failovers) partitioned by month, so that details past
 * their retention go as whole tables (`db/message-partitions.ts`) instead of as deleted rows (issue 18).
 *
 * The key is the message id: a UUIDv7 (`domain/message-ids.ts`) starts with the millisecond it was made in, so a
 * month is a range of ids. A message is still found by its id alone (one partition's index), and a part is in the
 * month of its message. Months start on the 1st, 00:00 UTC; a partition is named by its month
 * (`messages_p202612`). Months, not days or weeks: every statement of the queue that cannot be pruned to one
 * partition (a claim reads the due messages of every month) is planned over all of them, and on Postgres 15 that
 * plan costs as much again with each one (the hot-path bench: 35 weeks took a quarter of the throughput; see
 * docs/operations.md). No default partition: a detach could not then be concurrent; partitions are made two months
 * ahead by the worker's retention loop, and this migration makes the first ones.
 *
 * The tables as they were become the first partition of each (`…_legacy`, every id below the next month), attached
 * without copying a row; their indexes, constraints and triggers move to the partitioned table (a database with no
 * message yet keeps no legacy partition). Ids made before UUIDv7 (random, version 4) are spread over the whole range
 * and cannot be kept in a month; a database holding any above the first month is refused with what to do.
 */

/**
 * PL/pgSQL (in a loop over tables `t`, with a record `r`): the indexes of the partition just attached, `t || suffix`,
 * each named after the one it is a part of (plans then say which index they use). Migration 0044 does the same.
 */
export const nameIndexesAfterParents = sql.raw(`for r in select c.relname as child, p.relname as parent from pg_index x
                     join pg_class c on c.oid = x.indexrelid
                     join pg_inherits i on i.inhrelid = x.indexrelid join pg_class p on p.oid = i.inhparent
                     where x.indrelid = (t || suffix)::regclass loop
              execute format('alter index %I rename to %I', r.child, r.parent || suffix);
            end loop;`);

/** PL/pgSQL (in a loop over tables `t`, with a record `r`): the table `t` and its indexes renamed `…_legacy`. */
export const renameToLegacy = sql.raw(`execute format('alter table %I rename to %I', t, t || '_legacy');
        for r in select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = (t || '_legacy')::regclass loop
          execute format('alter index %I rename to %I', r.relname, left(r.relname, 55) || '_legacy');
        end loop;`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tern_uuid7_floor(at timestamptz) returns uuid language sql immutable parallel safe as $fn$
      select (lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid
    $fn$`.execute(db);
  await sql`
    create function tern_uuid7_time(id uuid) returns timestamptz language sql immutable parallel safe as $fn$
      select to_timestamp(('x' || lpad(replace(left(id::text, 13), '-', ''), 16, '0'))::bit(64)::bigint / 1000.0)
    $fn$`.execute(db);

  // A part or a retry references its message within the month, table to table, not partitioned table to partitioned
  // table: a month then goes without touching the others. Dropping a table that holds a foreign key to a partitioned
  // table locks every partition of it, and the hot path's statements lock them in another order (a deadlock the
  // retention test met). For the same reason the messages hold no foreign key to their requests (written with them
  // in one statement, `db/messages.ts`): dropping a month would lock the requests against every send. Nor do the
  // status reports hold one to their message (written in the transaction that gives the message its final state,
  // and deleted by retention before its month): a key into a partitioned table is checked by a plan over every month,
  // a tenth of the worker's database time in the hot-path bench.
  await sql`
    create function tern_link_message_month(suffix text) returns void language plpgsql as $fn$
    declare
      t text;
    begin
      foreach t in array array['message_parts', 'message_retries'] loop
        execute format('alter table %I add constraint %I foreign key (message_id) references %I (id)',
                       t || suffix, t || suffix || '_message', 'messages' || suffix);
      end loop;
    end $fn$`.execute(db);

  // The partitions of the message tables with their months, read from the catalog (the legacy one starts nowhere).
  await sql`
    create view message_partitions as
    select parent.relname::text as table_name, child.relname::text as partition_name,
           nullif(substring(bound from 'FROM \\(''([0-9a-f-]{36})''\\)'), '')::uuid as from_id,
           substring(bound from 'TO \\(''([0-9a-f-]{36})''\\)')::uuid as to_id,
           tern_uuid7_time(nullif(substring(bound from 'FROM \\(''([0-9a-f-]{36})''\\)'), '')::uuid) as from_at,
           tern_uuid7_time(substring(bound from 'TO \\(''([0-9a-f-]{36})''\\)')::uuid) as to_at,
           i.inhdetachpending as detach_pending
    from pg_inherits i
    join pg_class parent on parent.oid = i.inhparent
    join pg_class child on child.oid = i.inhrelid
    cross join lateral pg_get_expr(child.relpartbound, child.oid) as bound
    where parent.relnamespace = current_schema()::regnamespace
      and parent.relname in ('messages', 'message_parts', 'message_retries', 'message_failovers')`.execute(db);

  // Makes every month from the one of `from_at` to `until` that no partition holds yet, for every message table.
  // The month's parts and retries reference the month's messages (see `tern_link_message_month`); the tables are
  // linked before they are attached, and attached rather than created as partitions: attaching takes a lock that
  // lets sends go on. Returns the months added.
  await sql`
    create function tern_add_message_partitions(from_at timestamptz, until timestamptz) returns int language plpgsql as $fn$
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
        if not exists (select 1 from message_partitions p where p.table_name = 'messages'
                       and coalesce(p.from_at, '-infinity') < next and p.to_at > month) then
          suffix := '_p' || to_char(month at time zone 'UTC', 'YYYYMM');
          foreach t in array array['messages', 'message_parts', 'message_retries', 'message_failovers'] loop
            execute format('create table %I (like %I including defaults including constraints including storage including indexes) %s',
                           t || suffix, t, case when t = 'messages' then 'with (fillfactor = 70)' else '' end);
          end loop;
          perform tern_link_message_month(suffix);
          foreach t in array array['messages', 'message_parts', 'message_retries', 'message_failovers'] loop
            execute format('alter table %I attach partition %I for values from (%L) to (%L)',
                           t, t || suffix, tern_uuid7_floor(month), tern_uuid7_floor(next));
            ${nameIndexesAfterParents}
          end loop;
          added := added + 1;
        end if;
        month := next;
      end loop;
      return added;
    end $fn$`.execute(db);

  const cut = sql`(date_trunc('month', now() at time zone 'UTC') + interval '1 month') at time zone 'UTC'`;
  await sql`
    do $$
    declare
      cut timestamptz := ${cut};
      bad text;
    begin
      select id::text into bad from messages where id >= tern_uuid7_floor(cut) limit 1;
      if bad is null then
        select message_id::text into bad from message_failovers where message_id >= tern_uuid7_floor(cut) limit 1;
      end if;
      if bad is not null then
        raise exception 'message % has an id made before UUIDv7 ids (version 4): the message tables cannot be partitioned by month while it is kept', bad
          using hint = 'Tern has not been released with such ids: drop the development database (rm -rf .tern/pg) and start again.';
      end if;
    end $$`.execute(db);

  // Moves each table under a partitioned table of its name, keeping the names of its indexes, constraints and
  // triggers. The views over them are dropped first and made again at the end (a view would otherwise go on reading
  // the legacy table); the foreign keys that reference messages are dropped, the parts' and retries' made again month
  // by month.
  await sql`
    do $$
    declare
      cut uuid := tern_uuid7_floor(${cut});
      views text[] := '{}';
      t text;
      key text;
      r record;
      indexes text[];
      constraints text[];
      triggers text[];
      statement text;
    begin
      for r in select distinct v.oid, v.relname from pg_depend d join pg_rewrite w on w.oid = d.objid join pg_class v on v.oid = w.ev_class
               where d.refobjid in ('messages'::regclass, 'message_parts'::regclass, 'message_retries'::regclass, 'message_failovers'::regclass)
                 and v.relkind = 'v' loop
        views := views || format('create view %I as %s', r.relname, pg_get_viewdef(r.oid));
        execute format('drop view %I', r.relname);
      end loop;
      for r in select conrelid::regclass::text as tbl, conname from pg_constraint where confrelid = 'messages'::regclass and contype = 'f' loop
        execute format('alter table %s drop constraint %I', r.tbl, r.conname);
      end loop;
      alter table messages drop constraint messages_request_id_fkey;

      foreach t in array array['messages', 'message_parts', 'message_retries', 'message_failovers'] loop
        key := case when t = 'messages' then 'id' else 'message_id' end;
        select coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') into indexes from pg_index i
          where i.indrelid = t::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
        select coalesce(array_agg(format('alter table %I add constraint %I %s', t, conname, pg_get_constraintdef(oid))), '{}')
          into constraints from pg_constraint where conrelid = t::regclass and contype in ('p', 'u');
        select coalesce(array_agg(pg_get_triggerdef(oid)), '{}') into triggers from pg_trigger where tgrelid = t::regclass and not tgisinternal;

        for r in select tgname from pg_trigger where tgrelid = t::regclass and not tgisinternal loop
          execute format('drop trigger %I on %I', r.tgname, t);
        end loop;
        ${renameToLegacy}

        execute format('create table %I (like %I including defaults including constraints including storage) partition by range (%I)', t, t || '_legacy', key);
        execute format('alter table %I attach partition %I for values from (minvalue) to (%L)', t, t || '_legacy', cut);
        foreach statement in array constraints || indexes || triggers loop
          execute statement;
        end loop;
      end loop;

      perform tern_link_message_month('_legacy');
      foreach statement in array views loop
        execute statement;
      end loop;
    end $$`.execute(db);

  // A database with no messages yet (a new one) needs no legacy partition: the months start with this one.
  await sql`
    do $$
    declare
      t text;
    begin
      if not exists (select 1 from messages_legacy) and not exists (select 1 from message_failovers_legacy) then
        foreach t in array array['message_failovers', 'message_retries', 'message_parts', 'messages'] loop
          execute format('alter table %I detach partition %I', t, t || '_legacy');
          execute format('drop table %I', t || '_legacy');
        end loop;
      end if;
    end $$`.execute(db);
  await sql`select tern_add_message_partitions(now(), now() + interval '2 months')`.execute(db);

  // How far retention has gone: messages whose ids are below `before_id` may have been dropped with their month, and
  // the last of them counted in the statistics at `counted_until` (sent then; scheduled ones long after their id),
  // so that a rebuild of the statistics from the messages starts after it.
  await sql`
    create table message_retention (
      only_row boolean primary key default true check (only_row),
      before_id uuid not null,
      before_at timestamptz not null,
      counted_until timestamptz not null
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0042_message_partitions cannot be undone: the message tables would have to be copied back into unpartitioned ones');
}
