import type { Db } from '../../db/connect.ts';
import { createTenantApp, createTemplate, createTenant } from '../../db/provisioning.ts';
import { testSecrets } from './secrets.ts';
import { createApprovedSignature } from '../../db/signatures.ts';
import { setTenantCountries } from '../../db/regions.ts';

export interface TestTenant {
  tenantId: string;
  appId: string;
  appKey: string;
  appSecret: string;
  /** Signs the app's callbacks. */
  signingSecret: string;
  authorization: string;
  /** The app's channel numbers: the international sender id and the mainland 106 number. */
  from: string;
  mainlandFrom: string;
  /** International templates, and `mainlandCode`, the mainland verification template (signed, for +86 numbers). */
  templates: { code: string; notice: string; chinese: string; long: string; mainlandCode: string };
  /** The approved signature (both types) mainland messages carry. */
  signature: string;
}

/** A tenant with an app and a few approved templates, as the seed of `npm run dev` makes them. */
export async function createTestTenant(
  db: Db,
  options: { callbackUrl?: string; uplinkUrl?: string; name?: string } = {},
): Promise<TestTenant> {
  const tenantId = await createTenant(db, options.name ?? 'Test Co');
  // Like the demo tenant, test tenants may send everywhere; the region tests set their own.
  await setTenantCountries(db, tenantId, ['*']);
  const app = await createTenantApp(db, testSecrets, {
    tenantId,
    name: 'test app',
    senderId: 'TERN',
    callbackUrl: options.callbackUrl ?? null,
    uplinkUrl: options.uplinkUrl ?? null,
  });
  const template = (name: string, body: string, type: 'verification' | 'notification' = 'notification') =>
    createTemplate(db, { tenantId, name, region: 'international', type, body });
  const signature = 'Tern测试';
  await createApprovedSignature(db, tenantId, signature, 'verification');
  await createApprovedSignature(db, tenantId, signature, 'notification');
  return {
    signature,
    tenantId,
    appId: app.id,
    appKey: app.appKey,
    appSecret: app.appSecret,
    signingSecret: app.signingSecret,
    authorization: `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64')}`,
    from: app.from,
    mainlandFrom: app.mainlandFrom,
    templates: {
      code: await template('code', 'Your code is ${1}. It expires in 5 minutes.', 'verification'),
      notice: await template('notice', 'Hello ${1}, your parcel ${2} arrives today.'),
      chinese: await template('chinese', '您的验证码是${1}，5分钟内有效。', 'verification'),
      long: await template('long', 'Dear customer, '.repeat(20) + 'your order ${1} has shipped.'),
      mainlandCode: await createTemplate(db, { tenantId, name: 'mainland code', region: 'mainland', type: 'verification', body: '您的验证码是${1}，5分钟内有效。' }),
    },
  };
}
