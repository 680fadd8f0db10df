import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';

/**
 * Records a nonce as used by an app until `expiresAt` (its Created time plus the allowed window). Returns false
 * when the app already used it and that use has not expired by `now` (the API's clock, which also judged
 * Created): a replay. One statement, so two API replicas receiving the same request at once cannot both accept it.
 */
export async function claimNonce(db: Db, appId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
  const { rows } = await sql`${prepared}
    insert into wsse_nonces (app_id, nonce, expires_at) values (${appId}, ${nonce}, ${expiresAt})
    on conflict (app_id, nonce) do update set expires_at = excluded.expires_at
      where wsse_nonces.expires_at <= ${now}
    returning 1`.execute(db);
  return rows.length === 1;
}

/** Deletes up to `limit` expired nonces; returns how many. */
export async function deleteExpiredNonces(db: Db, limit: number): Promise<number> {
  const result = await sql`
    delete from wsse_nonces where ctid in (
      select ctid from wsse_nonces where expires_at <= now() order by expires_at limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
