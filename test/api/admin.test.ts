import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { type RunningApi } from '../../api/start-api.ts';
import { createOperator } from '../../db/operators.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant } from '../support/tenant.ts';
import { createApprovedSignature } from '../../db/signatures.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('operators and /v1/admin', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let operatorToken: string;
  let reviewerToken: string;

  test.beforeAll(async ({ database: d, api: a }) => {
    [database, api] = [d, a];
    operatorToken = (await createOperator(database.db, 'olga', 'operator')).token;
    reviewerToken = (await createOperator(database.db, 'rui', 'reviewer')).token;
  });

  const call = (method: string, route: string, authorization: string | undefined, body?: unknown) =>
    fetch(`${api.url}${route}`, {
      method,
      headers: { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  test('an operator creates a tenant and an app whose credentials send at once', async () => {
    const tenant = (await (await call('POST', '/v1/admin/tenants', `Bearer ${operatorToken}`, { name: 'Acme' })).json()) as { id: string };
    const created = await call('POST', `/v1/admin/tenants/${tenant.id}/apps`, `Bearer ${operatorToken}`, { name: 'web', senderId: 'ACME' });
    assert.equal(created.status, 201);
    const app = (await created.json()) as { appKey: string; appSecret: string; from: string; mainlandFrom: string };
    assert.equal(app.from, 'ACME');
    assert.match(app.mainlandFrom, /^10690000\d{4,}$/, 'a 106 number with the app’s extension');
    const second = (await (await call('POST', `/v1/admin/tenants/${tenant.id}/apps`, `Bearer ${operatorToken}`, { name: 'ios', senderId: 'ACME' })).json()) as {
      mainlandFrom: string;
    };
    assert.notEqual(second.mainlandFrom, app.mainlandFrom, 'each app has its own extension, so replies can find it');
    // A new tenant sends to the mainland only, so a mainland template with its signature.
    const templateId = await createTemplate(database.db, { tenantId: tenant.id, name: 't', region: 'mainland', type: 'notification', body: '您好${1}' });
    await createApprovedSignature(database.db, tenant.id, 'Acme', 'notification');
    const sent = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64') },
      body: JSON.stringify({ to: ['+8613800138000'], templateId, params: ['Ann'] }),
    });
    assert.equal(sent.status, 202);
    const listed = (await (await call('GET', '/v1/admin/tenants', `Bearer ${operatorToken}`)).json()) as { tenants: { name: string }[] };
    assert.ok(listed.tenants.some((t) => t.name === 'Acme'));
  });

  test('rotating a secret keeps the old one for the grace period given', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Rotate Co' });
    const res = await call('POST', `/v1/admin/apps/${tenant.appId}/secret`, `Bearer ${operatorToken}`, { graceSeconds: 0 });
    assert.equal(res.status, 200);
    const rotated = (await res.json()) as { appKey: string; appSecret: string };
    assert.equal(rotated.appKey, tenant.appKey);
    assert.notEqual(rotated.appSecret, tenant.appSecret);
  });

  test('an operator lists, reads and changes apps: sender id, callback and uplink URLs, rate, nonce check', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Manage Co' });
    const auth = `Bearer ${operatorToken}`;
    const listed = (await (await call('GET', `/v1/admin/tenants/${tenant.tenantId}/apps`, auth)).json()) as { apps: { id: string; from: string; mainlandFrom: string }[] };
    assert.deepEqual(listed.apps.map((a) => [a.id, a.from, a.mainlandFrom]), [[tenant.appId, tenant.from, tenant.mainlandFrom]]);
    const changes = { senderId: 'MANAGE', callbackUrl: 'https://example.com/cb', uplinkUrl: 'https://example.com/up', requestsPerSecond: 5, wsseNonceCheck: false };
    const patched = await call('PATCH', `/v1/admin/apps/${tenant.appId}`, auth, changes);
    assert.equal(patched.status, 200);
    const view = (await (await call('GET', `/v1/admin/apps/${tenant.appId}`, auth)).json()) as Record<string, unknown>;
    assert.deepEqual(
      { from: view.from, callbackUrl: view.callbackUrl, uplinkUrl: view.uplinkUrl, requestsPerSecond: view.requestsPerSecond, wsseNonceCheck: view.wsseNonceCheck },
      { from: 'MANAGE', callbackUrl: changes.callbackUrl, uplinkUrl: changes.uplinkUrl, requestsPerSecond: 5, wsseNonceCheck: false },
    );
    assert.equal(view.mainlandFrom, tenant.mainlandFrom, 'the extension never changes: replies are routed by it');
    assert.equal('appSecret' in view, false);
    const cleared = (await (await call('PATCH', `/v1/admin/apps/${tenant.appId}`, auth, { uplinkUrl: null, requestsPerSecond: null })).json()) as Record<string, unknown>;
    assert.equal(cleared.uplinkUrl, null);
    assert.equal(cleared.requestsPerSecond, null);
    assert.equal(cleared.from, 'MANAGE');
    for (const bad of [{ uplinkUrl: 'ftp://x' }, { requestsPerSecond: 0 }, { mainlandExtension: '1' }]) {
      const res = await call('PATCH', `/v1/admin/apps/${tenant.appId}`, auth, bad);
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
    const missing = await call('PATCH', '/v1/admin/apps/00000000-0000-4000-8000-000000000000', auth, { name: 'x' });
    assert.equal(missing.status, 404);
    assert.equal((await call('GET', `/v1/admin/apps/${tenant.appId}`, `Bearer ${reviewerToken}`)).status, 403);
  });

  test('apps, reviewers, strangers and bad input are refused with clear codes', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Refused Co' });
    const cases: [string, string, string | undefined, unknown, number, string][] = [
      ['no token', '/v1/admin/tenants', undefined, undefined, 401, 'unauthorized'],
      ['an app secret', '/v1/admin/tenants', tenant.authorization, undefined, 401, 'unauthorized'],
      ['a forged token', '/v1/admin/tenants', `Bearer ${operatorToken.slice(0, -2)}xx`, undefined, 401, 'unauthorized'],
      ['a reviewer', '/v1/admin/tenants', `Bearer ${reviewerToken}`, undefined, 403, 'insufficient_role'],
    ];
    for (const [what, route, auth, body, status, code] of cases) {
      const res = await call('GET', route, auth, body);
      assert.equal(res.status, status, what);
      assert.equal(((await res.json()) as { code: string }).code, code, what);
    }
    const operatorAuth = `Bearer ${operatorToken}`;
    const missingTenant = await call('POST', '/v1/admin/tenants/00000000-0000-4000-8000-000000000000/apps', operatorAuth, { name: 'x', senderId: 'X' });
    assert.equal(missingTenant.status, 404);
    assert.equal(((await missingTenant.json()) as { code: string }).code, 'tenant_not_found');
    const noName = await call('POST', '/v1/admin/tenants', operatorAuth, { name: '  ' });
    assert.equal(noName.status, 400);
    const before = (await database.db.selectFrom('tenants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    await call('POST', '/v1/admin/tenants', `Bearer ${reviewerToken}`, { name: 'Sneaky' });
    const afterCount = (await database.db.selectFrom('tenants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    assert.equal(Number(afterCount), Number(before), 'a refused request writes nothing');
  });

  test('`npm run tern -- admin create` makes an admin whose token works', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/tern-cli.ts', 'admin', 'create', '--name', 'ada'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
    });
    const token = stdout.trim().split('\n').at(-1)!;
    assert.match(token, /^ternop_/);
    assert.equal((await call('GET', '/v1/admin/tenants', `Bearer ${token}`)).status, 200);
    const again = await run(process.execPath, ['--import', 'tsx', 'scripts/tern-cli.ts', 'admin', 'create', '--name', 'ada'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
    }).catch((err: { code: number; stderr: string }) => err);
    assert.equal((again as { code: number }).code, 1);
    assert.match((again as { stderr: string }).stderr, /already exists/);
  });
});
