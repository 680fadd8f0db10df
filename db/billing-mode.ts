import type { Db } from './connect.ts';
import type { BillingMode } from '../domain/billing.ts';

export async function billingModeOf(db: Db, tenantId: string): Promise<BillingMode | undefined> {
  const row = await db.selectFrom('tenants').select('billing_mode').where('id', '=', tenantId).executeTakeFirst();
  return row?.billing_mode;
}

/** False if there is no such tenant. */
export async function setBillingMode(db: Db, tenantId: string, mode: BillingMode): Promise<boolean> {
  const result = await db.updateTable('tenants').set({ billing_mode: mode }).where('id', '=', tenantId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
