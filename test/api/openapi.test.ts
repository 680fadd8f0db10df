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
      '/v1/admin/ported-numbers',
      '/v1/admin/ported-numbers/{number}',
      '/v1/admin/reviews',
      '/v1/admin/reviews/{id}',
      '/v1/admin/reviews/{id}/decision',
      '/v1/admin/reviews/{id}/documents/{documentId}',
      '/v1/admin/routes',
      '/v1/admin/routes/lookup/{number}',
      '/v1/admin/routes/{id}',
      '/v1/admin/tenants',
      '/v1/admin/tenants/{id}/apps',
      '/v1/admin/tenants/{id}/suspension/lift',
      '/v1/admin/unblock-requests',
      '/v1/admin/unblock-requests/{id}/decision',
      '/v1/api-keys',
      '/v1/api-keys/{id}',
      '/v1/blocklist/{number}',
      '/v1/blocklist/{number}/unblock',
      '/v1/messages',
      '/v1/messages/{id}',
      '/v1/region-settings',
      '/v1/signatures',
      '/v1/signatures/{id}',
      '/v1/signatures/{id}/documents',
      '/v1/templates',
      '/v1/templates/{id}',
      '/v1/templates/{id}/withdraw',
      '/v1/traffic-thresholds',
      '/v1/unblock-requests/{id}',
    ]);
    assert.deepEqual(Object.keys(validated.paths['/v1/messages/{id}']!).sort(), ['delete', 'get']);
    assert.ok(validated.paths['/v1/messages']!.post!.responses['202']);
    assert.equal(validated.components.securitySchemes.basicAuth?.scheme, 'basic');
    assert.equal(validated.components.securitySchemes.bearerAuth?.scheme, 'bearer');
    assert.equal(validated.components.securitySchemes.operatorAuth?.scheme, 'bearer');
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
