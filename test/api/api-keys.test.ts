import assert from 'node:assert/strict';
import { type RunningApi } from '../../api/start-api.ts';
import { startTestApi } from '../support/api.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import type { TestTenant } from '../support/tenant.ts';

describe('bearer API keys with scopes', () => {
  let database: TestDatabase;
  let tenant: TestTenant;
  let other: TestTenant;

  test.beforeAll(async ({ database: d, tenant: t, otherTenant: o }) => {
    [database, tenant, other] = [d, t, o];
  });

  // A fresh API per check where a revocation must be seen at once (the API caches keys for a few seconds).
  async function withApi<T>(run: (api: RunningApi) => Promise<T>): Promise<T> {
    const api = await startTestApi(database);
    try {
      return await run(api);
    } finally {
      await api.stop();
    }
  }
  const call = (api: RunningApi, method: string, path: string, authorization: string, body?: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const bearer = (key: string) => `Bearer ${key}`;
  const sendBody = () => ({ to: ['+8613800138009'], templateId: tenant.templates.mainlandCode, params: ['1'] });

  test('a key is shown once, listed without its secret, and works within its scopes only', async () => {
    await withApi(async (api) => {
      const created = await call(api, 'POST', '/v1/api-keys', tenant.authorization, { name: 'reader', scopes: ['read'] });
      assert.equal(created.status, 201);
      const reader = (await created.json()) as { id: string; key: string; prefix: string; scopes: string[] };
      assert.match(reader.key, /^tern_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      assert.ok(reader.key.startsWith(reader.prefix));
      const listed = (await (await call(api, 'GET', '/v1/api-keys', tenant.authorization)).json()) as { keys: Record<string, unknown>[] };
      assert.equal(listed.keys.length, 1);
      assert.ok(!JSON.stringify(listed).includes(reader.key), 'the key text is never shown again');

      const sender = (await (await call(api, 'POST', '/v1/api-keys', tenant.authorization, { name: 'sender', scopes: ['send'] })).json()) as {
        key: string;
      };
      const sent = await call(api, 'POST', '/v1/messages', bearer(sender.key), sendBody());
      assert.equal(sent.status, 202);
      const id = ((await sent.json()) as { messages: { id: string }[] }).messages[0]!.id;

      assert.equal((await call(api, 'GET', `/v1/messages/${id}`, bearer(reader.key))).status, 200);
      const denied = await call(api, 'POST', '/v1/messages', bearer(reader.key), sendBody());
      assert.equal(denied.status, 403);
      assert.equal(((await denied.json()) as { code: string }).code, 'insufficient_scope');
      assert.equal((await call(api, 'GET', `/v1/messages/${id}`, bearer(sender.key))).status, 403);
      assert.equal((await call(api, 'GET', '/v1/api-keys', bearer(sender.key))).status, 403, 'keys cannot manage keys');
    });
  });

  test('a revoked key, an unknown key and a forged secret are refused with 401', async () => {
    const { id, key } = await withApi(async (api) =>
      (await (await call(api, 'POST', '/v1/api-keys', tenant.authorization, { name: 'temp', scopes: ['send', 'read'] })).json()) as {
        id: string;
        key: string;
      },
    );
    await withApi(async (api) => {
      assert.equal((await call(api, 'POST', '/v1/messages', bearer(key), sendBody())).status, 202);
      const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      assert.equal((await call(api, 'POST', '/v1/messages', bearer(forged), sendBody())).status, 401);
      assert.equal((await call(api, 'POST', '/v1/messages', bearer('tern_000000000000_' + 'x'.repeat(43)), sendBody())).status, 401);
      assert.equal((await call(api, 'DELETE', `/v1/api-keys/${id}`, other.authorization)).status, 404, "another app's key is not found");
      const revoked = await call(api, 'DELETE', `/v1/api-keys/${id}`, tenant.authorization);
      assert.equal(revoked.status, 200);
      assert.ok(((await revoked.json()) as { revokedAt: string | null }).revokedAt);
    });
    await withApi(async (api) => {
      const res = await call(api, 'POST', '/v1/messages', bearer(key), sendBody());
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { code: string }).code, 'unauthorized');
    });
  });

  test('bad key requests are refused with a clear code and write nothing', async () => {
    await withApi(async (api) => {
      for (const body of [{ name: 'x', scopes: [] }, { name: 'x', scopes: ['admin'] }, { scopes: ['read'] }]) {
        const res = await call(api, 'POST', '/v1/api-keys', tenant.authorization, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(((await res.json()) as { code: string }).code, 'invalid_request');
      }
      const keys = (await (await call(api, 'GET', '/v1/api-keys', other.authorization)).json()) as { keys: unknown[] };
      assert.equal(keys.keys.length, 0);
    });
  });
});
