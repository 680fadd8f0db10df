import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { BillingScope } from '../domain/billing.ts';

export interface LedgerFilters {
  kind?: 'charge' | 'refund' | undefined;
  scope?: BillingScope | undefined;
  messageId?: string | undefined;
  packageId?: string | undefined;
  /** Only pay-per-use rows (true) or only package rows (false). */
  payPerUse?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** A tenant's ledger rows, newest first, `limit` at most, older than the row `before` when given (cursor pagination). */
export async function ledgerPage(db: Db, tenantId: string, filters: LedgerFilters, page: { limit: number; before?: number | undefined }) {
  let query = db.selectFrom('billing_ledger').selectAll().where('tenant_id', '=', tenantId).orderBy('id', 'desc').limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.scope) query = query.where('scope', '=', filters.scope);
  if (filters.messageId) query = query.where('message_id', '=', filters.messageId);
  if (filters.packageId) query = query.where('package_id', '=', filters.packageId);
  if (filters.payPerUse !== undefined) query = query.where('package_id', filters.payPerUse ? 'is' : 'is not', null);
  if (filters.from) query = query.where('at', '>=', filters.from);
  if (filters.to) query = query.where('at', '<', filters.to);
  return query.execute();
}

export interface UsageLine {
  scope: BillingScope;
  country: string;
  /** Messages charged in the month (refunded ones included). */
  messages: number;
  /** Segments charged less segments refunded, from packages and per use. */
  packageSegments: number;
  payPerUseSegments: number;
  refundedSegments: number;
  /** What the month costs per use, in minor units of `currency`, refunds deducted. */
  amount: number;
  currency: string;
}

/** A month of a tenant's ledger (in its time zone), per scope and country. */
export async function monthlyUsage(db: Db, tenantId: string, month: string, timeZone: string): Promise<UsageLine[]> {
  const { rows } = await sql<{
    scope: BillingScope;
    country: string;
    currency: string;
    messages: string;
    package_segments: string;
    pay_per_use_segments: string;
    refunded_segments: string;
    amount: string;
  }>`
    with bounds as (
      select (${`${month}-01`}::timestamp at time zone ${timeZone}) as start,
             ((${`${month}-01`}::timestamp + interval '1 month') at time zone ${timeZone}) as stop
    )
    select l.scope, l.country, l.currency,
      count(distinct l.message_id) filter (where l.kind = 'charge') as messages,
      sum(case when l.kind = 'charge' then l.segments else -l.segments end) filter (where l.package_id is not null) as package_segments,
      sum(case when l.kind = 'charge' then l.segments else -l.segments end) filter (where l.package_id is null) as pay_per_use_segments,
      coalesce(sum(l.segments) filter (where l.kind = 'refund'), 0) as refunded_segments,
      sum(case when l.kind = 'charge' then l.amount else -l.amount end) as amount
    from billing_ledger l, bounds b
    where l.tenant_id = ${tenantId} and l.at >= b.start and l.at < b.stop
    group by l.scope, l.country, l.currency
    order by l.scope, l.country, l.currency`.execute(db);
  return rows.map((r) => ({
    scope: r.scope,
    country: r.country,
    currency: r.currency,
    messages: Number(r.messages),
    packageSegments: Number(r.package_segments ?? 0),
    payPerUseSegments: Number(r.pay_per_use_segments ?? 0),
    refundedSegments: Number(r.refunded_segments),
    amount: Number(r.amount),
  }));
}
