import type { Db } from '../../db/connect.ts';
import { findTenantRegions, type TenantRegions } from '../../db/regions.ts';
import type { AppRow } from '../../db/schema.ts';
import type { RegionSettings } from '../../domain/regions.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

export type RegionLookup = (app: AppRow) => Promise<RegionSettings>;

/** The app's own countries if it has them, else its tenant's; the tenant's rules and the app's own. */
function forApp(app: AppRow, tenant: TenantRegions): RegionSettings {
  return {
    countries: app.allowed_countries ?? tenant.countries,
    rules: tenant.rules.filter((r) => r.appId === null || r.appId === app.id),
  };
}

/** Region settings change rarely; they are cached for `cacheMs` like apps and templates. */
export function cachedRegions(db: Db, cacheMs = 5_000): RegionLookup {
  const lookup = ttlCache<TenantRegions>({ ttlMs: cacheMs, load: (tenantId) => findTenantRegions(db, tenantId) });
  return async (app) => forApp(app, await lookup(app.tenant_id));
}
