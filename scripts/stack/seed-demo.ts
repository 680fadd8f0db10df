import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createOperator, findOperatorByToken } from '../../db/operators.ts';
import type { Db } from '../../db/connect.ts';
import { createTenantApp, createTemplate, createTenant, rotateSigningSecret } from '../../db/provisioning.ts';
import { createApprovedSignature, findApprovedSignatures } from '../../db/signatures.ts';
import { setTenantCountries } from '../../db/regions.ts';
import { secretAccepted } from '../../domain/app-secrets.ts';
import { channelNumbers } from '../../domain/channel-numbers.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { templateVariableCount, type TemplateRegion, type TemplateType } from '../../domain/templates.ts';

export interface DemoTemplate {
  id: string;
  name: string;
  region: TemplateRegion;
  type: TemplateType;
  params: number;
  body: string;
}

export interface DemoCredentials {
  /** An admin operator's token, for `/v1/admin`. */
  adminToken: string;
  tenantId: string;
  /** The demo app's channel numbers: the international sender id and the mainland 106 number. */
  from: string;
  mainlandFrom: string;
  appKey: string;
  appSecret: string;
  /** Signs the demo app's callbacks; the sink of `npm run dev` checks them with it. */
  signingSecret: string;
  templates: DemoTemplate[];
}

const demoSignature = 'Tern演示';

const demoTemplates: Omit<DemoTemplate, 'id' | 'params'>[] = [
  { name: 'Login code (mainland)', region: 'mainland', type: 'verification', body: '您的验证码是${1}，5分钟内有效，请勿泄露。' },
  { name: 'Login code (international)', region: 'international', type: 'verification', body: 'Your Tern demo code is ${1}. It expires in 5 minutes.' },
  { name: 'Parcel notice', region: 'international', type: 'notification', body: 'Hello ${1}, your parcel ${2} arrives today between ${3}.' },
];

/** Where the demo app's status reports and replies go (the callback sink of `npm run dev`). */
export interface DemoUrls {
  callbackUrl: string;
  uplinkUrl: string;
}

/** The demo tenant of `npm run dev`: made once, then reused from `.tern/dev.json` as long as it still works. */
export async function seedDemo(db: Db, secrets: SecretBox, credentialsFile: string, urls: DemoUrls): Promise<DemoCredentials> {
  const existing = await fs
    .readFile(credentialsFile, 'utf8')
    .then((text) => JSON.parse(text) as Partial<DemoCredentials>)
    .catch(() => undefined);
  if (existing?.appKey && existing.appSecret && existing.tenantId && existing.templates) {
    const app = await db
      .selectFrom('apps')
      .select(['id', 'secret_sealed', 'previous_secret_sealed', 'previous_secret_until', 'signing_secret_sealed', 'sender_id', 'mainland_extension'])
      .where('app_key', '=', existing.appKey)
      .executeTakeFirst();
    if (app && secretAccepted(existing.appSecret, app, secrets)) {
      await db.updateTable('apps').set({ callback_url: urls.callbackUrl, uplink_url: urls.uplinkUrl }).where('app_key', '=', existing.appKey).execute();
      await ensureDemoSignatures(db, existing.tenantId);
      await setTenantCountries(db, existing.tenantId, ['*']);
      // A demo made before callbacks were signed gets its signing secret now.
      const signingSecret =
        existing.signingSecret && app.signing_secret_sealed && secrets.open(app.signing_secret_sealed) === existing.signingSecret
          ? existing.signingSecret
          : await rotateSigningSecret(db, secrets, app.id, 0);
      return { ...(existing as DemoCredentials), signingSecret, ...channelNumbers(app), adminToken: await demoOperatorToken(db, existing.adminToken) };
    }
  }

  const tenantId = await createTenant(db, 'Demo Co');
  // The demo tenant may send to every country; a new tenant starts with the mainland only.
  await setTenantCountries(db, tenantId, ['*']);
  const app = await createTenantApp(db, secrets, { tenantId, name: 'Demo app', senderId: 'TERN', ...urls });
  await ensureDemoSignatures(db, tenantId);
  const templates: DemoTemplate[] = [];
  for (const t of demoTemplates) {
    const id = await createTemplate(db, { tenantId, ...t });
    templates.push({ id, ...t, params: templateVariableCount(t.body) });
  }
  return {
    adminToken: await demoOperatorToken(db, undefined),
    tenantId,
    from: app.from,
    mainlandFrom: app.mainlandFrom,
    appKey: app.appKey,
    appSecret: app.appSecret,
    signingSecret: app.signingSecret,
    templates,
  };
}

/** Mainland messages carry an approved signature: 【Tern演示】 before the text (one per template type). */
async function ensureDemoSignatures(db: Db, tenantId: string): Promise<void> {
  const held = await findApprovedSignatures(db, tenantId);
  for (const type of ['verification', 'notification'] as const) {
    if (!held.some((s) => s.name === demoSignature && s.type === type)) await createApprovedSignature(db, tenantId, demoSignature, type);
  }
}

/** The demo admin's token: the one already handed out while it still works, else a new operator's. */
async function demoOperatorToken(db: Db, existing: string | undefined): Promise<string> {
  if (existing && (await findOperatorByToken(db, existing))) return existing;
  return (await createOperator(db, `demo-admin-${randomBytes(3).toString('hex')}`, 'admin')).token;
}
