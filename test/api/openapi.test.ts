import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { type RunningApi } from '../../api/start-api.ts';
import { describe, test } from '../support/fixtures.ts';

describe('the OpenAPI document and the rendered reference', () => {
  let api: RunningApi;
  test.beforeAll(({ api: a }) => void (api = a));

  test('/openapi.json is a valid OpenAPI 3.1 document describing every endpoint and auth scheme', async () => {
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as Record<string, unknown>;
    const validated = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    assert.equal(validated.openapi, '3.1.0');
    assert.deepEqual(Object.keys(validated.paths).sort(), [
      '/sms/batchSendDiffSms/v1',
      '/sms/batchSendSms/v1',
      '/v1/admin/apps/{id}',
      '/v1/admin/apps/{id}/secret',
    '/v1/admin/apps/{id}/signing-secret',
    '/v1/admin/audit-log',
      '/v1/admin/blocklist',
      '/v1/admin/blocklist/{number}',
      '/v1/admin/calendar',
      '/v1/admin/calendar/{year}',
      '/v1/admin/carriers',
      '/v1/admin/carriers/{id}',
      '/v1/admin/console-users',
      '/v1/admin/console-users/{id}',
      '/v1/admin/console-users/{id}/invitation',
      '/v1/admin/failovers',
      '/v1/admin/ported-numbers',
      '/v1/admin/ported-numbers/{number}',
      '/v1/admin/prices',
      '/v1/admin/receipts/unmatched',
      '/v1/admin/reviews',
      '/v1/admin/reviews/{id}',
      '/v1/admin/reviews/{id}/decision',
      '/v1/admin/reviews/{id}/documents/{documentId}',
      '/v1/admin/routes',
      '/v1/admin/routes/lookup/{number}',
      '/v1/admin/routes/{id}',
      '/v1/admin/suspensions',
      '/v1/admin/tenants',
      '/v1/admin/tenants/{id}/apps',
      '/v1/admin/tenants/{id}/billing',
      '/v1/admin/tenants/{id}/billing-mode',
      '/v1/admin/tenants/{id}/packages',
      '/v1/admin/tenants/{id}/quota-hold/release',
      '/v1/admin/tenants/{id}/suspension/lift',
      '/v1/admin/unblock-requests',
      '/v1/admin/unblock-requests/{id}/decision',
      '/v1/api-keys',
      '/v1/api-keys/{id}',
      '/v1/app',
      '/v1/app/secret',
      '/v1/app/signing-secret',
      '/v1/audit-log',
      '/v1/balance',
      '/v1/blocklist/{number}',
      '/v1/blocklist/{number}/unblock',
      '/v1/campaigns',
      '/v1/campaigns/uploads',
      '/v1/campaigns/uploads/{id}',
      '/v1/campaigns/uploads/{id}/errors',
      '/v1/campaigns/{id}',
      '/v1/campaigns/{id}/cancel',
      '/v1/campaigns/{id}/pause',
      '/v1/campaigns/{id}/report',
      '/v1/campaigns/{id}/resume',
      '/v1/console/invitations/accept',
      '/v1/console/me',
      '/v1/console/password',
      '/v1/console/session',
      '/v1/ledger',
      '/v1/messages',
      '/v1/messages/export',
      '/v1/messages/exports',
      '/v1/messages/exports/{id}',
      '/v1/messages/exports/{id}/file',
      '/v1/messages/{id}',
      '/v1/notices',
      '/v1/packages',
      '/v1/quota-alarms',
      '/v1/region-settings',
      '/v1/replies',
      '/v1/signatures',
      '/v1/signatures/{id}',
      '/v1/signatures/{id}/documents',
      '/v1/statistics',
      '/v1/statistics/export',
      '/v1/statistics/time-zone',
      '/v1/templates',
      '/v1/templates/{id}',
      '/v1/templates/{id}/withdraw',
      '/v1/traffic-thresholds',
      '/v1/unblock-requests',
      '/v1/unblock-requests/{id}',
      '/v1/usage',
    ]);
    assert.deepEqual(Object.keys(validated.paths['/v1/messages/{id}']!).sort(), ['delete', 'get']);
    assert.ok(validated.paths['/v1/messages']!.post!.responses['202']);
    assert.equal(validated.components.securitySchemes.basicAuth?.scheme, 'basic');
    assert.equal(validated.components.securitySchemes.bearerAuth?.scheme, 'bearer');
    assert.equal(validated.components.securitySchemes.operatorAuth?.scheme, 'bearer');
    assert.deepEqual(validated.components.securitySchemes.wsse, { ...validated.components.securitySchemes.wsse, type: 'apiKey', in: 'header', name: 'X-WSSE' });
    assert.ok(validated.paths['/sms/batchSendSms/v1']!.post!.responses['400'], 'the compatible API’s refusals are documented');
  });

  test('the edge answers as documented: 405 with Allow, 415, 400 for the schema, 422 for rules beyond it, the spec’s 404 under /sms', async ({ tenant }) => {
    const call = (method: string, path: string, init: RequestInit = {}) =>
      fetch(`${api.url}${path}`, { method, ...init, headers: { authorization: tenant.authorization, ...init.headers } });
    const trace = await call('DELETE', '/v1/templates');
    assert.equal(trace.status, 405);
    assert.equal(trace.headers.get('allow'), 'GET, HEAD, POST');
    assert.equal(((await trace.json()) as { code: string }).code, 'method_not_allowed');
    assert.equal((await call('PUT', `/v1/messages/${crypto.randomUUID()}`)).headers.get('allow'), 'DELETE, GET, HEAD');
    // A path a route names exactly is that route's, though `/v1/messages/{id}` would match it too.
    assert.equal((await call('OPTIONS', '/v1/messages/export')).headers.get('allow'), 'GET, HEAD');
    const notACancel = await call('DELETE', '/v1/messages/export');
    assert.equal(notACancel.status, 405, 'not a cancel of a message called `export`');
    assert.equal(notACancel.headers.get('allow'), 'GET, HEAD');
    assert.equal((await call('GET', '/v1/nothing-here')).status, 404);

    const asText = await call('POST', '/v1/templates', { headers: { 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(asText.status, 415);
    assert.equal(((await asText.json()) as { code: string }).code, 'unsupported_media_type');

    const json = { 'content-type': 'application/json' };
    const schema = await call('PUT', '/v1/traffic-thresholds', { headers: json, body: JSON.stringify({ dailyAlarm: 'ten', dailyLimit: 5, contactNumbers: [] }) });
    assert.equal(schema.status, 400, 'a string where the document says integer');
    const rule = await call('PUT', '/v1/traffic-thresholds', { headers: json, body: JSON.stringify({ dailyAlarm: 10, dailyLimit: 5, contactNumbers: [] }) });
    assert.equal(rule.status, 422, 'an alarm above its limit: a rule across fields');
    const padded = await call('POST', '/v1/api-keys', { headers: json, body: JSON.stringify({ name: ' checkout ', scopes: ['send'] }) });
    assert.equal(padded.status, 400);
    assert.match(((await padded.json()) as { message: string }).message, /name: may not start or end with a space/);

    const wrongPath = await fetch(`${api.url}/sms/batchSendSms/v2`, { method: 'POST' });
    assert.equal(wrongPath.status, 404, 'a wrong URL is a 404 (spec §3.2), before any authentication');
    const wrongMethod = await fetch(`${api.url}/sms/batchSendSms/v1`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
  });

  test('/docs renders the reference from the document with assets served locally', async () => {
    const page = await fetch(`${api.url}/docs`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /url: '\/openapi\.json'/);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
      assert.ok(html.includes(`/docs/assets/${asset}`));
      const res = await fetch(`${api.url}/docs/assets/${asset}`);
      assert.equal(res.status, 200, asset);
      assert.ok((await res.arrayBuffer()).byteLength > 10_000, `${asset} has content`);
    }
    assert.equal((await fetch(`${api.url}/docs/assets/package.json`)).status, 404, 'only the listed assets are served');
  });
});
