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

/** A send request as the accept step stores it (see `insertAcceptedRequest`). */
export interface NewSendRequest {
  id: string;
  tenantId: string;
  appId: string;
  idempotencyKey: string | undefined;
  requestHash: string;
  /** The answer, kept for replays of keyed requests. */
  response: unknown;
  sendAt: Date | undefined;
}
