import type { Db } from './connect.ts';
import { microsOf, olderThan, type ListPosition } from './list-position.ts';
import type { UnblockRequestRow, UnblockState } from './schema.ts';

/** Runs before the commit and returns the workflow's id (see `StartReview` of templates). */
export type StartUnblocking = (requestId: string) => Promise<string>;

/** A new unblock request with its workflow started; undefined when one for this number is already open. */
export async function insertUnblockRequest(
  db: Db,
  request: { tenantId: string; number: string; reason: string },
  start: StartUnblocking,
): Promise<UnblockRequestRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('unblock_requests')
      .values({ tenant_id: request.tenantId, number: request.number, reason: request.reason, state: 'in_review' })
      .onConflict((oc) => oc.columns(['tenant_id', 'number']).where('state', 'in', ['in_review', 'carrier_pending']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    const workflowId = await start(row.id);
    await trx.updateTable('unblock_requests').set({ workflow_id: workflowId }).where('id', '=', row.id).execute();
    return { ...row, workflow_id: workflowId };
  });
}

export async function findUnblockRequest(db: Db, id: string): Promise<UnblockRequestRow | undefined> {
  return db.selectFrom('unblock_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOpenUnblockRequests(db: Db): Promise<UnblockRequestRow[]> {
  return db.selectFrom('unblock_requests').selectAll().where('state', '=', 'in_review').orderBy('submitted_at').execute();
}

/** A page of a tenant's unblock requests, newest first, after `after` when given; `state` narrows them. */
export async function listTenantUnblockRequests(db: Db, tenantId: string, state: UnblockState | undefined, limit: number, after?: ListPosition) {
  let query = db.selectFrom('unblock_requests').selectAll().select(microsOf('submitted_at').as('submitted_micros')).where('tenant_id', '=', tenantId);
  if (state) query = query.where('state', '=', state);
  if (after) query = query.where(olderThan('submitted_at', 'id', 'uuid', after));
  return query.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Moves a request on from the state the step expects; false if it was not there. */
export async function moveUnblockRequest(
  db: Db,
  id: string,
  from: UnblockState,
  to: UnblockState,
  changes: { outcome?: string; decidedBy?: string; ticket?: string } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('unblock_requests')
    .set({
      state: to,
      ...(changes.outcome !== undefined ? { outcome: changes.outcome } : {}),
      ...(changes.decidedBy !== undefined ? { decided_by: changes.decidedBy } : {}),
      ...(changes.ticket !== undefined ? { carrier_ticket: changes.ticket } : {}),
      ...(to === 'unblocked' || to === 'refused' ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
