import { expect } from 'vitest';
import { createOperator } from '../../db/operators.ts';
import { describe, test } from '../support/fixtures.ts';

describe('the audit log', () => {
  test('every change made through /v1/admin is recorded with who, what and when, secrets redacted; reads are not; admins read it', async ({ database, api, tenant }) => {
    const admin = await createOperator(database.db, 'ada', 'admin');
    const operator = await createOperator(database.db, 'otto', 'operator');
    const call = (token: string, method: string, path: string, body?: unknown) =>
      fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

    expect((await call(operator.token, 'POST', '/v1/admin/blocklist', { numbers: ['+8613800990001'], source: 'complaint', reason: 'Complained twice.' })).status).toBe(200);
    expect((await call(admin.token, 'POST', '/v1/admin/carriers', { id: 'audited', name: 'Audited', binds: [{ host: '127.0.0.1', port: 2775, systemId: 'tern', password: 'hunter22' }] })).status).toBe(201);
    expect((await call(operator.token, 'GET', '/v1/admin/tenants')).status).toBe(200);
    expect((await call(operator.token, 'DELETE', '/v1/admin/blocklist/%2B8613800990009')).status).toBe(404);
    expect((await call(admin.token, 'POST', `/v1/admin/apps/${tenant.appId}/signing-secret`, { graceSeconds: 0 })).status).toBe(200);

    expect((await call(operator.token, 'GET', '/v1/admin/audit-log')).status, 'admins only').toBe(403);
    const res = await call(admin.token, 'GET', '/v1/admin/audit-log?limit=10');
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: { actorName: string; action: string; path: string; status: number; details: { fields: unknown; params: unknown }; requestId: string | null }[] };
    expect(entries.map((e) => [e.actorName, e.action, e.status])).toEqual([
      ['ada', 'POST /v1/admin/apps/{id}/signing-secret', 200],
      ['ada', 'POST /v1/admin/carriers', 201],
      ['otto', 'POST /v1/admin/blocklist', 200],
    ]);
    expect(entries[2]?.details.fields).toEqual({ numbers: ['+8613800990001'], source: 'complaint', reason: 'Complained twice.' });
    expect(entries[0]?.details.params).toEqual({ id: tenant.appId });
    expect(JSON.stringify(entries)).not.toContain('hunter22');
    expect(JSON.stringify(entries[1]?.details)).toContain('[redacted]');
    expect(entries[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    // A body with a field the operation ignores, holding a NUL (which Postgres cannot store in a jsonb): the change
    // is recorded still, the NUL written as its escape.
    const carrier = { id: 'audited-2', name: 'Audited 2', binds: [{ host: '127.0.0.1', port: 2775, systemId: 'tern', password: 'hunter22' }] };
    expect((await call(admin.token, 'POST', '/v1/admin/carriers', { ...carrier, comment: 'a\u0000b' })).status).toBe(201);
    const [latest] = ((await (await call(admin.token, 'GET', '/v1/admin/audit-log?limit=1')).json()) as { entries: { action: string; details: { fields: Record<string, unknown> } }[] }).entries;
    expect(latest?.action).toBe('POST /v1/admin/carriers');
    expect(latest?.details.fields.comment).toBe('a\\u0000b');
  });
});
