import assert from 'node:assert/strict';
import { type RunningApi } from '../../api/start-api.ts';
import { createTenantApp, createTemplate, createTenant } from '../../db/provisioning.ts';
import { createApprovedSignature } from '../../db/signatures.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';
import { compatibleClient } from '../support/wsse-client.ts';
import { setTenantCountries } from '../../db/regions.ts';

describe('mainland sends need an approved signature of the template’s type', () => {
  let database: TestDatabase;
  let api: RunningApi;

  test.beforeAll(async ({ database: d, api: a }) => {
    [database, api] = [d, a];
  });

  /** A tenant with the given approved signatures, a mainland template of each type and an international one. */
  async function tenantWith(signatures: [string, 'verification' | 'notification'][]) {
    const tenantId = await createTenant(database.db, 'Sig Co');
    const app = await createTenantApp(database.db, testSecrets, { tenantId, name: 'a', senderId: 'SIG' });
    for (const [name, type] of signatures) await createApprovedSignature(database.db, tenantId, name, type);
    await setTenantCountries(database.db, tenantId, ['*']);
    const template = (region: 'mainland' | 'international', type: 'verification' | 'notification', body: string) =>
      createTemplate(database.db, { tenantId, name: 't', region, type, body });
    return {
      app,
      code: await template('mainland', 'verification', '验证码${1}'),
      notice: await template('mainland', 'notification', '您的包裹${1}已发出'),
      intl: await template('international', 'notification', 'Parcel ${1} shipped'),
      send: async (templateId: string, params: string[], signature?: string, to = ['+8613800138000', '+8613800138001']) => {
        const res = await fetch(`${api.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64')}` },
          body: JSON.stringify({ to, templateId, params, ...(signature ? { signature } : {}) }),
        });
        return { status: res.status, body: (await res.json()) as { code?: string; details?: { messages: { error: { code: string } }[] }; messages?: { id: string }[] } };
      },
    };
  }
  const bodyOf = async (id: string | undefined) => (await database.db.selectFrom('messages').select('body').where('id', '=', id ?? '').executeTakeFirstOrThrow()).body;
  const countMessages = async () => Number((await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('the only signature of the type is used; its name leads the text in 【】', async () => {
    const t = await tenantWith([['码公司', 'verification'], ['通知公司', 'notification']]);
    const code = await t.send(t.code, ['1234']);
    assert.equal(code.status, 202);
    assert.equal(await bodyOf(code.body.messages?.[0]?.id), '【码公司】验证码1234');
    const notice = await t.send(t.notice, ['P9']);
    assert.equal(await bodyOf(notice.body.messages?.[0]?.id), '【通知公司】您的包裹P9已发出');
    const intl = await t.send(t.intl, ['P9'], undefined, ['+447400123456']);
    assert.equal(await bodyOf(intl.body.messages?.[0]?.id), 'Parcel P9 shipped', 'international messages carry no signature');
  });

  test('type mismatch, none approved, an unknown name, two to choose from: each recipient refused with a stable code, nothing sent', async () => {
    const onlyVerification = await tenantWith([['码公司', 'verification']]);
    const none = await tenantWith([]);
    const two = await tenantWith([['甲公司', 'verification'], ['乙公司', 'verification']]);
    const before = await countMessages();
    const cases: [Awaited<ReturnType<typeof tenantWith>>, string, string[], string | undefined, string][] = [
      [onlyVerification, onlyVerification.notice, ['P9'], undefined, 'signature_type_mismatch'],
      [onlyVerification, onlyVerification.notice, ['P9'], '码公司', 'signature_type_mismatch'],
      [none, none.code, ['1234'], undefined, 'signature_required'],
      [onlyVerification, onlyVerification.code, ['1234'], '别人公司', 'signature_not_approved'],
      [two, two.code, ['1234'], undefined, 'signature_ambiguous'],
    ];
    for (const [t, templateId, params, signature, code] of cases) {
      const res = await t.send(templateId, params, signature);
      assert.equal(res.status, 422, code);
      assert.equal(res.body.code, code);
      assert.deepEqual(res.body.details?.messages.map((m) => m.error.code), [code, code], 'per recipient');
    }
    assert.equal(await countMessages(), before);
    const withNotice = await tenantWith([['通知公司', 'notification']]);
    assert.equal((await withNotice.send(withNotice.notice, ['P9'])).status, 202);
    const fake = await withNotice.send(withNotice.notice, ['【银行】P9']);
    assert.equal(fake.status, 422);
    assert.equal(fake.body.code, 'param_invalid', 'a value may not pose as a signature');
    const named = await two.send(two.code, ['1234'], '乙公司');
    assert.equal(await bodyOf(named.body.messages?.[0]?.id), '【乙公司】验证码1234');
  });

  test('the compatible API: a signature of the other type is E200029, none approved E200031', async () => {
    const t = await tenantWith([['码公司', 'verification']]);
    const client = compatibleClient(api.url, t.app.appKey, t.app.appSecret);
    const mismatch = await client.batchSendSms({ from: t.app.mainlandFrom, to: '+8613800138000', templateId: t.notice, templateParas: '["P9"]' });
    assert.equal(mismatch.body.result?.[0]?.status, 'E200029');
    const unknown = await client.batchSendSms({ from: t.app.mainlandFrom, to: '+8613800138000', templateId: t.code, templateParas: '["1234"]', signature: '别人公司' });
    assert.equal(unknown.body.result?.[0]?.status, 'E200031');
    const ok = await client.batchSendSms({ from: t.app.mainlandFrom, to: '+8613800138000', templateId: t.code, templateParas: '["1234"]', signature: '码公司' });
    assert.equal(ok.body.code, '000000');
    assert.equal(await bodyOf(ok.body.result?.[0]?.smsMsgId), '【码公司】验证码1234');
  });
});
