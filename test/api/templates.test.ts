import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import type { TemplateReviews } from '../../processes/template-review.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';
import type { TestTenant } from '../support/tenant.ts';
import { compatibleClient } from '../support/wsse-client.ts';
import { callApi } from '../support/http.ts';

/** Records review starts instead of running workflows: these tests are about the rules at the edge. */
function recordingReviews(): TemplateReviews & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    start: async ({ versionId }) => (started.push(versionId), `template-review-${versionId}`),
    withdraw: async () => undefined,
    decide: async () => 'approved' as const,
    status: async () => ({ state: 'waiting' }),
  };
}

describe('template applications: the rules, tenant isolation, typed values at send time', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let other: TestTenant;
  const reviews = recordingReviews();

  test.beforeAll(async ({ database: d, tenant: t, otherTenant: o }) => {
    [database, tenant, other] = [d, t, o];
    api = await startApi({ db: database.db, secrets: testSecrets, scheduledSends: noScheduling, templateReviews: reviews, logger: testLogger, port: 0 });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const call = (method: string, path: string, body?: unknown, who: TestTenant = tenant) => callApi(api.url, method, path, who.authorization, body);
  const countTemplates = async () => Number((await database.db.selectFrom('templates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('each broken rule has its own code and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'a', region: 'international', type: 'notification', body: '   ' }, 'template_empty'],
      [{ name: 'a', region: 'international', type: 'notification', body: 'x'.repeat(501) }, 'template_too_long'],
      [{ name: 'a', region: 'international', type: 'notification', body: 'Hi ${2}' }, 'template_variables_gap'],
      [{ name: 'a', region: 'international', type: 'notification', body: 'Hi ${1}', variables: ['other', 'other'] }, 'template_variables_mismatch'],
      [{ name: 'a', region: 'international', type: 'verification', body: 'No code here.' }, 'template_code_variable'],
      [{ name: 'a', region: 'international', type: 'verification', body: '${1} and ${2}', variables: ['code', 'code'] }, 'template_code_variable'],
      [{ name: 'a', region: 'international', type: 'notification', body: 'Code ${1}', variables: ['code'] }, 'template_code_variable'],
      [{ name: 'a', region: 'mainland', type: 'verification', body: '【某公司】验证码${1}' }, 'template_signature_brackets'],
      [{ name: 'a', region: 'moon', type: 'notification', body: 'Hi' }, 'invalid_request'],
    ];
    const before = await countTemplates();
    for (const [body, code] of cases) {
      const res = await call('POST', '/v1/templates', body);
      assert.equal(res.status, code === 'invalid_request' ? 400 : 422, JSON.stringify(body));
      assert.equal(res.body.code, code, JSON.stringify(body));
    }
    assert.equal(await countTemplates(), before);
    assert.equal(reviews.started.length, 0);
  });

  test('a valid application is stored pending with its review started; 500 characters is allowed', async () => {
    const res = await call('POST', '/v1/templates', { name: 'long', region: 'international', type: 'notification', body: 'y'.repeat(496) + '${1}' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'pending');
    const versions = res.body.versions as { reviewId: string; state: string }[];
    assert.deepEqual(versions.map((v) => v.state), ['waiting']);
    assert.ok(reviews.started.includes(versions[0]!.reviewId));
    const mainland = await call('POST', '/v1/templates', { name: 'cn', region: 'mainland', type: 'notification', body: 'Your order ${1} shipped' });
    assert.equal(mainland.status, 201);
    assert.deepEqual(mainland.body.warnings, ['Mainland templates are preferably in Simplified Chinese.']);
  });

  test('another tenant’s template is 404 to read, edit or withdraw; an API key without the app secret cannot apply', async () => {
    for (const [method, path, body] of [
      ['GET', `/v1/templates/${tenant.templates.code}`, undefined],
      ['PUT', `/v1/templates/${tenant.templates.code}`, { body: 'Code ${1}' }],
      ['POST', `/v1/templates/${tenant.templates.code}/withdraw`, undefined],
    ] as const) {
      const res = await call(method, path, body, other);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body.code, 'template_not_found');
    }
    const listed = (await call('GET', '/v1/templates', undefined, other)).body.templates as { id: string }[];
    assert.ok(!listed.some((t) => t.id === tenant.templates.code));
    const key = await call('POST', '/v1/api-keys', { name: 'k', scopes: ['send', 'read'] });
    const res = await fetch(`${api.url}/v1/templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.body.key as string}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'a', region: 'international', type: 'notification', body: 'Hi ${1}' }),
    });
    assert.equal(res.status, 403);
  });

  test('values are checked against their variable types when sending, on both APIs', async () => {
    const typed = await createTemplate(database.db, {
      tenantId: tenant.tenantId,
      name: 'typed',
      region: 'international',
      type: 'verification',
      body: 'Code ${1}, amount ${2}, ref ${3}',
      variables: ['code', 'amount', 'other'],
    });
    const send = (params: string[]) => call('POST', '/v1/messages', { to: ['+447400123456'], templateId: typed, params });
    assert.equal((await send(['A1B2', '12.50', 'R 7'])).status, 202);
    for (const params of [['123456789', '1', 'x'], ['12-34', '1', 'x'], ['1', 'ten', 'x'], ['1', '1', 'see a.b'], ['1', '1', 'x'.repeat(36)]]) {
      const res = await send(params);
      assert.equal(res.status, 422, params.join('|'));
      assert.equal(res.body.code, 'param_invalid', params.join('|'));
    }
    const compat = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).batchSendSms({
      from: tenant.from,
      to: '+447400123456',
      templateId: typed,
      templateParas: '["123456789","1","x"]',
    });
    assert.equal(compat.body.result?.[0]?.status, 'E200028');
  });
});
