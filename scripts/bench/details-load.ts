import { addMessagePartitions } from '../../db/message-partitions.ts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** What the generated messages look like, so the bench can ask for what is there. */
export interface LoadedDetails {
  tenantId: string;
  rows: number;
  days: number;
  templates: string[];
  campaigns: string[];
  /** A number sent to often (a user who logs in daily), for the recipient filter. */
  frequentNumber: string;
  /** The newest message's accept time. */
  newest: Date;
}

/**
 * A version 7 UUID as the platform makes them (domain/message-ids.ts): the millisecond of \`at\` first, then bits from
 * \`seed\`, so that ids are in time order and the primary key grows at its end, as it does in production.
 */
const uuid7 = (at: RawBuilder<unknown>, seed: RawBuilder<unknown>) =>
  sql`(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${seed}), 1, 3) || '8' || substr(md5(${seed}), 4, 15))::uuid`;

const templateCount = 20;
const campaignCount = 40;
const chunk = 1_000_000;

/**
 * Fills `messages` with `rows` messages of one tenant over `days` days (plus a tenth as many of another tenant,
 * interleaved), generated inside Postgres in chunks of a million with the shapes of real traffic: in the order they
 * were accepted, 80% mainland numbers, international ones skewed to a few countries, a few templates carrying
 * most messages, a third from campaigns, 95% delivered a few seconds after sending, the rest failed by reason.
 * The statistics triggers are off while loading (the rebuild that follows counts the same), as for a restore.
 */
export async function loadDetails(db: Db, options: { tenantId: string; otherTenantId: string; appId: string; otherAppId: string; rows: number; days: number }, log: (m: string) => void): Promise<LoadedDetails> {
  const templates = Array.from({ length: templateCount }, (_, i) => `tpl_bench_${String(i).padStart(2, '0')}`);
  const campaigns = Array.from({ length: campaignCount }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const frequentNumber = '+8613900000001';
  const newest = new Date();
  const total = options.rows + Math.floor(options.rows / 10);
  // The n-th message's accept time: in the order they were accepted, as a table fills.
  const acceptedAt = sql`${newest}::timestamptz - ((${total} - n)::double precision / ${total}) * ${options.days} * interval '1 day'`;
  // The months the messages fall in, as the retention loop would have made them at the time.
  await addMessagePartitions(db, new Date(newest.getTime() - options.days * 86_400_000), newest);
  await sql`alter table messages disable trigger user`.execute(db);
  try {
    for (let from = 0; from < total; from += chunk) {
      const to = Math.min(total, from + chunk);
      const started = Date.now();
      // A request of its own for each message (its tenant decided by n as below).
      await sql`
        insert into send_requests (id, tenant_id, app_id, request_hash, created_at)
        select ${uuid7(sql`at`, sql`'request ' || n`)},
               case when n % 11 = 10 then ${options.otherTenantId}::uuid else ${options.tenantId}::uuid end,
               case when n % 11 = 10 then ${options.otherAppId}::uuid else ${options.appId}::uuid end,
               'bench', at
        from generate_series(${from + 1}::bigint, ${to}::bigint) as n,
             lateral (select ${acceptedAt} as at) as t`.execute(db);
      await sql`
        insert into messages (id, request_id, tenant_id, app_id, template_id, sender, recipient, body, encoding, segments, status,
                              error_code, error_message, carrier, attempts, recorded_attempt, next_attempt_at, created_at,
                              submitted_at, completed_at, surface, campaign_id, country, region, signature)
        select ${uuid7(sql`s.created_at`, sql`'message ' || s.n`)}, ${uuid7(sql`s.created_at`, sql`'request ' || s.n`)}, s.tenant_id, t.app_id,
               -- the first half of the templates are mainland ones, the second international: each goes to its region
               (${sql.val(templates)}::text[])[1 + floor(power(random(), 3) * ${templateCount / 2})::int + case when c.country = 'CN' then 0 else ${templateCount / 2} end],
               '10690000', g.recipient, '【Bench】您的验证码是123456，5分钟内有效。', 'ucs2', g.segments, g.status,
               case when g.status = 'delivered' then null else 'CARRIER_' || upper(g.status) end,
               case when g.status = 'delivered' then null else 'the carrier said so' end,
               g.carrier, 1, 1, g.created_at, g.created_at, g.created_at + interval '200 milliseconds',
               g.created_at + (0.5 + 20 * power(random(), 4)) * interval '1 second', 'native',
               -- a campaign runs for a while: each one's messages lie in a window of its own
               case when random() < 0.33 then (${sql.val(campaigns)}::uuid[])[least(${campaignCount}, 1 + floor(s.n::double precision / ${total} * ${campaignCount})::int)] end,
               c.country, g.region, case when g.region = 'mainland' then 'Bench' end
        from (
          select n,
                 case when n % 11 = 10 then ${options.otherTenantId}::uuid else ${options.tenantId}::uuid end as tenant_id,
                 ${acceptedAt} as created_at,
                 random() as r_region, random() as r_status, random() as r_segments
          from generate_series(${from + 1}::bigint, ${to}::bigint) as n
        ) as s
        cross join lateral (
          select case when s.r_region < 0.8 or s.n % 997 = 0 then 'CN' else (array['HK','SG','GB','US','JP','MY','TH','AE','DE','FR'])[1 + floor(power(random(), 2) * 10)::int] end as country
        ) as c
        cross join lateral (
          select s.created_at,
                 case when c.country = 'CN' then 'mainland' else 'international' end as region,
                 case when s.n % 997 = 0 then ${frequentNumber}
                      when c.country = 'CN' then '+861' || (array['38','39','50','86','33','53','89','30','32','55'])[1 + floor(random() * 10)::int] || lpad(floor(random() * 100000000)::text, 8, '0')
                      else '+' || (case c.country when 'HK' then '8526' when 'SG' then '658' when 'GB' then '447' when 'US' then '1415' when 'JP' then '8190'
                                   when 'MY' then '6012' when 'TH' then '668' when 'AE' then '97150' when 'DE' then '49151' else '336' end)
                                || lpad(floor(random() * 10000000)::text, 7, '0') end as recipient,
                 case when s.r_segments < 0.9 then 1 when s.r_segments < 0.98 then 2 else 3 end as segments,
                 case when s.r_status < 0.95 then 'delivered' when s.r_status < 0.98 then 'undelivered' when s.r_status < 0.99 then 'expired'
                      when s.r_status < 0.995 then 'rejected' else 'failed' end as status,
                 case when c.country = 'CN' then (array['cmcc','cmcc','cmcc','cucc','ctcc'])[1 + floor(random() * 5)::int] else 'intl' end as carrier
        ) as g
        cross join lateral (select case when s.tenant_id = ${options.tenantId}::uuid then ${options.appId}::uuid else ${options.otherAppId}::uuid end as app_id) as t`.execute(db);
      log(`loaded ${to.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} messages (${Math.round(((to - from) / (Date.now() - started)) * 1000).toLocaleString('en-US')} rows/s)`);
    }
  } finally {
    await sql`alter table messages enable trigger user`.execute(db);
  }
  await sql`analyze messages`.execute(db);
  return { tenantId: options.tenantId, rows: options.rows, days: options.days, templates, campaigns, frequentNumber, newest };
}
