import { sql, type Kysely } from 'kysely';

/**
 * Billing (docs/billing.md): a versioned price table, resource packages, an append-only ledger of charges and
 * refunds, the mode-2 hold on international sending, quota alarms and the tenant notices they send.
 *
 * Money is exact under concurrency because it moves in two places only, both here:
 * - `tern_bill` charges the messages of an accept in the statement (or transaction) that stores them: it takes
 *   segments from the package that expires first (one free shard of it when that can pay for the whole request,
 *   else every usable shard, locked in one order), charges the rest per use at the current price table (mode 1)
 *   or refuses the message (mode 2), and writes one ledger row per message and shard. A shard's `used` can never
 *   pass its `segments` (a check).
 * - `tern_refund_unsent` (a constraint trigger, run at commit of the transaction that ends a message) is the refund
 *   rule: a message that ends failed or cancelled before any carrier accepted any part of it gets each of its
 *   charges back once; a message a carrier took a part of stays billed in full, whatever its end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tenants add column billing_mode smallint not null default 1 check (billing_mode in (1, 2))`.execute(db);

  await sql`
    create table price_tables (
      version serial primary key,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      note text not null default '',
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  // A price per billable segment in minor units; country '*' is the scope's price for every other country.
  await sql`
    create table prices (
      version int not null references price_tables (version),
      scope text not null check (scope in ('mainland', 'international')),
      country text not null check (country = '*' or country ~ '^[A-Z]{2}$'),
      segment_price bigint not null check (segment_price >= 0),
      primary key (version, scope, country)
    )`.execute(db);
  // The first table (operators replace it): CNY, in fen.
  await sql`insert into price_tables (version, currency, note) values (1, 'CNY', 'default prices (migration 0021)')`.execute(db);
  await sql`select setval('price_tables_version_seq', 1)`.execute(db);
  await sql`
    insert into prices (version, scope, country, segment_price) values
      (1, 'mainland', '*', 4), (1, 'international', '*', 45), (1, 'international', 'US', 30),
      (1, 'international', 'GB', 35), (1, 'international', 'HK', 40), (1, 'international', 'SG', 25)`.execute(db);

  await sql`
    create table packages (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id),
      scope text not null check (scope in ('mainland', 'international')),
      segments int not null check (segments > 0),
      valid_from timestamptz not null,
      expires_at timestamptz not null,
      source text not null check (source in ('purchase', 'grant')),
      reference text,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint packages_validity check (expires_at > valid_from)
    )`.execute(db);
  await sql`create index packages_of_tenant on packages (tenant_id, scope, expires_at, id)`.execute(db);
  // A package's segments in shards (db/packages.ts says how many), each its own row and lock: concurrent accepts
  // of one tenant take different shards instead of queueing on one row until each commits. A shard's used never
  // passes its segments.
  await sql`
    create table package_shards (
      package_id uuid not null references packages (id),
      shard smallint not null,
      segments int not null check (segments > 0),
      used int not null default 0,
      primary key (package_id, shard),
      constraint package_shards_used check (used >= 0 and used <= segments)
    )`.execute(db);

  await sql`
    create table billing_ledger (
      id bigserial primary key,
      tenant_id uuid not null,
      at timestamptz not null default now(),
      kind text not null check (kind in ('charge', 'refund')),
      message_id uuid not null,
      package_id uuid,
      package_shard smallint,
      scope text not null check (scope in ('mainland', 'international')),
      country text not null,
      segments int not null check (segments > 0),
      amount bigint not null check (amount >= 0),
      currency text not null,
      price_version int not null,
      refund_of bigint references billing_ledger (id),
      constraint billing_ledger_refund check ((kind = 'refund') = (refund_of is not null)),
      constraint billing_ledger_shard check ((package_id is null) = (package_shard is null))
    )`.execute(db);
  // No foreign keys to tenants, packages, price tables or messages: a row per message would pay for their checks
  // on the hot path, and the ledger outlives the messages it bills. The ledger check proves every reference.
  await sql`create index billing_ledger_tenant on billing_ledger (tenant_id, id)`.execute(db);
  await sql`create index billing_ledger_message on billing_ledger (message_id)`.execute(db);
  // A charge is refunded at most once (only refunds are indexed).
  await sql`create unique index billing_ledger_refund_of on billing_ledger (refund_of) where refund_of is not null`.execute(db);
  await sql`
    create function tern_ledger_append_only() returns trigger language plpgsql as $fn$
    begin
      raise exception 'billing_ledger is append-only: a correction is a new row';
    end
    $fn$`.execute(db);
  await sql`
    create trigger billing_ledger_append_only before update or delete on billing_ledger
      for each statement execute function tern_ledger_append_only()`.execute(db);

  // Mode 2: the tenant's international sending is held from the first message its packages cannot cover until a
  // top-up (or an operator) ends it; the quota-runout workflow of each hold is started by the worker.
  await sql`
    create table billing_holds (
      id bigserial primary key,
      tenant_id uuid not null references tenants (id),
      scope text not null default 'international' check (scope = 'international'),
      started_at timestamptz not null default now(),
      workflow_started_at timestamptz,
      ended_at timestamptz,
      ended_reason text check (ended_reason in ('topped_up', 'released', 'mode_changed')),
      ended_by uuid
    )`.execute(db);
  await sql`create unique index billing_holds_open on billing_holds (tenant_id, scope) where ended_at is null`.execute(db);

  // A threshold on a scope's remaining segments: armed while the balance is at or above it, fired once when a
  // charge takes it below, armed again only by a top-up that lifts the balance back.
  await sql`
    create table quota_alarms (
      tenant_id uuid not null references tenants (id),
      scope text not null check (scope in ('mainland', 'international')),
      threshold int not null check (threshold > 0),
      armed boolean not null,
      fired_at timestamptz,
      primary key (tenant_id, scope, threshold)
    )`.execute(db);

  // What the platform tells a tenant (quota alarms, holds): sent once as SMS to its contact numbers and as a
  // callback event to its apps' callback URLs, by the worker, in the transaction that marks the notice sent.
  await sql`
    create table tenant_notices (
      id bigserial primary key,
      tenant_id uuid not null references tenants (id),
      kind text not null,
      details jsonb not null,
      at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index tenant_notices_unsent on tenant_notices (id) where sent_at is null`.execute(db);
  await sql`create index tenant_notices_of_tenant on tenant_notices (tenant_id, id)`.execute(db);
  await sql`alter table callback_outbox add column notice_id bigint references tenant_notices (id)`.execute(db);
  await sql`alter table callback_outbox drop constraint callback_outbox_subject`.execute(db);
  await sql`alter table callback_outbox add constraint callback_outbox_subject check (num_nonnulls(message_id, reply_id, notice_id) = 1)`.execute(db);

  await sql`
    create function tern_bill(p_tenant uuid, p_ids uuid[], p_scopes text[], p_countries text[], p_segments int[], p_at timestamptz)
    returns table (idx int, code text)
    language plpgsql volatile as $fn$
    declare
      n int := coalesce(array_length(p_ids, 1), 0);
      v_mode smallint;
      v_held boolean;
      v_alarms boolean;
      v_packages boolean;
      v_version int;
      v_currency text;
      v_prices bigint[];
      v_scopes text[];
      v_need int := 0;
      v_first uuid;
      -- The shards this accept takes from, in the order they are consumed.
      s_pkg uuid[] := '{}';
      s_shard smallint[] := '{}';
      s_scope text[] := '{}';
      s_left int[] := '{}';
      s_taken int[];
      l_msg uuid[] := '{}';
      l_pkg uuid[] := '{}';
      l_shard smallint[] := '{}';
      l_scope text[] := '{}';
      l_country text[] := '{}';
      l_seg int[] := '{}';
      l_amount bigint[] := '{}';
      i int;
      k int;
      need int;
      t int;
      got boolean := false;
      hold boolean := false;
      consumed text[] := '{}';
      used_up boolean;
      one record;
    begin
      if n = 0 then
        return;
      end if;
      select t.billing_mode, exists (select 1 from billing_holds h where h.tenant_id = t.id and h.ended_at is null),
             exists (select 1 from quota_alarms a where a.tenant_id = t.id and a.armed),
             exists (select 1 from packages p where p.tenant_id = t.id and p.valid_from <= p_at and p.expires_at > p_at),
             pt.version, pt.currency
        into v_mode, v_held, v_alarms, v_packages, v_version, v_currency
        from tenants t, (select version, currency from price_tables order by version desc limit 1) pt
        where t.id = p_tenant;
      if v_mode = 2 then
        -- Mode 2 sends international SMS only, and none while held.
        for i in 1 .. n loop
          if p_scopes[i] = 'mainland' then
            idx := i; code := 'billing_mode_international_only'; return next;
          elsif v_held then
            idx := i; code := 'quota_exhausted'; return next;
          else
            v_need := v_need + p_segments[i];
          end if;
        end loop;
        if v_need = 0 then
          return;
        end if;
        v_scopes := array['international'];
      elsif 'mainland' = any(p_scopes) and 'international' = any(p_scopes) then
        v_scopes := array['international', 'mainland'];
      else
        v_scopes := array[p_scopes[1]];
        foreach t in array p_segments loop
          v_need := v_need + t;
        end loop;
      end if;

      if array_length(v_scopes, 1) = 1 and v_packages then
        -- The usual accept: one scope. One shard of the package that expires first that can pay for the whole
        -- request is all it takes: a free one, taken, charged and written in one statement (each connection tries
        -- the shards in its own order, so concurrent accepts spread over them); else it waits for one such shard,
        -- holding none meanwhile.
        select p.id into v_first from packages p
          where p.tenant_id = p_tenant and p.scope = v_scopes[1] and p.valid_from <= p_at and p.expires_at > p_at
            and exists (select 1 from package_shards x where x.package_id = p.id and x.used < x.segments)
          order by p.expires_at, p.id limit 1;
        with pick as (
          select s.package_id, s.shard from package_shards s
          where s.package_id = v_first and s.segments - s.used >= v_need
          order by hashint4(s.shard + pg_backend_pid())
          limit 1
          for update skip locked
        ), taken as (
          update package_shards s set used = s.used + v_need from pick
          where s.package_id = pick.package_id and s.shard = pick.shard
          returning s.package_id, s.shard
        )
        insert into billing_ledger (tenant_id, at, kind, message_id, package_id, package_shard, scope, country, segments, amount, currency, price_version)
          select p_tenant, p_at, 'charge', m.id, t.package_id, t.shard, m.scope, m.country, m.segments, 0, v_currency, v_version
          from taken t, unnest(p_ids, p_scopes, p_countries, p_segments) as m(id, scope, country, segments)
          where m.scope = v_scopes[1];
        got := found;
        if got then
          consumed := v_scopes;
        else
          select s.package_id, s.shard, s.segments - s.used as avail into one
            from package_shards s
            where s.package_id = v_first and s.segments - s.used >= v_need
            order by random()
            limit 1
            for update;
          if found then
            s_pkg := array[one.package_id]; s_shard := array[one.shard]; s_scope := v_scopes; s_left := array[one.avail];
          end if;
        end if;
      end if;
      if v_packages and not got and coalesce(array_length(s_pkg, 1), 0) = 0 then
        -- Otherwise (no shard can pay for it all: the end of a package, a request larger than a shard, or two
        -- scopes) every usable shard of the scopes, locked in one order: exact at the end of a package.
        select coalesce(array_agg(x.package_id order by x.scope, x.expires_at, x.package_id, x.shard), '{}'),
               coalesce(array_agg(x.shard order by x.scope, x.expires_at, x.package_id, x.shard), '{}'),
               coalesce(array_agg(x.scope order by x.scope, x.expires_at, x.package_id, x.shard), '{}'),
               coalesce(array_agg(x.avail order by x.scope, x.expires_at, x.package_id, x.shard), '{}')
          into s_pkg, s_shard, s_scope, s_left
          from (select s.package_id, s.shard, p.scope, p.expires_at, s.segments - s.used as avail
                from package_shards s join packages p on p.id = s.package_id
                where p.tenant_id = p_tenant and p.scope = any(v_scopes) and p.valid_from <= p_at and p.expires_at > p_at
                  and s.used < s.segments
                order by p.scope, p.expires_at, p.id, s.shard
                for update of s) x;
      end if;
      s_taken := array_fill(0, array[greatest(coalesce(array_length(s_pkg, 1), 0), 1)]);

      for i in 1 .. n loop
        exit when got;
        need := p_segments[i];
        continue when v_mode = 2 and p_scopes[i] = 'mainland';
        if v_mode = 2 then
          t := 0;
          for k in 1 .. coalesce(array_length(s_pkg, 1), 0) loop
            t := t + s_left[k];
          end loop;
          if t < need then
            -- The first message the packages cannot cover holds international sending until a top-up.
            hold := true;
            idx := i; code := 'quota_exhausted'; return next;
            continue;
          end if;
        end if;
        for k in 1 .. coalesce(array_length(s_pkg, 1), 0) loop
          exit when need = 0;
          if s_scope[k] = p_scopes[i] and s_left[k] > 0 then
            t := least(need, s_left[k]);
            s_left[k] := s_left[k] - t;
            s_taken[k] := s_taken[k] + t;
            need := need - t;
            l_msg := l_msg || p_ids[i]; l_pkg := l_pkg || s_pkg[k]; l_shard := l_shard || s_shard[k]; l_scope := l_scope || p_scopes[i];
            l_country := l_country || p_countries[i]; l_seg := l_seg || t; l_amount := l_amount || 0::bigint;
            if not (p_scopes[i] = any(consumed)) then
              consumed := consumed || p_scopes[i];
            end if;
          end if;
        end loop;
        if need > 0 then
          if v_prices is null then
            -- Read once, when a message is the first to be charged per use.
            v_prices := array(
              select coalesce(exact.segment_price, fallback.segment_price)
              from unnest(p_scopes, p_countries) with ordinality as m(scope, country, ord)
              left join prices exact on exact.version = v_version and exact.scope = m.scope and exact.country = m.country
              left join prices fallback on fallback.version = v_version and fallback.scope = m.scope and fallback.country = '*'
              order by m.ord);
          end if;
          if v_prices[i] is null then
            raise exception 'price table % has no price for % %', v_version, p_scopes[i], p_countries[i];
          end if;
          l_msg := l_msg || p_ids[i]; l_pkg := l_pkg || null::uuid; l_shard := l_shard || null::smallint; l_scope := l_scope || p_scopes[i];
          l_country := l_country || p_countries[i]; l_seg := l_seg || need; l_amount := l_amount || (need * v_prices[i]);
        end if;
      end loop;
      if not got then
      with taken as (
        update package_shards s set used = s.used + t.taken
          from unnest(s_pkg, s_shard, s_taken[1:coalesce(array_length(s_pkg, 1), 0)]) as t(pkg, shard, taken)
          where s.package_id = t.pkg and s.shard = t.shard and t.taken > 0
      )
      insert into billing_ledger (tenant_id, at, kind, message_id, package_id, package_shard, scope, country, segments, amount, currency, price_version)
        select p_tenant, p_at, 'charge', c.msg, c.pkg, c.shard, c.scope, c.country, c.seg, c.amount, v_currency, v_version
        from unnest(l_msg, l_pkg, l_shard, l_scope, l_country, l_seg, l_amount) as c(msg, pkg, shard, scope, country, seg, amount);
      end if;

      -- The balance after this accept (exact when it locked every shard), for the mode-2 hold on the last
      -- segment and for the quota alarms of the scopes it consumed from; only read when one of them may act.
      if (v_mode = 2 and 'international' = any(consumed)) or (v_alarms and coalesce(array_length(consumed, 1), 0) > 0) then
        with remaining as (
          select c.scope, coalesce((
              select sum(s.segments - s.used) from package_shards s join packages p on p.id = s.package_id
              where p.tenant_id = p_tenant and p.scope = c.scope and p.valid_from <= p_at and p.expires_at > p_at), 0) as segments
          from unnest(consumed) as c(scope)
        ), fired as (
          update quota_alarms a set armed = false, fired_at = p_at
          from remaining r
          where a.tenant_id = p_tenant and a.scope = r.scope and a.armed and r.segments < a.threshold
          returning a.scope, a.threshold, r.segments
        ), noticed as (
          insert into tenant_notices (tenant_id, kind, details, at)
            select p_tenant, 'quota_alarm', jsonb_build_object('scope', f.scope, 'threshold', f.threshold, 'remaining', f.segments), p_at
            from fired f
        )
        select bool_or(r.segments = 0) into used_up from remaining r where r.scope = 'international' and v_mode = 2;
        hold := hold or coalesce(used_up, false);
      end if;
      if hold then
        insert into billing_holds (tenant_id, started_at) values (p_tenant, p_at) on conflict do nothing;
      end if;
    end
    $fn$`.execute(db);

  await sql`
    create function tern_refund_unsent() returns trigger language plpgsql as $fn$
    begin
      -- The refund rule: failed or cancelled with no part ever accepted by a carrier.
      if exists (select 1 from message_parts where message_id = new.id) then
        return null;
      end if;
      -- Shards locked in the order tern_bill locks them, so a refund and an accept cannot deadlock.
      perform 1 from package_shards s join packages p on p.id = s.package_id
        where (s.package_id, s.shard) in (select package_id, package_shard from billing_ledger where message_id = new.id and package_id is not null)
        order by p.scope, p.expires_at, p.id, s.shard
        for update of s;
      with refunded as (
        insert into billing_ledger (tenant_id, kind, message_id, package_id, package_shard, scope, country, segments, amount, currency, price_version, refund_of)
          select c.tenant_id, 'refund', c.message_id, c.package_id, c.package_shard, c.scope, c.country, c.segments, c.amount, c.currency, c.price_version, c.id
          from billing_ledger c
          where c.message_id = new.id and c.kind = 'charge'
          on conflict (refund_of) where refund_of is not null do nothing
          returning package_id, package_shard, segments
      )
      update package_shards s set used = s.used - r.segments
        from (select package_id, package_shard, sum(segments)::int as segments from refunded where package_id is not null group by 1, 2) r
        where s.package_id = r.package_id and s.shard = r.package_shard;
      return null;
    end
    $fn$`.execute(db);
  // At commit: the parts a carrier accepted are recorded in the same transaction as the end, maybe after it.
  await sql`
    create constraint trigger messages_refund_unsent after update of status on messages
      deferrable initially deferred
      for each row when (new.status in ('failed', 'cancelled') and old.status is distinct from new.status)
      execute function tern_refund_unsent()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger messages_refund_unsent on messages`.execute(db);
  await sql`drop function tern_refund_unsent`.execute(db);
  await sql`drop function tern_bill`.execute(db);
  await sql`alter table callback_outbox drop constraint callback_outbox_subject`.execute(db);
  await sql`delete from callback_outbox where notice_id is not null`.execute(db);
  await sql`alter table callback_outbox drop column notice_id`.execute(db);
  await sql`alter table callback_outbox add constraint callback_outbox_subject check ((message_id is null) <> (reply_id is null))`.execute(db);
  for (const table of ['tenant_notices', 'quota_alarms', 'billing_holds', 'billing_ledger', 'package_shards', 'packages', 'prices', 'price_tables']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function tern_ledger_append_only`.execute(db);
  await sql`alter table tenants drop column billing_mode`.execute(db);
}
