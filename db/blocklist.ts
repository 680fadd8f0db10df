import { optOutRemedy } from '../domain/opt-out.ts';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

export interface BlockStatus {
  blocked: boolean;
  /** Why: the platform blocklist (with its source and reason), or the tenant's own opt-out. */
  /** Each reason with what the tenant can do about it. */
  reasons: { kind: 'platform' | 'opted_out'; source: string; reason: string; since: Date; remedy: string }[];
}

export async function blockStatus(db: Db, tenantId: string, number: string): Promise<BlockStatus> {
  const platform = await db.selectFrom('blocklist').selectAll().where('number', '=', number).executeTakeFirst();
  const optOut = await db.selectFrom('opt_outs').selectAll().where('tenant_id', '=', tenantId).where('number', '=', number).executeTakeFirst();
  const reasons: BlockStatus['reasons'] = [];
  if (platform) {
    const remedy = 'Ask for it to be unblocked: POST /v1/blocklist/{number}/unblock with your reason; an operator reviews it and the carrier is asked.';
    reasons.push({ kind: 'platform', source: platform.source, reason: platform.reason, since: platform.created_at, remedy });
  }
  if (optOut) {
    reasons.push({ kind: 'opted_out', source: 'reply', reason: `The recipient replied "${optOut.reply_text ?? ''}".`, since: optOut.created_at, remedy: optOutRemedy });
  }
  return { blocked: reasons.length > 0, reasons };
}

/** Adds numbers to the platform blocklist (an import of a carrier list, or complaints); returns how many were new. */
export async function addToBlocklist(
  db: Db,
  entries: { number: string; source: 'complaint' | 'carrier' | 'operator'; reason: string }[],
  operatorId: string,
): Promise<number> {
  if (entries.length === 0) return 0;
  // Arrays rather than one row of parameters per number: a carrier's list can hold tens of thousands.
  const result = await sql`
    insert into blocklist (number, source, reason, created_by)
    select n, s, r, ${operatorId}::uuid from unnest(${entries.map((e) => e.number)}::text[], ${entries.map((e) => e.source)}::text[],
                                                    ${entries.map((e) => e.reason)}::text[]) as e(n, s, r)
    on conflict (number) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function removeFromBlocklist(db: Db, number: string): Promise<boolean> {
  const result = await db.deleteFrom('blocklist').where('number', '=', number).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
