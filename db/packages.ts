import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { BillingScope } from '../domain/billing.ts';

export type PackageState = 'active' | 'used_up' | 'expired' | 'not_yet_valid';

export interface PackageView {
  id: string;
  scope: BillingScope;
  segments: number;
  used: number;
  remaining: number;
  state: PackageState;
  validFrom: Date;
  expiresAt: Date;
  source: 'purchase' | 'grant';
  reference: string | null;
  createdAt: Date;
}

export interface ScopeBalance {
  scope: BillingScope;
  /** Segments the tenant can send from its packages now. */
  remaining: number;
  /** Segments left in expired packages: shown, no longer usable. */
  expiredRemaining: number;
  /** Segments of packages whose validity has not begun. */
  upcoming: number;
}

function stateOf(p: { segments: number; used: number; valid_from: Date; expires_at: Date }, now: Date): PackageState {
  if (p.expires_at <= now) return 'expired';
  if (p.valid_from > now) return 'not_yet_valid';
  return p.used >= p.segments ? 'used_up' : 'active';
}

/**
 * How many shards a package is split into (see migration 0021): as many accepts can take from it at once, more
 * than the API's connections (20 each), with at least 50 segments a shard so a request usually fits in one.
 */
const shardsFor = (segments: number) => Math.min(64, Math.max(1, Math.floor(segments / 50)));

/** A tenant's packages, the one that expires first first (the order they are consumed in). */
export async function tenantPackages(db: Db, tenantId: string, now: Date): Promise<PackageView[]> {
  const rows = await db
    .selectFrom('packages as p')
    .innerJoin('package_shards as s', 's.package_id', 'p.id')
    .selectAll('p')
    .select((eb) => eb.fn.sum<string>('s.used').as('used'))
    .where('p.tenant_id', '=', tenantId)
    .groupBy('p.id')
    .orderBy('p.scope')
    .orderBy('p.expires_at')
    .orderBy('p.id')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    scope: p.scope,
    segments: p.segments,
    used: Number(p.used),
    remaining: p.segments - Number(p.used),
    state: stateOf({ ...p, used: Number(p.used) }, now),
    validFrom: p.valid_from,
    expiresAt: p.expires_at,
    source: p.source,
    reference: p.reference,
    createdAt: p.created_at,
  }));
}

export function balancesOf(packages: readonly PackageView[], scopes: readonly BillingScope[]): ScopeBalance[] {
  return scopes.map((scope) => {
    const of = packages.filter((p) => p.scope === scope);
    const sum = (states: PackageState[]) => of.filter((p) => states.includes(p.state)).reduce((n, p) => n + p.remaining, 0);
    return { scope, remaining: sum(['active']), expiredRemaining: sum(['expired']), upcoming: sum(['not_yet_valid']) };
  });
}

/** Segments a tenant can send now from its packages of a scope. */
export async function usableSegments(db: Db, tenantId: string, scope: BillingScope, now: Date): Promise<number> {
  const { rows } = await sql<{ remaining: string | null }>`
    select sum(s.segments - s.used) as remaining from package_shards s join packages p on p.id = s.package_id
    where p.tenant_id = ${tenantId} and p.scope = ${scope} and p.valid_from <= ${now} and p.expires_at > ${now}`.execute(db);
  return Number(rows[0]?.remaining ?? 0);
}

export interface NewPackage {
  tenantId: string;
  scope: BillingScope;
  segments: number;
  validFrom: Date;
  expiresAt: Date;
  source: 'purchase' | 'grant';
  reference: string | null;
  operatorId: string;
}

/**
 * A top-up: the package (its segments spread evenly over its shards), and the quota alarms of its scope that the new balance lifts back above their threshold
 * armed again, in one transaction.
 */
export async function addPackage(db: Db, input: NewPackage, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('packages')
      .values({
        tenant_id: input.tenantId,
        scope: input.scope,
        segments: input.segments,
        valid_from: input.validFrom,
        expires_at: input.expiresAt,
        source: input.source,
        reference: input.reference,
        created_by: input.operatorId,
        // The clock of the accept step too, so a hold (stamped by it) and a top-up compare on one clock.
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shards = shardsFor(input.segments);
    await sql`
      insert into package_shards (package_id, shard, segments)
      select ${id}::uuid, g, ${Math.floor(input.segments / shards)} + (g < ${input.segments % shards})::int
      from generate_series(0, ${shards - 1}) g`.execute(trx);
    const remaining = await usableSegments(trx, input.tenantId, input.scope, now);
    await trx
      .updateTable('quota_alarms')
      .set({ armed: true })
      .where('tenant_id', '=', input.tenantId)
      .where('scope', '=', input.scope)
      .where('armed', '=', false)
      .where('threshold', '<=', remaining)
      .execute();
    return id;
  });
}
