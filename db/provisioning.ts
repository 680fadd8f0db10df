import { randomBytes } from 'node:crypto';
import type { Db } from './connect.ts';
import type { AppRow } from './schema.ts';
import { findAppById } from './apps.ts';
import { channelNumbers, type ChannelNumbers } from '../domain/channel-numbers.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import { newSecret } from '../domain/secrets.ts';
import { newSigningSecret } from '../domain/callback-signing.ts';
import { defaultVariables } from '../domain/template-rules.ts';
import { templateVariableCount, type TemplateRegion, type TemplateType, type VariableType } from '../domain/templates.ts';

export async function createTenantRecord(db: Db, name: string) {
  return db.insertInto('tenants').values({ name }).returning(['id', 'name', 'created_at']).executeTakeFirstOrThrow();
}

export async function createTenant(db: Db, name: string): Promise<string> {
  return (await createTenantRecord(db, name)).id;
}

export interface NewApp {
  tenantId: string;
  name: string;
  senderId: string;
  callbackUrl?: string | null;
  uplinkUrl?: string | null;
}

export interface CreatedApp extends ChannelNumbers {
  id: string;
  appKey: string;
  /** Shown once: it is stored sealed under the master key. */
  appSecret: string;
  /** Signs the app's callbacks (`webhook-signature`); shown once, like the app secret. */
  signingSecret: string;
}

export async function createTenantApp(db: Db, secrets: SecretBox, app: NewApp): Promise<CreatedApp> {
  const appKey = randomBytes(12).toString('hex');
  const appSecret = newSecret();
  const signingSecret = newSigningSecret();
  const row = await db
    .insertInto('apps')
    .values({
      tenant_id: app.tenantId,
      name: app.name,
      app_key: appKey,
      secret_sealed: secrets.seal(appSecret),
      signing_secret_sealed: secrets.seal(signingSecret),
      sender_id: app.senderId,
      callback_url: app.callbackUrl ?? null,
      uplink_url: app.uplinkUrl ?? null,
    })
    .returning(['id', 'sender_id', 'mainland_extension'])
    .executeTakeFirstOrThrow();
  return { id: row.id, appKey, appSecret, signingSecret, ...channelNumbers(row) };
}

/** The columns of a sealed secret that rotates with a grace period: the current one, the previous one, its end. */
const rotatingSecrets = {
  app: ['secret_sealed', 'previous_secret_sealed', 'previous_secret_until'],
  signing: ['signing_secret_sealed', 'previous_signing_secret_sealed', 'previous_signing_secret_until'],
} as const;

/** Puts `plain` in place of one of an app's secrets; the old one stays in force for `graceMs` (0: not at all). */
async function rotate(db: Db, secrets: SecretBox, appId: string, graceMs: number, which: keyof typeof rotatingSecrets, plain: string): Promise<string> {
  const [current, previous, until] = rotatingSecrets[which];
  await db
    .updateTable('apps')
    .set((eb) => ({
      [previous]: graceMs > 0 ? eb.ref(current) : null,
      [until]: graceMs > 0 ? new Date(Date.now() + graceMs) : null,
      [current]: secrets.seal(plain),
    }))
    .where('id', '=', appId)
    .execute();
  return plain;
}

/**
 * Issues a new callback signing secret for an app (the first, for an app made before callbacks were signed). The
 * old one goes on signing alongside for `graceMs`, so receivers can move over without rejecting a report.
 */
export function rotateSigningSecret(db: Db, secrets: SecretBox, appId: string, graceMs: number): Promise<string> {
  return rotate(db, secrets, appId, graceMs, 'signing', newSigningSecret());
}

/**
 * Issues a new secret for an app. The old one keeps working for `graceMs` (0: it stops at once), so clients can
 * move over without an outage; a rotation during a grace period ends the earlier one.
 */
export function rotateAppSecret(db: Db, secrets: SecretBox, appId: string, graceMs: number): Promise<string> {
  return rotate(db, secrets, appId, graceMs, 'app', newSecret());
}

export interface NewTemplate {
  tenantId: string;
  name: string;
  region: TemplateRegion;
  type: TemplateType;
  body: string;
  variables?: VariableType[];
  status?: 'approved' | 'pending';
}

/** Template ids look like the compatible API's: 32 lowercase hex characters. */
export function newTemplateId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A template whose first version is already decided (seed data and test fixtures); applications from tenants
 * go through review instead (`db/template-versions.ts`).
 */
export async function createTemplate(db: Db, template: NewTemplate): Promise<string> {
  const id = newTemplateId();
  const variables = JSON.stringify(template.variables ?? defaultVariables(template.type, templateVariableCount(template.body)));
  const approved = (template.status ?? 'approved') === 'approved';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('templates')
      .values({
        id,
        tenant_id: template.tenantId,
        name: template.name,
        region: template.region,
        type: template.type,
        body: template.body,
        variables,
        status: approved ? 'approved' : 'pending',
        approved_version: approved ? 1 : null,
      })
      .execute();
    await trx
      .insertInto('template_versions')
      .values({
        template_id: id,
        tenant_id: template.tenantId,
        version: 1,
        name: template.name,
        body: template.body,
        variables,
        state: approved ? 'approved' : 'in_review',
        decided_at: approved ? new Date() : null,
      })
      .execute();
  });
  return id;
}

export async function listTenants(db: Db) {
  return db.selectFrom('tenants').select(['id', 'name', 'created_at']).orderBy('created_at').execute();
}

export async function tenantExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function appExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('apps').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** What operators may change about an app; absent fields stay as they are. */
export interface AppChanges {
  name?: string | undefined;
  senderId?: string | undefined;
  callbackUrl?: string | null | undefined;
  uplinkUrl?: string | null | undefined;
  requestsPerSecond?: number | null | undefined;
  wsseNonceCheck?: boolean | undefined;
  allowedCountries?: string[] | null | undefined;
}

/** Applies `changes` to an app; returns the app afterwards, or undefined if it does not exist. */
export async function updateApp(db: Db, appId: string, changes: AppChanges): Promise<AppRow | undefined> {
  const set = {
    name: changes.name,
    sender_id: changes.senderId,
    callback_url: changes.callbackUrl,
    uplink_url: changes.uplinkUrl,
    requests_per_second: changes.requestsPerSecond,
    wsse_nonce_check: changes.wsseNonceCheck,
    allowed_countries: changes.allowedCountries,
  };
  const defined = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length === 0) return findAppById(db, appId);
  return db.updateTable('apps').set(defined).where('id', '=', appId).returningAll().executeTakeFirst();
}

export async function listTenantApps(db: Db, tenantId: string): Promise<AppRow[]> {
  return db.selectFrom('apps').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();
}
