import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { systemTenantId } from '../domain/system-tenant.ts';

export interface LedgerFigures {
  packages: number;
  charges: number;
  refunds: number;
  billedMessages: number;
}

export interface LedgerCheck {
  figures: LedgerFigures;
  /** Each rule the ledger breaks, with a few examples; empty when everything adds up. */
  problems: { rule: string; count: number; examples: string[] }[];
}

/**
 * The rules the ledger keeps (docs/billing.md), each a query of what breaks it. Messages are checked from the
 * first price table on (billing's start), the platform's own notices excepted.
 */
const rules: { rule: string; query: ReturnType<typeof sql> }[] = [
  {
    rule: "a package shard's used segments equal its charges less its refunds",
    query: sql`select s.package_id::text || '/' || s.shard as example from package_shards s
      left join (select package_id, package_shard, sum(case when kind = 'charge' then segments else -segments end) as net
                 from billing_ledger where package_id is not null group by 1, 2) l on l.package_id = s.package_id and l.package_shard = s.shard
      where s.used <> coalesce(l.net, 0)`,
  },
  {
    rule: 'every package row of the ledger names a shard of a package, every row a price table',
    query: sql`select l.id::text as example from billing_ledger l
      where (l.package_id is not null and not exists (select 1 from package_shards s where s.package_id = l.package_id and s.shard = l.package_shard))
         or not exists (select 1 from price_tables t where t.version = l.price_version)`,
  },
  {
    rule: "a package's shards hold exactly its segments",
    query: sql`select p.id::text as example from packages p left join package_shards s on s.package_id = p.id
      group by p.id, p.segments having coalesce(sum(s.segments), 0) <> p.segments`,
  },
  {
    rule: 'every message is charged exactly its segments (none free, none twice)',
    query: sql`select m.id::text as example from messages m
      left join (select message_id, sum(segments) as segments from billing_ledger where kind = 'charge' group by message_id) c on c.message_id = m.id
      where m.tenant_id <> ${systemTenantId} and m.created_at >= (select min(created_at) from price_tables)
        and coalesce(c.segments, 0) <> m.segments`,
  },
  {
    rule: 'every charge is for a stored message of its tenant, unless its message is past retention',
    query: sql`select c.id::text as example from billing_ledger c left join messages m on m.id = c.message_id
      where c.kind = 'charge' and (m.id is null or m.tenant_id <> c.tenant_id)
        and not (m.id is null and c.message_id < coalesce((select before_id from message_retention), '00000000-0000-0000-0000-000000000000'))`,
  },
  {
    rule: 'a refund returns exactly its charge',
    query: sql`select r.id::text as example from billing_ledger r join billing_ledger c on c.id = r.refund_of
      where c.kind <> 'charge' or r.message_id <> c.message_id or r.package_id is distinct from c.package_id
         or r.package_shard is distinct from c.package_shard
         or r.segments <> c.segments or r.amount <> c.amount or r.currency <> c.currency or r.tenant_id <> c.tenant_id`,
  },
  {
    rule: 'refunds only for messages no carrier took (failed or cancelled, no part accepted)',
    query: sql`select r.id::text as example from billing_ledger r join messages m on m.id = r.message_id
      where r.kind = 'refund' and (m.status not in ('failed', 'cancelled') or exists (select 1 from message_parts p where p.message_id = m.id))`,
  },
  {
    rule: 'every message no carrier took has all its charges refunded',
    query: sql`select c.id::text as example from billing_ledger c join messages m on m.id = c.message_id
      where c.kind = 'charge' and m.status in ('failed', 'cancelled')
        and not exists (select 1 from message_parts p where p.message_id = m.id)
        and not exists (select 1 from billing_ledger r where r.refund_of = c.id)`,
  },
  {
    rule: 'a pay-per-use charge is its segments at the price of its table, a package charge costs nothing more',
    query: sql`select c.id::text as example from billing_ledger c
      left join prices e on e.version = c.price_version and e.scope = c.scope and e.country = c.country
      left join prices f on f.version = c.price_version and f.scope = c.scope and f.country = '*'
      where c.kind = 'charge' and c.amount <> case when c.package_id is null then c.segments * coalesce(e.segment_price, f.segment_price) else 0 end`,
  },
  {
    rule: "a package charge is in the package's tenant and scope and within its validity",
    query: sql`select c.id::text as example from billing_ledger c join packages p on p.id = c.package_id
      where c.kind = 'charge' and (p.tenant_id <> c.tenant_id or p.scope <> c.scope or c.at < p.valid_from or c.at >= p.expires_at)`,
  },
];

/** Proves the balances add up: `npm run tern -- ledger check`, and every test database before it is dropped. */
export async function checkLedger(db: Db): Promise<LedgerCheck> {
  const problems: LedgerCheck['problems'] = [];
  for (const { rule, query } of rules) {
    const { rows } = await sql<{ example: string; total: string }>`select example, count(*) over () as total from (${query}) q limit 5`.execute(db);
    if (rows.length > 0) problems.push({ rule, count: Number(rows[0]?.total ?? rows.length), examples: rows.map((r) => r.example) });
  }
  const { rows } = await sql<{ packages: string; charges: string; refunds: string; billed: string }>`
    select (select count(*) from packages) as packages,
           (select count(*) from billing_ledger where kind = 'charge') as charges,
           (select count(*) from billing_ledger where kind = 'refund') as refunds,
           (select count(distinct message_id) from billing_ledger) as billed`.execute(db);
  const f = rows[0];
  return {
    figures: { packages: Number(f?.packages ?? 0), charges: Number(f?.charges ?? 0), refunds: Number(f?.refunds ?? 0), billedMessages: Number(f?.billed ?? 0) },
    problems,
  };
}
