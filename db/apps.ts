import type { Db } from './connect.ts';
import { acceptedSecrets } from '../domain/app-secrets.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import type { AppRow } from './schema.ts';

export async function findAppByKey(db: Db, appKey: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('app_key', '=', appKey).executeTakeFirst();
}

export async function findAppById(db: Db, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The tenant's oldest app: where a console user works until they pick another. */
export async function findFirstAppOfTenant(db: Db, tenantId: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('tenant_id', '=', tenantId).orderBy('apps.created_at').orderBy('apps.id').limit(1).executeTakeFirst();
}

export async function listAppsOfTenant(db: Db, tenantId: string): Promise<AppRow[]> {
  return db.selectFrom('apps').selectAll().where('tenant_id', '=', tenantId).orderBy('apps.created_at').orderBy('apps.id').execute();
}

/** Each app's callback signing secrets in force, the current one first (an app without one is left out). */
export async function findSigningSecrets(db: Db, secrets: SecretBox, appIds: readonly string[]): Promise<Map<string, string[]>> {
  if (appIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('apps')
    .select(['id', 'signing_secret_sealed', 'previous_signing_secret_sealed', 'previous_signing_secret_until'])
    .where('id', 'in', appIds)
    .where('signing_secret_sealed', 'is not', null)
    .execute();
  // The same rule as for app secrets: the current one, and the previous one while its grace period lasts.
  return new Map(
    rows.map((row) => [
      row.id,
      acceptedSecrets({ secret_sealed: row.signing_secret_sealed, previous_secret_sealed: row.previous_signing_secret_sealed, previous_secret_until: row.previous_signing_secret_until }, secrets),
    ]),
  );
}
