import { sql, type Kysely } from 'kysely';

/**
 * The accept screen for Chinese-mainland recipients as one call: lock the tenant's recipients (in one order),
 * read the blocklist, the opt-outs and the recent sends, decide each message in request order against the
 * limits passed in (they are defined in domain/frequency-limits.ts), and record the accepted ones. One round trip,
 * exact under concurrency: statements inside a volatile function take a fresh snapshot, so a request that waited
 * for a lock sees the sends of the one that held it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function tern_screen_recipients(
      p_tenant uuid, p_numbers text[], p_hashes text[], p_at timestamptz,
      p_windows_ms bigint[], p_max int[], p_same_text boolean[], p_codes text[])
    returns table (idx int, code text)
    language plpgsql volatile as $fn$
    declare
      longest bigint := (select max(w) from unnest(p_windows_ms) w);
      blocked text[];
      opted_out text[];
      v_sent_numbers text[];
      v_sent_hashes text[];
      v_sent_times timestamptz[];
      accepted int[] := '{}';
      i int;
      j int;
      hits int;
      verdict text;
    begin
      if coalesce(array_length(p_numbers, 1), 0) = 0 then
        return;
      end if;
      perform pg_advisory_xact_lock(hashtextextended(p_tenant::text || ':' || n, 0))
        from (select distinct n from unnest(p_numbers) n order by n) ordered;
      blocked := array(select number from blocklist where number = any(p_numbers));
      opted_out := array(select number from opt_outs where tenant_id = p_tenant and number = any(p_numbers));
      select coalesce(array_agg(s.recipient), '{}'), coalesce(array_agg(s.content_hash), '{}'), coalesce(array_agg(s.sent_at), '{}')
        into v_sent_numbers, v_sent_hashes, v_sent_times
        from recipient_sends s
        where s.tenant_id = p_tenant and s.recipient = any(p_numbers)
          and s.sent_at > p_at - make_interval(secs => longest / 1000.0) and s.sent_at < p_at + make_interval(secs => longest / 1000.0);
      for i in 1 .. coalesce(array_length(p_numbers, 1), 0) loop
        verdict := null;
        if p_numbers[i] = any(blocked) then
          verdict := 'number_blocked';
        elsif p_numbers[i] = any(opted_out) then
          verdict := 'number_opted_out';
        elsif p_numbers[i] = any(v_sent_numbers) then
          -- Only numbers with recent sends are counted; most numbers have none.
          for j in 1 .. array_length(p_windows_ms, 1) loop
            select count(*) into hits
              from unnest(v_sent_numbers, v_sent_hashes, v_sent_times) as e(n, h, t)
              where e.n = p_numbers[i] and abs(extract(epoch from e.t - p_at)) * 1000 < p_windows_ms[j]
                and (not p_same_text[j] or e.h = p_hashes[i]);
            if hits >= p_max[j] then
              verdict := p_codes[j];
              exit;
            end if;
          end loop;
        end if;
        if verdict is null then
          accepted := accepted || i;
          -- Later messages of the same request count this one.
          v_sent_numbers := v_sent_numbers || p_numbers[i];
          v_sent_hashes := v_sent_hashes || p_hashes[i];
          v_sent_times := v_sent_times || p_at;
        else
          idx := i;
          code := verdict;
          return next;
        end if;
      end loop;
      insert into recipient_sends (tenant_id, recipient, content_hash, sent_at)
        select p_tenant, p_numbers[a], p_hashes[a], p_at from unnest(accepted) a;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function tern_screen_recipients`.execute(db);
}
