import type { Db } from './connect.ts';
import type { ApiKeyRow } from './schema.ts';
import type { ApiScope } from '../domain/api-keys.ts';
import { newToken } from '../domain/tokens.ts';

export async function createApiKey(db: Db, appId: string, name: string, scopes: ApiScope[]): Promise<{ row: ApiKeyRow; key: string }> {
  const { token: key, prefix, secretHash } = newToken('tern');
  const row = await db
    .insertInto('api_keys')
    .values({ app_id: appId, name, prefix, secret_hash: secretHash, scopes })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, key };
}

export async function listApiKeys(db: Db, appId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().where('app_id', '=', appId).orderBy('created_at').execute();
}

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
}

/** Revokes one of the app's keys; undefined when the app has no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(db: Db, appId: string, id: string): Promise<ApiKeyRow | undefined> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('app_id', '=', appId)
    .where('revoked_at', 'is', null)
    .execute();
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).where('app_id', '=', appId).executeTakeFirst();
}
