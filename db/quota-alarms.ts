import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { BillingScope } from '../domain/billing.ts';
import { usableSegments } from './packages.ts';

export interface QuotaAlarm {
  scope: BillingScope;
  threshold: number;
  /** Armed while the balance is at or above the threshold; fired (disarmed) once it fell below. */
  armed: boolean;
  firedAt: Date | null;
}

export async function quotaAlarms(db: Db, tenantId: string): Promise<QuotaAlarm[]> {
  const rows = await db.selectFrom('quota_alarms').selectAll().where('tenant_id', '=', tenantId).orderBy('scope').orderBy('threshold', 'desc').execute();
  return rows.map((r) => ({ scope: r.scope, threshold: r.threshold, armed: r.armed, firedAt: r.fired_at }));
}

/**
 * Replaces a tenant's alarms. A threshold the balance is already below starts disarmed (it has been crossed; the
 * next top-up above it arms it); one it keeps keeps its state.
 */
export async function setQuotaAlarms(db: Db, tenantId: string, alarms: readonly { scope: BillingScope; threshold: number }[], now: Date): Promise<QuotaAlarm[]> {
  await db.transaction().execute(async (trx) => {
    // The shards locked as a charge locks them: no charge runs between reading the balance and the new alarms.
    await sql`
      select 1 from package_shards s join packages p on p.id = s.package_id where p.tenant_id = ${tenantId}
      order by p.scope, p.expires_at, p.id, s.shard for update of s`.execute(trx);
    const before = await quotaAlarms(trx, tenantId);
    await trx.deleteFrom('quota_alarms').where('tenant_id', '=', tenantId).execute();
    const balances = new Map<BillingScope, number>();
    for (const scope of new Set(alarms.map((a) => a.scope))) balances.set(scope, await usableSegments(trx, tenantId, scope, now));
    const rows = alarms.map((a) => {
      const kept = before.find((b) => b.scope === a.scope && b.threshold === a.threshold);
      return {
        tenant_id: tenantId,
        scope: a.scope,
        threshold: a.threshold,
        armed: kept ? kept.armed : (balances.get(a.scope) ?? 0) >= a.threshold,
        fired_at: kept?.firedAt ?? null,
      };
    });
    if (rows.length > 0) await trx.insertInto('quota_alarms').values(rows).execute();
  });
  return quotaAlarms(db, tenantId);
}
