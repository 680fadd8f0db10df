import assert from 'node:assert/strict';
import { type RunningApi } from '../../api/start-api.ts';
import { createOperator } from '../../db/operators.ts';
import { routingVersion } from '../../db/routing-config.ts';
import { defaultSmppSettings } from '../../domain/smpp-settings.ts';
import { callApi } from '../support/http.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTestTenant } from '../support/tenant.ts';

describe('routing configuration through /v1/admin: carriers, routes, ported numbers (real HTTP, real Postgres)', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let admin: string;
  let operator: string;
  let reviewer: string;
  const bind = { host: '127.0.0.1', port: 2775, systemId: 'tern', password: 's3cret' };
  const call = (method: string, path: string, auth: string, body?: unknown) => callApi(api.url, method, path, auth, body);
  const count = async (table: 'carriers' | 'routes' | 'ported_numbers') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const postCsv = (csv: string, type = 'text/csv') =>
    fetch(`${api.url}/v1/admin/ported-numbers`, { method: 'POST', headers: { authorization: operator, 'content-type': type }, body: csv }).then(
      async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }),
    );

  test.beforeAll(async ({ database: d, api: a }) => {
    [database, api] = [d, a];
    admin = `Bearer ${(await createOperator(database.db, 'ada', 'admin')).token}`;
    operator = `Bearer ${(await createOperator(database.db, 'otto', 'operator')).token}`;
    reviewer = `Bearer ${(await createOperator(database.db, 'rita', 'reviewer')).token}`;
  });

  test('a carrier is created with its binds; the password is sealed and never shown; each change bumps the routing version', async () => {
    const before = await routingVersion(database.db);
    const created = await call('POST', '/v1/admin/carriers', admin, { id: 'cmcc', name: 'China Mobile', binds: [bind, { ...bind, port: 2776, window: 20, throughput: 100 }] });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.binds, [
      { position: 1, host: '127.0.0.1', port: 2775, systemId: 'tern', window: 50, throughput: null, owner: null, sessions: [] },
      { position: 2, host: '127.0.0.1', port: 2776, systemId: 'tern', window: 20, throughput: 100, owner: null, sessions: [] },
    ]);
    assert.equal(created.body.state, 'active');
    assert.ok(!JSON.stringify(created.body).includes('s3cret'));
    const stored = await database.db.selectFrom('carrier_binds').select('password_sealed').where('carrier_id', '=', 'cmcc').execute();
    assert.equal(stored.length, 2);
    for (const row of stored) {
      assert.ok(!row.password_sealed.includes('s3cret'));
      assert.equal(testSecrets.open(row.password_sealed), 's3cret');
    }
    assert.equal(await routingVersion(database.db), before + 1);

    const drained = await call('PATCH', '/v1/admin/carriers/cmcc', admin, { state: 'draining', binds: [bind] });
    assert.equal(drained.status, 200);
    assert.equal(drained.body.state, 'draining');
    assert.equal((drained.body.binds as unknown[]).length, 1);
    assert.equal(await routingVersion(database.db), before + 2);
    // Operators watch the carriers; only admins change them.
    assert.equal((await call('GET', '/v1/admin/carriers/cmcc', operator)).status, 200);
    assert.equal((await call('PATCH', '/v1/admin/carriers/cmcc', operator, { state: 'active' })).status, 403);
    assert.equal((await call('GET', '/v1/admin/carriers', admin)).status, 200);
  });

  test('bad carriers are refused with a code and change nothing', async () => {
    const carriers = await count('carriers');
    const version = await routingVersion(database.db);
    const cases: [unknown, number, string][] = [
      [{ id: 'cmcc', name: 'again', binds: [bind] }, 409, 'carrier_exists'],
      [{ id: 'Bad Id', name: 'x', binds: [bind] }, 400, 'invalid_request'],
      [{ id: 'x1', name: 'x', binds: [] }, 400, 'invalid_request'],
      [{ id: 'x1', name: 'x', binds: [{ ...bind, port: 70000 }] }, 400, 'invalid_request'],
      [{ id: 'x1', name: 'x', binds: [{ ...bind, password: 'longer-than-8' }] }, 400, 'invalid_request'],
      [{ id: 'x1', name: 'x', binds: [{ ...bind, host: 'smsc example' }] }, 400, 'invalid_request'],
      [{ id: 'x1', name: 'x', binds: [{ ...bind, throughput: 0 }] }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call('POST', '/v1/admin/carriers', admin, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.code, code);
    }
    assert.equal((await call('PATCH', '/v1/admin/carriers/nope', admin, { state: 'off' })).body.code, 'carrier_not_found');
    assert.equal((await call('PATCH', '/v1/admin/carriers/cmcc', admin, {})).status, 422, 'a rule across fields: name, state or binds');
    assert.equal((await call('POST', '/v1/admin/carriers', operator, { id: 'x2', name: 'x', binds: [bind] })).body.code, 'insufficient_role');
    assert.equal(await count('carriers'), carriers);
    assert.equal(await routingVersion(database.db), version);
  });

  test("a carrier's SMPP settings: shown with their defaults, replaced whole on a change, refused when bad with nothing changed", async () => {
    const created = await call('POST', '/v1/admin/carriers', admin, { id: 'smppset', name: 'settings', binds: [bind] });
    assert.deepEqual(created.body.smpp, defaultSmppSettings);
    const smpp = {
      bindMode: 'transmitter-receiver',
      systemType: 'VMA',
      addressRange: '^1069',
      addresses: { alphanumericSource: { ton: 5, npi: 0 }, destination: { ton: 1, npi: 1 } },
      defaultDataCoding: 3,
      concatenation: 'sar',
      validityMinutes: 1440,
      enquireLinkSeconds: 60,
      responseTimeoutSeconds: 20,
      tls: { serverName: 'smsc.example.net' },
    };
    const changed = await call('PATCH', '/v1/admin/carriers/smppset', admin, { smpp });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.smpp, smpp);
    const partly = await call('PATCH', '/v1/admin/carriers/smppset', admin, { smpp: { concatenation: 'payload' } });
    assert.equal((partly.body.smpp as { concatenation: string }).concatenation, 'payload');
    assert.equal((partly.body.smpp as { bindMode: string }).bindMode, 'transceiver', 'what a change leaves out goes back to its default');

    const version = await routingVersion(database.db);
    const cases: [unknown, number, string][] = [
      [{ defaultDataCoding: 2 }, 400, 'invalid_request'],
      [{ addresses: { destination: { ton: 7, npi: 1 } } }, 400, 'invalid_request'],
      [{ addresses: { destination: { ton: 1, npi: 2 } } }, 400, 'invalid_request'],
      [{ concatenation: 'udh16' }, 400, 'invalid_request'],
      [{ systemType: 'way-too-long-type' }, 400, 'invalid_request'],
      [{ validityMinutes: 0 }, 400, 'invalid_request'],
      [{ unknownSetting: true }, 400, 'invalid_request'],
      [{ tls: { caPem: 'not a certificate' } }, 400, 'invalid_request'],
      [{ tls: { caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' } }, 422, 'tls_certificate_invalid'],
    ];
    for (const [settings, status, code] of cases) {
      const res = await call('PATCH', '/v1/admin/carriers/smppset', admin, { smpp: settings });
      assert.equal(res.status, status, JSON.stringify(settings));
      assert.equal(res.body.code, code);
    }
    assert.equal(await routingVersion(database.db), version);
    assert.equal(((await call('GET', '/v1/admin/carriers/smppset', admin)).body.smpp as { concatenation: string }).concatenation, 'payload');
  });

  test('routes: added, checked against carriers and countries, replaced whole, removed', async () => {
    await call('PATCH', '/v1/admin/carriers/cmcc', admin, { state: 'active' });
    for (const id of ['ctcc', 'intl-a', 'intl-b']) assert.equal((await call('POST', '/v1/admin/carriers', admin, { id, name: id, binds: [bind] })).status, 201);
    const added = await call('POST', '/v1/admin/routes', admin, { country: 'CN', network: 'cmcc', carrierId: 'cmcc' });
    assert.equal(added.status, 201);
    assert.equal(added.body.priority, 1);
    const refused: [unknown, number, string][] = [
      [{ country: 'CN', network: 'cmcc', carrierId: 'cmcc' }, 409, 'route_exists'],
      [{ country: 'GB', carrierId: 'nope' }, 422, 'carrier_not_found'],
      // Rules beyond the document's schema (across fields, or the country list) are 422s; its patterns, 400s.
      [{ country: 'GB', network: 'cmcc', carrierId: 'intl-a' }, 422, 'invalid_request'],
      [{ country: 'GB', prefix: '337', carrierId: 'intl-a' }, 422, 'invalid_request'],
      [{ country: 'XX', carrierId: 'intl-a' }, 422, 'invalid_request'],
      [{ country: 'gb', carrierId: 'intl-a' }, 400, 'invalid_request'],
      [{ country: '*', carrierId: 'intl-a', priority: 0 }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of refused) {
      const res = await call('POST', '/v1/admin/routes', admin, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.code, code, JSON.stringify(res.body));
    }
    assert.equal(await count('routes'), 1);

    const table = [
      { country: 'CN', network: 'cmcc', carrierId: 'cmcc' },
      { country: 'CN', network: 'ctcc', carrierId: 'ctcc' },
      { country: 'GB', prefix: '4479', carrierId: 'intl-b' },
      { country: '*', carrierId: 'intl-a', priority: 1 },
      { country: '*', carrierId: 'intl-b', priority: 2 },
    ];
    const unknown = await call('PUT', '/v1/admin/routes', admin, { routes: [...table, { country: 'US', carrierId: 'ghost' }] });
    assert.equal(unknown.status, 422);
    const repeated = await call('PUT', '/v1/admin/routes', admin, { routes: [...table, { country: '*', carrierId: 'intl-b', priority: 7 }] });
    assert.equal(repeated.status, 422);
    assert.equal(repeated.body.code, 'route_duplicate');
    assert.match(String(repeated.body.message), /routes\.5 repeats/);
    assert.equal(await count('routes'), 1);
    const replaced = await call('PUT', '/v1/admin/routes', admin, { routes: table });
    assert.equal(replaced.status, 200);
    assert.equal((replaced.body.routes as unknown[]).length, 5);
    const listed = await call('GET', '/v1/admin/routes', operator);
    assert.equal((listed.body.routes as unknown[]).length, 5);

    const lookup = async (number: string) =>
      (await call('GET', `/v1/admin/routes/lookup/${encodeURIComponent(number)}`, operator)).body as { carriers: { id: string; state: string }[] };
    assert.deepEqual(await lookup('+8613800138000'), {
      number: '+8613800138000',
      country: 'CN',
      network: 'cmcc',
      networkSource: 'prefix',
      // Mainland traffic stays on mainland routes: the catch-alls do not take it.
      carriers: [{ id: 'cmcc', state: 'active' }],
    });
    assert.deepEqual((await lookup('+447912345678')).carriers, [{ id: 'intl-b', state: 'active' }, { id: 'intl-a', state: 'active' }]);
    // A draining carrier gets no new traffic.
    await call('PATCH', '/v1/admin/carriers/intl-a', admin, { state: 'draining' });
    assert.deepEqual((await lookup('+12025550123')).carriers, [{ id: 'intl-b', state: 'active' }]);
    await call('PATCH', '/v1/admin/carriers/intl-a', admin, { state: 'active' });

    const id = (listed.body.routes as { id: string; carrierId: string; country: string }[]).find((r) => r.country === 'GB')?.id ?? '';
    assert.equal((await call('DELETE', `/v1/admin/routes/${id}`, admin)).status, 200);
    assert.equal((await call('DELETE', `/v1/admin/routes/${id}`, admin)).body.code, 'route_not_found');
    assert.deepEqual((await lookup('+447912345678')).carriers.map((c) => c.id), ['intl-a', 'intl-b']);
    assert.equal((await call('DELETE', `/v1/admin/routes/${id}`, operator)).body.code, 'insufficient_role');
    assert.equal((await call('GET', '/v1/admin/routes', reviewer)).body.code, 'insufficient_role');
  });

  test('route edits happen one at a time: two tables put at once leave one of them, never a mix', async () => {
    const tableA = [{ country: '*', carrierId: 'intl-a' }, { country: 'GB', carrierId: 'intl-a' }, { country: 'US', carrierId: 'intl-a' }];
    const tableB = [{ country: '*', carrierId: 'intl-b' }, { country: 'FR', carrierId: 'intl-b' }];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        call('PUT', '/v1/admin/routes', admin, { routes: tableA }),
        call('PUT', '/v1/admin/routes', admin, { routes: tableB }),
        call('POST', '/v1/admin/routes', admin, { country: 'DE', carrierId: 'intl-a' }),
      ]);
      assert.deepEqual(answers.slice(0, 2).map((a) => a.status), [200, 200]);
      assert.ok([201, 409].includes(answers[2]?.status ?? 0));
      const carriers = new Set((await database.db.selectFrom('routes').select('carrier_id').where('country', '<>', 'DE').execute()).map((r) => r.carrier_id));
      assert.equal(carriers.size, 1, `a mix of both tables: ${[...carriers].join(', ')}`);
    }
    await call('PUT', '/v1/admin/routes', admin, { routes: [{ country: 'CN', network: 'ctcc', carrierId: 'ctcc' }, { country: '*', carrierId: 'intl-a' }] });
  });

  test('a ported-numbers list overrides the prefix; one bad line refuses the whole list', async () => {
    const version = await routingVersion(database.db);
    const bad = await postCsv('number,network\n+8613800138000,ctcc\n+8613800138001,vodafone\n+447912345678,cmcc\n');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'ported_list_invalid');
    assert.deepEqual((bad.body.details as { errors: { line: number }[] }).errors.map((e) => e.line), [3, 4]);
    assert.equal(await count('ported_numbers'), 0);
    assert.equal(await routingVersion(database.db), version);
    assert.equal((await postCsv('+8613800138000,ctcc', 'application/json')).status, 415);

    const good = await postCsv('number,network\n+8613800138000,ctcc\n13800138001,电信\n');
    assert.deepEqual(good, { status: 200, body: { listed: 2, changed: 2 } });
    assert.deepEqual((await postCsv('+8613800138000,ctcc\n')).body, { listed: 1, changed: 0 });
    assert.equal(await routingVersion(database.db), version + 2);
    const lookup = (await call('GET', '/v1/admin/routes/lookup/%2B8613800138000', operator)).body;
    assert.equal(lookup.network, 'ctcc');
    assert.equal(lookup.networkSource, 'ported');
    assert.deepEqual((lookup.carriers as { id: string }[]).map((c) => c.id), ['ctcc']);

    assert.equal((await call('GET', '/v1/admin/ported-numbers/%2B8613800138001', operator)).body.network, 'ctcc');
    assert.equal((await call('DELETE', '/v1/admin/ported-numbers/%2B8613800138000', operator)).status, 200);
    assert.equal((await call('GET', '/v1/admin/ported-numbers/%2B8613800138000', operator)).body.code, 'number_not_ported');
    assert.equal((await call('GET', '/v1/admin/routes/lookup/%2B8613800138000', operator)).body.networkSource, 'prefix');
  });

  test('tenants cannot reach the routing configuration', async () => {
    const tenant = await createTestTenant(database.db);
    assert.equal((await call('GET', '/v1/admin/carriers', tenant.authorization)).status, 401);
    assert.equal((await call('GET', '/v1/admin/routes', tenant.authorization)).status, 401);
  });
});
