import { sql, type Kysely } from 'kysely';

/**
 * Billing (docs/billing.md): a versioned price table, resource packages, an append-only ledger of charges and
 * refunds, the mode-2 hold on international sending, quota alarms and the tenant notices they send.
 *
 * Money is exact under concurrency because it moves in two places only, both here:
 * - `tern_bill` charges the messages of an accept in the statement (or transaction) that stores them: it locks
 *   the tenant's usable packages in one order (scope, expiry, id), takes segments from the package that expires
 *   first, charges the rest per use at the current price table (mode 1) or refuses the message (mode 2), and writes
 *   one ledger row per message and package. A package's `used` can never pass its `segments` (a check).
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
      used int not null default 0,
      valid_from timestamptz not null,
      expires_at timestamptz not null,
      source text not null check (source in ('purchase', 'grant')),
      reference text,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint packages_used check (used >= 0 and used <= segments),
      constraint packages_validity check (expires_at > valid_from)
    )`.execute(db);
  await sql`create index packages_of_tenant on packages (tenant_id, scope, expires_at, id)`.execute(db);

  await sql`
    create table billing_ledger (
      id bigserial primary key,
      tenant_id uuid not null references tenants (id),
      at timestamptz not null default now(),
      kind text not null check (kind in ('charge', 'refund')),
      message_id uuid not null,
      package_id uuid references packages (id),
      scope text not null check (scope in ('mainland', 'international')),
      country text not null,
      segments int not null check (segments > 0),
      amount bigint not null check (amount >= 0),
      currency text not null,
      price_version int not null references price_tables (version),
      refund_of bigint unique references billing_ledger (id),
      constraint billing_ledger_refund check ((kind = 'refund') = (refund_of is not null))
    )`.execute(db);
  await sql`create index billing_ledger_tenant on billing_ledger (tenant_id, id)`.execute(db);
  await sql`create index billing_ledger_message on billing_ledger (message_id)`.execute(db);
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
      v_version int;
      v_currency text;
      v_held boolean;
      v_prices bigint[];
      pk_ids uuid[];
      pk_scopes text[];
      pk_left int[];
      pk_taken int[];
      l_msg uuid[] := '{}';
      l_pkg uuid[] := '{}';
      l_scope text[] := '{}';
      l_country text[] := '{}';
      l_seg int[] := '{}';
      l_amount bigint[] := '{}';
      i int;
      k int;
      need int;
      t int;
      hold boolean := false;
      consumed text[] := '{}';
    begin
      if n = 0 then
        return;
      end if;
      select billing_mode into v_mode from tenants where id = p_tenant;
      select version, currency into v_version, v_currency from price_tables order by version desc limit 1;
      v_prices := array(
        select coalesce(exact.segment_price, fallback.segment_price)
        from unnest(p_scopes, p_countries) with ordinality as m(scope, country, ord)
        left join prices exact on exact.version = v_version and exact.scope = m.scope and exact.country = m.country
        left join prices fallback on fallback.version = v_version and fallback.scope = m.scope and fallback.country = '*'
        order by m.ord);
      -- The usable packages, locked in one order; a request that waited sees the balance the other left.
      select coalesce(array_agg(p.id order by p.scope, p.expires_at, p.id), '{}'),
             coalesce(array_agg(p.scope order by p.scope, p.expires_at, p.id), '{}'),
             coalesce(array_agg(p.segments - p.used order by p.scope, p.expires_at, p.id), '{}')
        into pk_ids, pk_scopes, pk_left
        from (select * from packages
              where tenant_id = p_tenant and scope = any(p_scopes) and valid_from <= p_at and expires_at > p_at and used < segments
              order by scope, expires_at, id
              for update) p;
      pk_taken := array_fill(0, array[greatest(coalesce(array_length(pk_ids, 1), 0), 1)]);
      v_held := v_mode = 2 and exists (select 1 from billing_holds h where h.tenant_id = p_tenant and h.ended_at is null);
      for i in 1 .. n loop
        need := p_segments[i];
        if v_mode = 2 and p_scopes[i] = 'mainland' then
          idx := i; code := 'billing_mode_international_only'; return next;
          continue;
        end if;
        if v_mode = 2 then
          if v_held or coalesce((select sum(pk_left[j]) from generate_subscripts(pk_ids, 1) j where pk_scopes[j] = p_scopes[i]), 0) < need then
            -- The first message the packages cannot cover holds international sending until a top-up.
            v_held := true;
            hold := true;
            idx := i; code := 'quota_exhausted'; return next;
            continue;
          end if;
        end if;
        for k in 1 .. coalesce(array_length(pk_ids, 1), 0) loop
          exit when need = 0;
          if pk_scopes[k] = p_scopes[i] and pk_left[k] > 0 then
            t := least(need, pk_left[k]);
            pk_left[k] := pk_left[k] - t;
            pk_taken[k] := pk_taken[k] + t;
            need := need - t;
            l_msg := l_msg || p_ids[i]; l_pkg := l_pkg || pk_ids[k]; l_scope := l_scope || p_scopes[i];
            l_country := l_country || p_countries[i]; l_seg := l_seg || t; l_amount := l_amount || 0::bigint;
            consumed := consumed || p_scopes[i];
          end if;
        end loop;
        if need > 0 then
          if v_prices[i] is null then
            raise exception 'price table % has no price for % %', v_version, p_scopes[i], p_countries[i];
          end if;
          l_msg := l_msg || p_ids[i]; l_pkg := l_pkg || null::uuid; l_scope := l_scope || p_scopes[i];
          l_country := l_country || p_countries[i]; l_seg := l_seg || need; l_amount := l_amount || (need * v_prices[i]);
        end if;
      end loop;
      insert into billing_ledger (tenant_id, at, kind, message_id, package_id, scope, country, segments, amount, currency, price_version)
        select p_tenant, p_at, 'charge', c.msg, c.pkg, c.scope, c.country, c.seg, c.amount, v_currency, v_version
        from unnest(l_msg, l_pkg, l_scope, l_country, l_seg, l_amount) as c(msg, pkg, scope, country, seg, amount);
      update packages p set used = p.used + t.taken
        from unnest(pk_ids, pk_taken[1:coalesce(array_length(pk_ids, 1), 0)]) as t(id, taken)
        where p.id = t.id and t.taken > 0;
      -- Mode 2 also holds when the international packages are used to the last segment.
      if v_mode = 2 and 'international' = any(consumed)
         and coalesce((select sum(pk_left[j]) from generate_subscripts(pk_ids, 1) j where pk_scopes[j] = 'international'), 0) = 0 then
        hold := true;
      end if;
      if hold then
        insert into billing_holds (tenant_id, started_at) values (p_tenant, p_at) on conflict do nothing;
      end if;
      -- Quota alarms of the scopes this accept consumed from: each threshold crossed fires once.
      with remaining as (
        select s.scope, coalesce((select sum(pk_left[j]) from generate_subscripts(pk_ids, 1) j where pk_scopes[j] = s.scope), 0) as segments
        from (select distinct unnest(consumed) as scope) s
      ), fired as (
        update quota_alarms a set armed = false, fired_at = p_at
        from remaining r
        where a.tenant_id = p_tenant and a.scope = r.scope and a.armed and r.segments < a.threshold
        returning a.scope, a.threshold, r.segments
      )
      insert into tenant_notices (tenant_id, kind, details, at)
        select p_tenant, 'quota_alarm', jsonb_build_object('scope', f.scope, 'threshold', f.threshold, 'remaining', f.segments), p_at
        from fired f;
    end
    $fn$`.execute(db);

  await sql`
    create function tern_refund_unsent() returns trigger language plpgsql as $fn$
    begin
      -- The refund rule: failed or cancelled with no part ever accepted by a carrier.
      if exists (select 1 from message_parts where message_id = new.id) then
        return null;
      end if;
      -- Packages locked in the order tern_bill locks them, so a refund and an accept cannot deadlock.
      perform 1 from packages
        where id in (select package_id from billing_ledger where message_id = new.id and package_id is not null)
        order by scope, expires_at, id
        for update;
      with refunded as (
        insert into billing_ledger (tenant_id, kind, message_id, package_id, scope, country, segments, amount, currency, price_version, refund_of)
          select c.tenant_id, 'refund', c.message_id, c.package_id, c.scope, c.country, c.segments, c.amount, c.currency, c.price_version, c.id
          from billing_ledger c
          where c.message_id = new.id and c.kind = 'charge'
          on conflict (refund_of) do nothing
          returning package_id, segments
      )
      update packages p set used = p.used - r.segments
        from (select package_id, sum(segments)::int as segments from refunded where package_id is not null group by package_id) r
        where p.id = r.package_id;
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
  for (const table of ['tenant_notices', 'quota_alarms', 'billing_holds', 'billing_ledger', 'packages', 'prices', 'price_tables']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function tern_ledger_append_only`.execute(db);
  await sql`alter table tenants drop column billing_mode`.execute(db);
}
