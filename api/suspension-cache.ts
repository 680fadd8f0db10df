import type { Db } from '../db/connect.ts';
import { activeSuspensions } from '../db/traffic.ts';
import { ttlCache } from './ttl-cache.ts';

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

export function findSuspensionWith(deps: { db: Db; findSuspension?: SuspensionLookup | undefined }): SuspensionLookup {
  return deps.findSuspension ?? fromDb(deps.db);
}

export function suspendedMessage(s: ActiveSuspension): string {
  return `Sending is suspended until ${s.until.toISOString()}: ${s.reason} Raise the limit, wait for the period to end, or ask an operator.`;
}
