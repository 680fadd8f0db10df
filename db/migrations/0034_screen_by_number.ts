import { sql, type Kysely } from 'kysely';
import { up as screenSetBased } from './0032_screen_set_based.ts';

/**
 * The screen of migration 0032, same verdicts, looking up each number's earlier sends by number (the
 * `recipient_sends_window` index: tenant, recipient, time) rather than all of the tenant's sends in the longest
 * window filtered by a list of numbers. PL/pgSQL keeps a generic plan once it costs no more than the custom ones;
 * planned on statistics taken before a campaign's sends arrived, the list form read every send in the window through
 * `recipient_sends_age` (30,000 after a 30,000-recipient campaign: 0.5–0.8 s a request, a single code's included).
 * Joined number by number, only that index fits, whatever the statistics.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function tern_screen_recipients(
      p_tenant uuid, p_numbers text[], p_hashes text[], p_at timestamptz,
      p_windows_ms bigint[], p_max int[], p_same_text boolean[], p_codes text[])
    returns table (idx int, code text)
    language plpgsql volatile as $fn$
    declare
      longest interval := make_interval(secs => (select max(w) from unnest(p_windows_ms) w) / 1000.0);
      refused_at int[];
      refused_codes text[];
      accepted int[];
      repeated text[];
      v_sent_numbers text[];
      v_sent_hashes text[];
      v_sent_times timestamptz[];
      given record;
      l int;
      hits int;
      verdict text;
    begin
      if coalesce(array_length(p_numbers, 1), 0) = 0 then
        return;
      end if;
      perform pg_advisory_xact_lock(hashtextextended(p_tenant::text || ':' || n, 0))
        from (select distinct n from unnest(p_numbers) n order by n) ordered;
      repeated := array(select n from unnest(p_numbers) n group by n having count(*) > 1);

      select coalesce(array_agg(judged.i) filter (where judged.verdict is not null), '{}'),
             coalesce(array_agg(judged.verdict) filter (where judged.verdict is not null), '{}'),
             coalesce(array_agg(judged.i) filter (where judged.verdict is null), '{}')
        into refused_at, refused_codes, accepted
        from (
          select g.i::int as i,
            case
              when exists (select 1 from blocklist b where b.number = g.n) then 'number_blocked'
              when exists (select 1 from opt_outs o where o.tenant_id = p_tenant and o.number = g.n) then 'number_opted_out'
              when recent.times is null then null
              else (select p_codes[w] from generate_subscripts(p_windows_ms, 1) w
                    where (select count(*) from unnest(recent.hashes, recent.times) as e(h, t)
                           where abs(extract(epoch from e.t - p_at)) * 1000 < p_windows_ms[w]
                             and (not p_same_text[w] or e.h = g.h)) >= p_max[w]
                    order by w limit 1)
            end as verdict
          from unnest(p_numbers, p_hashes) with ordinality as g(n, h, i)
          left join lateral (
            select array_agg(s.content_hash) as hashes, array_agg(s.sent_at) as times
              from recipient_sends s
              where s.tenant_id = p_tenant and s.recipient = g.n
                and s.sent_at > p_at - longest and s.sent_at < p_at + longest
          ) recent on true
          where g.n <> all(repeated)
        ) judged;

      if cardinality(repeated) > 0 then
        select coalesce(array_agg(s.recipient), '{}'), coalesce(array_agg(s.content_hash), '{}'), coalesce(array_agg(s.sent_at), '{}')
          into v_sent_numbers, v_sent_hashes, v_sent_times
          from unnest(repeated) r(n)
          cross join lateral (
            -- offset 0 keeps the subquery a lookup per number: flattened into a join, it could be planned as the
            -- time scan again.
            select s.recipient, s.content_hash, s.sent_at from recipient_sends s
              where s.tenant_id = p_tenant and s.recipient = r.n
                and s.sent_at > p_at - longest and s.sent_at < p_at + longest
              offset 0
          ) s;
        for given in
          select g.i::int as i, g.n, g.h from unnest(p_numbers, p_hashes) with ordinality as g(n, h, i)
            where g.n = any(repeated) order by g.i
        loop
          verdict := null;
          if exists (select 1 from blocklist b where b.number = given.n) then
            verdict := 'number_blocked';
          elsif exists (select 1 from opt_outs o where o.tenant_id = p_tenant and o.number = given.n) then
            verdict := 'number_opted_out';
          else
            for l in 1 .. array_length(p_windows_ms, 1) loop
              select count(*) into hits
                from unnest(v_sent_numbers, v_sent_hashes, v_sent_times) as e(n, h, t)
                where e.n = given.n and abs(extract(epoch from e.t - p_at)) * 1000 < p_windows_ms[l]
                  and (not p_same_text[l] or e.h = given.h);
              if hits >= p_max[l] then
                verdict := p_codes[l];
                exit;
              end if;
            end loop;
          end if;
          if verdict is null then
            accepted := accepted || given.i;
            -- The later copies count this one.
            v_sent_numbers := v_sent_numbers || given.n;
            v_sent_hashes := v_sent_hashes || given.h;
            v_sent_times := v_sent_times || p_at;
          else
            refused_at := refused_at || given.i;
            refused_codes := refused_codes || verdict;
          end if;
        end loop;
      end if;

      insert into recipient_sends (tenant_id, recipient, content_hash, sent_at)
        select p_tenant, p_numbers[a], p_hashes[a], p_at from unnest(accepted) a;
      return query select r.i, r.c from unnest(refused_at, refused_codes) as r(i, c);
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await screenSetBased(db);
}
