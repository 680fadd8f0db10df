import type { Db } from './connect.ts';

export interface BlockStatus {
  blocked: boolean;
  /** Why: the platform blocklist (with its source and reason), or the tenant's own opt-out. */
  reasons: { kind: 'platform' | 'opted_out'; source: string; reason: string; since: Date }[];
}

export async function blockStatus(db: Db, tenantId: string, number: string): Promise<BlockStatus> {
  const platform = await db.selectFrom('blocklist').selectAll().where('number', '=', number).executeTakeFirst();
  const optOut = await db.selectFrom('opt_outs').selectAll().where('tenant_id', '=', tenantId).where('number', '=', number).executeTakeFirst();
  const reasons: BlockStatus['reasons'] = [];
  if (platform) reasons.push({ kind: 'platform', source: platform.source, reason: platform.reason, since: platform.created_at });
  if (optOut) reasons.push({ kind: 'opted_out', source: 'reply', reason: `The recipient replied "${optOut.reply_text ?? ''}".`, since: optOut.created_at });
  return { blocked: reasons.length > 0, reasons };
}

/** Adds numbers to the platform blocklist (an import of a carrier list, or complaints); returns how many were new. */
export async function addToBlocklist(
  db: Db,
  entries: { number: string; source: 'complaint' | 'carrier' | 'operator'; reason: string }[],
  operatorId: string,
): Promise<number> {
  if (entries.length === 0) return 0;
  const result = await db
    .insertInto('blocklist')
    .values(entries.map((e) => ({ ...e, created_by: operatorId })))
    .onConflict((oc) => oc.column('number').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function removeFromBlocklist(db: Db, number: string): Promise<boolean> {
  const result = await db.deleteFrom('blocklist').where('number', '=', number).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
