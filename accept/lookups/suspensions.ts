import type { Db } from '../../db/connect.ts';
import { activeSuspensions } from '../../db/traffic.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

export interface ActiveSuspension {
  until: Date;
  reason: string;
}

export type SuspensionLookup = (tenantId: string) => Promise<ActiveSuspension | undefined>;

const fromDb = (db: Db): SuspensionLookup => async (tenantId) => {
  const [row] = await activeSuspensions(db, tenantId);
  return row ? { until: row.until, reason: row.reason } : undefined;
};

/** A tenant's active suspension, cached for a second: it starts and ends within a second of its workflow. */
export function cachedSuspensions(db: Db, cacheMs = 1_000): SuspensionLookup {
  const lookup = ttlCache<ActiveSuspension | undefined>({ ttlMs: cacheMs, load: fromDb(db) });
  return (tenantId) => lookup(tenantId);
}
