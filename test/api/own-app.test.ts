import { expect } from 'vitest';
import { createApiKey } from '../../db/api-keys.ts';
import { createOperator } from '../../db/operators.ts';
import { describe, test } from '../support/fixtures.ts';

describe('a tenant’s own app: /v1/app', () => {
  test('read with any credentials; URLs and secrets changed with the app secret only, each in the tenant’s audit log by who', async ({ database, api, tenant }) => {
    const call = async (authorization: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api.url}${path}`, { method, headers: { authorization, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const { key } = await createApiKey(database.db, tenant.appId, 'reader', ['read', 'send']);
    const bearer = `Bearer ${key}`;

    const own = await call(bearer, 'GET', '/v1/app');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: tenant.appId, appKey: tenant.appKey, from: tenant.from, mainlandFrom: tenant.mainlandFrom });
    expect(JSON.stringify(own.body)).not.toContain(tenant.appSecret);

    // An API key may not change what only the app secret may.
    expect((await call(bearer, 'PATCH', '/v1/app', { callbackUrl: 'http://127.0.0.1:9/reports' })).body.code).toBe('insufficient_scope');
    expect((await call(bearer, 'POST', '/v1/app/secret', { graceSeconds: 0 })).body.code).toBe('insufficient_scope');
    // Operators' settings are not the tenant's to change; a URL to a private address is refused.
    expect((await call(tenant.authorization, 'PATCH', '/v1/app', { senderId: 'MINE' })).status).toBe(400);
    expect((await call(tenant.authorization, 'PATCH', '/v1/app', { callbackUrl: 'http://10.0.0.1/reports' })).status).toBe(422);

    const changed = await call(tenant.authorization, 'PATCH', '/v1/app', { callbackUrl: 'http://127.0.0.1:9/reports', uplinkUrl: null });
    expect(changed.body).toMatchObject({ callbackUrl: 'http://127.0.0.1:9/reports', uplinkUrl: null });

    // A rotation: the new secret works within the API's 5 s cache of apps, the old one for the grace period.
    const rotated = await call(tenant.authorization, 'POST', '/v1/app/secret', { graceSeconds: 3600 });
    expect(rotated.status).toBe(200);
    const fresh = `Basic ${Buffer.from(`${tenant.appKey}:${String(rotated.body.appSecret)}`).toString('base64')}`;
    await expect.poll(async () => (await call(fresh, 'GET', '/v1/app')).status, { timeout: 10_000, interval: 500 }).toBe(200);
    expect((await call(tenant.authorization, 'GET', '/v1/app')).status).toBe(200);
    const signing = await call(fresh, 'POST', '/v1/app/signing-secret', { graceSeconds: 0 });
    expect(String(signing.body.signingSecret)).toMatch(/^whsec_/);

    const audit = await call(bearer, 'GET', '/v1/audit-log');
    const entries = audit.body.entries as { actorKind: string; actorName: string; action: string; details: { fields: Record<string, unknown> } }[];
    expect(entries.map((e) => [e.actorKind, e.action])).toEqual([
      ['app', 'POST /v1/app/signing-secret'],
      ['app', 'POST /v1/app/secret'],
      ['app', 'PATCH /v1/app'],
    ]);
    expect(entries[0]?.actorName).toBe(tenant.appKey);
    expect(entries[2]?.details.fields).toEqual({ callbackUrl: 'http://127.0.0.1:9/reports', uplinkUrl: null });
    // The platform's log holds them too, for this tenant; another tenant's log does not.
    const admin = await createOperator(database.db, 'auditor', 'admin');
    const platform = await call(`Bearer ${admin.token}`, 'GET', `/v1/admin/audit-log?tenantId=${tenant.tenantId}`);
    expect((platform.body.entries as unknown[]).length).toBe(3);
    // An API key's own change is recorded as the key.
    await call(bearer, 'PUT', '/v1/statistics/time-zone', { timeZone: 'Asia/Tokyo' });
    const latest = ((await call(bearer, 'GET', '/v1/audit-log?limit=1')).body.entries as { actorKind: string; actorName: string }[])[0];
    expect(latest).toMatchObject({ actorKind: 'api_key', actorName: expect.stringMatching(/^tern_[0-9a-f]{12}$/) });
  });
});
