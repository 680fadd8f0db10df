import type { Db } from '../db/connect.ts';
import { openHold } from '../db/billing-holds.ts';
import { billingModeOf } from '../db/billing-mode.ts';
import { balancesOf, tenantPackages, type PackageView } from '../db/packages.ts';
import { currentPriceTable } from '../db/prices.ts';
import { billingScopes } from '../domain/billing.ts';

export function packageView(p: PackageView) {
  return {
    ...p,
    validFrom: p.validFrom.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    createdAt: p.createdAt.toISOString(),
  };
}

/** A tenant's mode, balance per scope and hold, as tenants and operators see them; undefined for no such tenant. */
export async function balanceView(db: Db, tenantId: string, now: Date) {
  const mode = await billingModeOf(db, tenantId);
  if (mode === undefined) return undefined;
  const [packages, prices, hold] = await Promise.all([tenantPackages(db, tenantId, now), currentPriceTable(db), openHold(db, tenantId)]);
  return {
    mode,
    currency: prices.currency,
    priceVersion: prices.version,
    scopes: balancesOf(packages, billingScopes),
    hold: hold ? { since: hold.started_at.toISOString(), reason: 'The international packages are used up; a top-up ends the hold.' } : null,
    packages,
  };
}
