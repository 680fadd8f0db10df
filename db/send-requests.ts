import type { Db } from './connect.ts';

export interface StoredRequest {
  id: string;
  request_hash: string;
  response: unknown;
}

export async function findByIdempotencyKey(db: Db, appId: string, key: string): Promise<StoredRequest | undefined> {
  return db
    .selectFrom('send_requests')
    .select(['id', 'request_hash', 'response'])
    .where('app_id', '=', appId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export interface NewSendRequest {
  id: string;
  tenantId: string;
  appId: string;
  idempotencyKey: string | undefined;
  requestHash: string;
  response: unknown;
  sendAt: Date | undefined;
}

/** Inserts the request; `false` when another request already holds the idempotency key. */
export async function insertSendRequest(db: Db, request: NewSendRequest): Promise<boolean> {
  const row = await db
    .insertInto('send_requests')
    .values({
      id: request.id,
      tenant_id: request.tenantId,
      app_id: request.appId,
      idempotency_key: request.idempotencyKey ?? null,
      request_hash: request.requestHash,
      // Only keyed requests can be replayed, so only they need their answer kept.
      response: request.idempotencyKey ? JSON.stringify(request.response) : null,
      send_at: request.sendAt ?? null,
    })
    .onConflict((oc) => oc.columns(['app_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
