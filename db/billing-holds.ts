import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { HoldEndReason } from './schema.ts';

export interface HoldRow {
  id: number;
  tenant_id: string;
  started_at: Date;
  ended_at: Date | null;
  ended_reason: HoldEndReason | null;
}

/** The tenant's hold on international sending in force (mode 2, packages used up), if any. */
export async function openHold(db: Db, tenantId: string): Promise<HoldRow | undefined> {
  return db
    .selectFrom('billing_holds')
    .select(['id', 'tenant_id', 'started_at', 'ended_at', 'ended_reason'])
    .where('tenant_id', '=', tenantId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function findHold(db: Db, id: number): Promise<HoldRow | undefined> {
  return db.selectFrom('billing_holds').select(['id', 'tenant_id', 'started_at', 'ended_at', 'ended_reason']).where('id', '=', id).executeTakeFirst();
}

/** Holds the charge function opened whose workflow the worker has not started yet. */
export async function holdsAwaitingWorkflow(db: Db, limit: number): Promise<HoldRow[]> {
  return db
    .selectFrom('billing_holds')
    .select(['id', 'tenant_id', 'started_at', 'ended_at', 'ended_reason'])
    .where('ended_at', 'is', null)
    .where('workflow_started_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markHoldWorkflowStarted(db: Db, id: number): Promise<void> {
  await db.updateTable('billing_holds').set({ workflow_started_at: new Date() }).where('id', '=', id).execute();
}

/** Ends a hold; false if it had already ended. */
export async function endHold(db: Db, id: number, reason: HoldEndReason, by: string | null): Promise<boolean> {
  const result = await db
    .updateTable('billing_holds')
    .set({ ended_at: new Date(), ended_reason: reason, ended_by: by })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Why a hold may end by itself now: the tenant left mode 2, or a package of international segments usable now
 * arrived after the hold began (a top-up); null while neither.
 */
export async function holdEndingNow(db: Db, hold: HoldRow, now: Date): Promise<'mode_changed' | 'topped_up' | null> {
  const { rows } = await sql<{ mode: number; topped_up: boolean }>`
    select t.billing_mode as mode,
      exists (select 1 from packages p where p.tenant_id = t.id and p.scope = 'international' and p.created_at >= ${hold.started_at}
              and p.valid_from <= ${now} and p.expires_at > ${now}
              and exists (select 1 from package_shards s where s.package_id = p.id and s.used < s.segments)) as topped_up
    from tenants t where t.id = ${hold.tenant_id}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  if (row.mode !== 2) return 'mode_changed';
  return row.topped_up ? 'topped_up' : null;
}
