import type { Db } from './connect.ts';

export interface TenantRegions {
  countries: string[];
  rules: { appId: string | null; prefix: string; action: 'allow' | 'deny' }[];
}

export async function findTenantRegions(db: Db, tenantId: string): Promise<TenantRegions> {
  const tenant = await db.selectFrom('tenants').select('allowed_countries').where('id', '=', tenantId).executeTakeFirst();
  const rules = await db.selectFrom('region_rules').select(['app_id', 'prefix', 'action']).where('tenant_id', '=', tenantId).execute();
  return { countries: tenant?.allowed_countries ?? [], rules: rules.map((r) => ({ appId: r.app_id, prefix: r.prefix, action: r.action })) };
}

export async function setTenantCountries(db: Db, tenantId: string, countries: string[]): Promise<boolean> {
  const result = await db.updateTable('tenants').set({ allowed_countries: countries }).where('id', '=', tenantId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the tenant-wide prefix rules (app-specific ones stay). */
export async function replaceTenantRules(db: Db, tenantId: string, rules: { prefix: string; action: 'allow' | 'deny' }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('region_rules').where('tenant_id', '=', tenantId).where('app_id', 'is', null).execute();
    if (rules.length) {
      await trx
        .insertInto('region_rules')
        .values(rules.map((r) => ({ tenant_id: tenantId, app_id: null, prefix: r.prefix, action: r.action })))
        .execute();
    }
  });
}
