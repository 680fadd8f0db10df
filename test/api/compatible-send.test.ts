import assert from 'node:assert/strict';
import { type RunningApi } from '../../api/start-api.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import type { TestTenant } from '../support/tenant.ts';
import { compatibleClient, wsseHeaders, type CompatibleAnswer } from '../support/wsse-client.ts';

describe('compatible send API: batchSendSms and batchSendDiffSms', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let other: TestTenant;
  let client: ReturnType<typeof compatibleClient>;
  let otherClient: ReturnType<typeof compatibleClient>;

  test.beforeAll(async ({ database: d, api: a, tenant: t, otherTenant: o }) => {
    [database, api, tenant, other] = [d, a, t, o];
    client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
    otherClient = compatibleClient(api.url, other.appKey, other.appSecret);
  });

  const countMessages = async () =>
    Number((await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const messagesOf = (ids: (string | undefined)[]) =>
    database.db.selectFrom('messages').selectAll().where('id', 'in', ids.filter((i): i is string => i !== undefined)).execute();
  const codeSend = (fields: Record<string, string> = {}) =>
    client.batchSendSms({ from: tenant.mainlandFrom, to: '+8613800138000', templateId: tenant.templates.mainlandCode, templateParas: '["123456"]', ...fields });
  /** Expects the whole request refused with `code` and nothing written. */
  async function refused(answer: Promise<CompatibleAnswer>, status: number, code: string) {
    const before = await countMessages();
    const { status: got, body } = await answer;
    assert.equal(body.code, code, body.description);
    assert.equal(got, status);
    assert.ok(body.description.length > 0);
    assert.equal(body.result, undefined);
    assert.equal(await countMessages(), before);
    return body;
  }

  test('batchSendSms: one result per number in the spec’s shape, messages stored with extend and statusCallback', async () => {
    const answer = await codeSend({ to: '+8613800000001,+8613800000002', statusCallback: 'https://example.com/hw/report', extend: 'order-42' });
    assert.equal(answer.status, 200);
    assert.equal(answer.contentType, 'application/json;charset=UTF-8');
    assert.equal(answer.body.code, '000000');
    assert.equal(answer.body.description, 'Success');
    const result = answer.body.result ?? [];
    assert.deepEqual(result.map((r) => [r.originTo, r.from, r.status, r.countryId, r.total]), [
      ['+8613800000001', tenant.mainlandFrom, '000000', '86', 1],
      ['+8613800000002', tenant.mainlandFrom, '000000', '86', 1],
    ]);
    for (const r of result) {
      assert.match(r.createTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(r.smsMsgId && r.smsMsgId.length <= 50);
    }
    const rows = await messagesOf(result.map((r) => r.smsMsgId));
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row.surface, 'compatible');
      assert.equal(row.reference, 'order-42');
      assert.equal(row.callback_url, 'https://example.com/hw/report');
      assert.equal(row.body, '【Tern测试】您的验证码是123456，5分钟内有效。');
      assert.equal(row.sender, tenant.mainlandFrom);
      assert.equal(row.status, 'accepted');
    }
  });

  test('both digest encodings authenticate; numbers without +86 are mainland ones; duplicates are sent once; a template goes only to its region', async () => {
    const answer = await client.batchSendSms(
      { from: tenant.mainlandFrom, to: '13800000011,+8613800000011, +447400123456', templateId: tenant.templates.mainlandCode, templateParas: '[246810]' },
      { variant: 'B' },
    );
    assert.equal(answer.status, 200, answer.body.description);
    // The UK number is a good one, but a mainland template does not go abroad: the domestic receiver match fails.
    assert.deepEqual(answer.body.result?.map((r) => [r.originTo, r.status]), [
      ['13800000011', '000000'],
      ['+447400123456', 'E200023'],
    ]);
    const rows = await messagesOf(answer.body.result?.map((r) => r.smsMsgId) ?? []);
    assert.deepEqual(rows.map((r) => r.recipient).sort(), ['+8613800000011']);
    const abroad = await client.batchSendSms({ from: tenant.from, to: '+447400123456,+8613800000012', templateId: tenant.templates.code, templateParas: '["1"]' });
    assert.deepEqual(abroad.body.result?.map((r) => [r.originTo, r.status, r.countryId]), [
      ['+447400123456', '000000', '44'],
      ['+8613800000012', 'E200026', undefined],
    ]);
  });

  test('an invalid number fails alone (E200031); with no number accepted the request is E000510 with its result', async () => {
    const mixed = await codeSend({ to: '+8613800000021,+86123' });
    assert.equal(mixed.status, 200);
    assert.deepEqual(mixed.body.result?.map((r) => [r.originTo, r.status, r.smsMsgId === undefined]), [
      ['+8613800000021', '000000', false],
      ['+86123', 'E200031', true],
    ]);
    const before = await countMessages();
    const none = await codeSend({ to: '+86123,+999' });
    assert.equal(none.status, 400);
    assert.equal(none.body.code, 'E000510');
    assert.deepEqual(none.body.result?.map((r) => r.status), ['E200031', 'E200031']);
    assert.equal(await countMessages(), before);
  });

  test('template values: wrong count, empty, quotes or braces are E200028 for each number', async () => {
    for (const templateParas of ['[]', '["1","2"]', '[""]', `["it's"]`, '["{x}"]']) {
      const answer = await codeSend({ templateParas, to: '+8613800000031,+8613800000032' });
      assert.equal(answer.body.code, 'E000510', templateParas);
      assert.deepEqual(answer.body.result?.map((r) => r.status), ['E200028', 'E200028'], templateParas);
    }
  });

  test('an unknown template, another tenant’s and one not approved all answer E200030, alike', async () => {
    const pending = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'p', region: 'international', type: 'notification', body: 'Hi ${1}', status: 'pending' });
    const answers = [];
    for (const templateId of ['0123456789abcdef0123456789abcdef', other.templates.code, pending]) {
      const answer = await codeSend({ templateId });
      assert.equal(answer.status, 400);
      answers.push({ ...answer.body, result: answer.body.result?.map(({ createTime: _t, ...rest }) => rest) });
    }
    assert.deepEqual(answers[0], answers[1]);
    assert.deepEqual(answers[1], answers[2]);
    assert.equal(answers[0]?.code, 'E000510');
    assert.equal(answers[0]?.result?.[0]?.status, 'E200030');
  });

  test('`from` picks the region: mainland templates go from the 106 number; a mismatch is E200029', async () => {
    const mainland = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'cn', region: 'mainland', type: 'verification', body: '验证码${1}' });
    const ok = await client.batchSendSms({ from: tenant.mainlandFrom, to: '+8613800000041', templateId: mainland, templateParas: '["1"]' });
    assert.equal(ok.status, 200, ok.body.description);
    const [row] = await messagesOf([ok.body.result?.[0]?.smsMsgId]);
    assert.equal(row?.sender, tenant.mainlandFrom);
    const mismatch = await client.batchSendSms({ from: tenant.from, to: '+8613800000041', templateId: mainland, templateParas: '["1"]' });
    assert.equal(mismatch.body.result?.[0]?.status, 'E200029');
  });

  test('the whole request fails (E000503) for an unknown from, 501 numbers, a number with letters, a bad field', async () => {
    await refused(codeSend({ from: other.mainlandFrom }), 400, 'E000503');
    await refused(codeSend({ from: '10690000999999' }), 400, 'E000503');
    const many = Array.from({ length: 501 }, (_, i) => `+86138${String(i).padStart(8, '0')}`).join(',');
    await refused(codeSend({ to: many }), 400, 'E000503');
    await refused(codeSend({ to: '+8613800000051,+86138abc0052' }), 400, 'E000503');
    await refused(codeSend({ to: '+86 13800000051' }), 400, 'E000503');
    await refused(codeSend({ extend: 'x'.repeat(129) }), 400, 'E000503');
    await refused(codeSend({ statusCallback: 'ftp://example.com/x' }), 400, 'E000503');
    await refused(codeSend({ signature: 'X' }), 400, 'E000503');
    await refused(client.batchSendSms({ from: tenant.from, templateId: tenant.templates.code }), 400, 'E000503');
  });

  test('500 numbers are accepted in one request', async () => {
    const to = Array.from({ length: 500 }, (_, i) => `+86139${String(i).padStart(8, '0')}`).join(',');
    const answer = await codeSend({ to });
    assert.equal(answer.status, 200, answer.body.description);
    assert.equal(answer.body.result?.filter((r) => r.status === '000000').length, 500);
  });

  test('malformed bodies: not a form (E000040), unparseable templateParas (E000000), a field given twice (E000503)', async () => {
    const form = { from: tenant.mainlandFrom, to: '+8613800000061', templateId: tenant.templates.mainlandCode, templateParas: '["1"]' };
    await refused(client.batchSendSms(form, { contentType: 'application/json' }), 400, 'E000040');
    await refused(codeSend({ templateParas: '["123456"' }), 400, 'E000000');
    await refused(codeSend({ templateParas: '{"a":1}' }), 400, 'E000503');
    const twice = `from=${tenant.from}&from=${tenant.from}&to=%2B8613800000061&templateId=${tenant.templates.code}&templateParas=%5B%221%22%5D`;
    await refused(client.raw('/sms/batchSendSms/v1', 'application/x-www-form-urlencoded', twice, wsseHeaders(tenant.appKey, tenant.appSecret)), 400, 'E000503');
  });

  test('a body over 64 KB is refused with 413 before it is read', async () => {
    await refused(codeSend({ extend: 'x', to: Array.from({ length: 5000 }, () => '+8613800000071').join(',') }), 413, 'E000503');
  });

  test('batchSendDiffSms: groups with their own templates and values, results in order, one request', async () => {
    const answer = await client.batchSendDiffSms({
      from: tenant.from,
      extend: 'batch-7',
      smsContent: [
        { to: ['+447400000081', '+447400000082'], templateId: tenant.templates.code, templateParas: ['111111'] },
        { to: ['+447400000083'], templateId: tenant.templates.notice, templateParas: ['Ann', 'P-9'] },
        { to: ['+447400000084'], templateId: tenant.templates.notice, templateParas: ['Ann'] },
      ],
    });
    assert.equal(answer.status, 200, answer.body.description);
    assert.deepEqual(answer.body.result?.map((r) => [r.originTo, r.status]), [
      ['+447400000081', '000000'],
      ['+447400000082', '000000'],
      ['+447400000083', '000000'],
      ['+447400000084', 'E200028'],
    ]);
    const rows = await messagesOf(answer.body.result?.map((r) => r.smsMsgId) ?? []);
    assert.equal(new Set(rows.map((r) => r.request_id)).size, 1);
    assert.deepEqual(rows.map((r) => r.body).sort(), [
      'Hello Ann, your parcel P-9 arrives today.',
      'Your code is 111111. It expires in 5 minutes.',
      'Your code is 111111. It expires in 5 minutes.',
    ]);
  });

  test('batchSendDiffSms refuses: not JSON (E000040), malformed JSON (E000000), 501 in a group or 1001 in all (E000503)', async () => {
    const group = (n: number, offset = 0) => ({
      to: Array.from({ length: n }, (_, i) => `+86137${String(i + offset).padStart(8, '0')}`),
      templateId: tenant.templates.code,
      templateParas: ['1'],
    });
    await refused(client.batchSendDiffSms({ from: tenant.from, smsContent: [group(1)] }, { contentType: 'application/x-www-form-urlencoded' }), 400, 'E000040');
    await refused(client.batchSendDiffSms('{"from":', {}), 400, 'E000000');
    await refused(client.batchSendDiffSms({ from: tenant.from, smsContent: [group(501)] }), 400, 'E000503');
    await refused(client.batchSendDiffSms({ from: tenant.from, smsContent: [group(500), group(500, 500), group(1, 1000)] }), 400, 'E000503');
    await refused(client.batchSendDiffSms({ from: tenant.from, smsContent: [] }), 400, 'E000503');
    await refused(client.batchSendDiffSms({ from: tenant.from, smsContent: [{ ...group(1), templateParas: '["1"]' }] }), 400, 'E000503');
    await refused(client.batchSendDiffSms({ from: other.from + 'X', smsContent: [group(1)] }), 400, 'E000503');
  });

  test('an app cannot send with another tenant’s template or numbers, nor tell them from unknown ones', async () => {
    const foreignTemplate = await otherClient.batchSendSms({ from: other.mainlandFrom, to: '+8613800000091', templateId: tenant.templates.mainlandCode, templateParas: '["1"]' });
    const unknownTemplate = await otherClient.batchSendSms({ from: other.from, to: '+8613800000091', templateId: 'ffffffffffffffffffffffffffffffff', templateParas: '["1"]' });
    assert.equal(foreignTemplate.body.code, 'E000510');
    assert.deepEqual(foreignTemplate.body.result?.map((r) => r.status), unknownTemplate.body.result?.map((r) => r.status));
    const foreignFrom = await otherClient.batchSendSms({ from: tenant.mainlandFrom, to: '+8613800000091', templateId: other.templates.mainlandCode, templateParas: '["1"]' });
    const unknownFrom = await otherClient.batchSendSms({ from: '10690000000000', to: '+8613800000091', templateId: other.templates.mainlandCode, templateParas: '["1"]' });
    assert.equal(foreignFrom.status, 400);
    assert.equal(foreignFrom.body.code, unknownFrom.body.code);
    assert.equal(foreignFrom.body.description.replace(tenant.mainlandFrom, '?'), unknownFrom.body.description.replace('10690000000000', '?'));
  });
});
