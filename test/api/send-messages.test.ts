import assert from 'node:assert/strict';
import { expect } from 'vitest';
import { type RunningApi } from '../../api/start-api.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTemplate, rotateAppSecret } from '../../db/provisioning.ts';
import { startTestApi } from '../support/api.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { freshMainlandNumber } from '../support/numbers.ts';

describe('POST /v1/messages (accept)', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let other: TestTenant;

  test.beforeAll(async ({ database: d, api: a, tenant: t, otherTenant: o }) => {
    [database, api, tenant, other] = [d, a, t, o];
  });

  const send = (body: unknown, headers: Record<string, string> = {}, who: TestTenant = tenant) =>
    fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: who.authorization, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const countMessages = async () =>
    Number((await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('accepts one message per recipient, renders the text and counts segments', async () => {
    const res = await send({ to: ['+85291234567', '+447911123456'], templateId: tenant.templates.code, params: ['482913'] });
    assert.equal(res.status, 202);
    const body = (await res.json()) as { requestId: string; messages: { id: string; to: string; status: string; segments: number }[] };
    assert.equal(body.messages.length, 2);
    assert.deepEqual(body.messages.map((m) => [m.to, m.status, m.segments]), [
      ['+85291234567', 'accepted', 1],
      ['+447911123456', 'accepted', 1],
    ]);
    const rows = await database.db.selectFrom('messages').selectAll().where('request_id', '=', body.requestId).execute();
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row.body, 'Your code is 482913. It expires in 5 minutes.');
      assert.equal(row.encoding, 'gsm7');
      assert.equal(row.status, 'accepted');
    }
  });

  test('a mainland template sends from the app’s 106 number, an international one from its sender id', async () => {
    const mainland = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'cn', region: 'mainland', type: 'verification', body: '验证码${1}' });
    const cn = (await (await send({ to: ['+8613800138010'], templateId: mainland, params: ['1'] })).json()) as { messages: { id: string }[] };
    const intl = (await (await send({ to: ['+447400123456'], templateId: tenant.templates.code, params: ['1'] })).json()) as { messages: { id: string }[] };
    const senders = await database.db
      .selectFrom('messages')
      .select(['id', 'sender'])
      .where('id', 'in', [cn.messages[0]!.id, intl.messages[0]!.id])
      .execute();
    const app = await database.db.selectFrom('apps').select('mainland_extension').where('id', '=', tenant.appId).executeTakeFirstOrThrow();
    assert.equal(senders.find((r) => r.id === cn.messages[0]!.id)?.sender, `10690000${app.mainland_extension}`);
    assert.equal(senders.find((r) => r.id === intl.messages[0]!.id)?.sender, 'TERN');
  });

  test('a template goes only to numbers of its region: each other number is refused alone, all of them with 400', async () => {
    const mixed = await send({ to: ['+447400123456', '+8613800138020'], templateId: tenant.templates.code, params: ['1'] });
    expect(mixed.status).toBe(202);
    const body = (await mixed.json()) as { messages: { to: string; status: string; error?: { code: string } }[] };
    expect(body.messages.map((m) => [m.to, m.error?.code ?? m.status])).toEqual([
      ['+447400123456', 'accepted'],
      ['+8613800138020', 'template_region_mismatch'],
    ]);
    const before = await countMessages();
    const abroad = await send({ to: ['+447400123457'], templateId: tenant.templates.mainlandCode, params: ['1'] });
    expect(abroad.status).toBe(422);
    expect(await abroad.json()).toMatchObject({ code: 'template_region_mismatch' });
    expect(await countMessages()).toBe(before);
  });

  test('UCS-2 and multi-part texts get the right segment counts', async () => {
    const chinese = await send({ to: ['+85291380001'], templateId: tenant.templates.chinese, params: ['123456'] });
    const long = await send({ to: ['+447400138001'], templateId: tenant.templates.long, params: ['A-1'] });
    const c = (await chinese.json()) as { messages: { id: string; segments: number }[] };
    const l = (await long.json()) as { messages: { id: string; segments: number }[] };
    assert.equal(c.messages[0]?.segments, 1);
    // 15 × 20 + 28 = 328 GSM-7 characters → 3 parts of at most 153.
    assert.equal(l.messages[0]?.segments, 3);
    const row = await database.db.selectFrom('messages').select('encoding').where('id', '=', c.messages[0]!.id).executeTakeFirstOrThrow();
    assert.equal(row.encoding, 'ucs2');
  });

  test('an invalid number inside a good batch is refused alone; duplicates are sent once', async () => {
    const res = await send({ to: ['+8613800138002', '+123', '+8613800138002'], templateId: tenant.templates.mainlandCode, params: ['1'] });
    assert.equal(res.status, 202);
    const body = (await res.json()) as { messages: { to: string; status: string; error?: { code: string } }[] };
    assert.equal(body.messages.length, 2);
    assert.equal(body.messages.find((m) => m.to === '+123')?.error?.code, 'invalid_number');
    assert.equal(body.messages.filter((m) => m.status === 'accepted').length, 1);
  });

  test('a repeated Idempotency-Key returns the first answer and inserts nothing', async () => {
    const payload = { to: ['+8613800138003'], templateId: tenant.templates.mainlandCode, params: ['777777'] };
    const first = await send(payload, { 'idempotency-key': 'order-42' });
    const before = await countMessages();
    const again = await send(payload, { 'idempotency-key': 'order-42' });
    assert.equal(again.status, 202);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(await countMessages(), before);
    const different = await send({ ...payload, params: ['111111'] }, { 'idempotency-key': 'order-42' });
    assert.equal(different.status, 422);
    assert.equal(((await different.json()) as { code: string }).code, 'idempotency_key_reused');
  });

  test('concurrent requests with one Idempotency-Key insert once', async () => {
    const payload = { to: ['+8613800138004'], templateId: tenant.templates.mainlandCode, params: ['5'] };
    const before = await countMessages();
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(payload, { 'idempotency-key': 'race-1' })));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    assert.deepEqual(answers.map((a) => a.status), answers.map(() => 202), JSON.stringify(bodies));
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
    assert.equal(await countMessages(), before + 1);
  });

  const badInput: [string, unknown, Record<string, string>, number, string][] = [
    ['malformed JSON', '{"to": [', {}, 400, 'malformed_json'],
    ['unknown template', { to: ['+8613800138000'], templateId: 'nope', params: [] }, {}, 404, 'template_not_found'],
    ['missing params', { to: ['+8613800138000'], templateId: 'T', params: [] }, {}, 422, 'params_missing'],
    ['extra params', { to: ['+8613800138000'], templateId: 'T', params: ['1', '2'] }, {}, 422, 'params_extra'],
    ['no recipients', { to: [], templateId: 'T', params: ['1'] }, {}, 400, 'invalid_request'],
    ['1,001 recipients', { to: Array.from({ length: 1001 }, (_, i) => `+86138${String(i).padStart(8, '0')}`), templateId: 'T', params: ['1'] }, {}, 400, 'invalid_request'],
    ['only invalid numbers', { to: ['+86abc'], templateId: 'T', params: ['1'] }, {}, 422, 'invalid_number'],
    ['sendAt in the past', { to: ['+8613800138000'], templateId: 'T', params: ['1'], sendAt: '2020-01-01T00:00:00Z' }, {}, 422, 'send_at_in_past'],
    ['unknown field', { to: ['+8613800138000'], templateId: 'T', params: ['1'], colour: 'red' }, {}, 400, 'invalid_request'],
    ['bad callback URL', { to: ['+8613800138000'], templateId: 'T', params: ['1'], callbackUrl: 'ftp://x' }, {}, 400, 'invalid_request'],
    ['wrong secret', { to: ['+8613800138000'], templateId: 'T', params: ['1'] }, { authorization: 'Basic ' + Buffer.from('k:wrong').toString('base64') }, 401, 'unauthorized'],
    ['no credentials', { to: ['+8613800138000'], templateId: 'T', params: ['1'] }, { authorization: '' }, 401, 'unauthorized'],
  ];
  for (const [name, body, headers, status, code] of badInput) {
    test(`bad input: ${name} → ${status} ${code}, nothing written`, async () => {
      const before = await countMessages();
      const resolved = typeof body === 'object' && body && 'templateId' in body && body.templateId === 'T'
        ? { ...body, templateId: tenant.templates.code }
        : body;
      const res = await send(resolved, headers);
      assert.equal(res.status, status);
      const err = (await res.json()) as { code: string; message: string };
      assert.equal(err.code, code);
      assert.ok(err.message.length > 5, 'a readable message');
      assert.equal(await countMessages(), before);
    });
  }

  test('a rotated secret: the new one works at once, the old one only during the grace period', async () => {
    const rotating = await createTestTenant(database.db, { name: 'Rotating Co' });
    // A fresh API per step: the API caches app rows for a few seconds.
    const statusWith = async (secret: string) => {
      const fresh = await startTestApi(database);
      try {
        const res = await fetch(`${fresh.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Basic ' + Buffer.from(`${rotating.appKey}:${secret}`).toString('base64') },
          body: JSON.stringify({ to: [freshMainlandNumber()], templateId: rotating.templates.mainlandCode, params: ['1'] }),
        });
        return res.status;
      } finally {
        await fresh.stop();
      }
    };
    const withGrace = await rotateAppSecret(database.db, testSecrets, rotating.appId, 60_000);
    assert.equal(await statusWith(withGrace), 202, 'the new secret at once');
    assert.equal(await statusWith(rotating.appSecret), 202, 'the old secret during the grace period');
    const noGrace = await rotateAppSecret(database.db, testSecrets, rotating.appId, 0);
    assert.equal(await statusWith(noGrace), 202);
    assert.equal(await statusWith(withGrace), 401, 'a rotation without grace ends the previous secret at once');
    assert.equal(await statusWith(rotating.appSecret), 401);
    const stored = await database.db.selectFrom('apps').select('secret_sealed').where('id', '=', rotating.appId).executeTakeFirstOrThrow();
    assert.ok(stored.secret_sealed && !stored.secret_sealed.includes(noGrace), 'stored sealed, never in plain text');
  });

  test('an app over its request rate gets 429 with Retry-After, and nothing is written', async () => {
    const slow = await createTestTenant(database.db, { name: 'Slow Co' });
    await database.db.updateTable('apps').set({ requests_per_second: 1 }).where('id', '=', slow.appId).execute();
    const limited = await startTestApi(database);
    try {
      const post = () =>
        fetch(`${limited.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: slow.authorization },
          body: JSON.stringify({ to: ['+8613800138008'], templateId: slow.templates.mainlandCode, params: ['1'] }),
        });
      const before = await countMessages();
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await post());
      assert.deepEqual(statuses.map((r) => r.status), [202, 202, 429, 429], 'a burst of two, then refused');
      const refused = statuses[2]!;
      assert.equal(((await refused.json()) as { code: string }).code, 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal(await countMessages(), before + 2);
    } finally {
      await limited.stop();
    }
  });

  test('a wrong secret for a real app key is refused like an unknown key', async () => {
    const res = await send({ to: ['+8613800138000'], templateId: tenant.templates.mainlandCode, params: ['1'] }, {
      authorization: 'Basic ' + Buffer.from(`${tenant.appKey}:not-it`).toString('base64'),
    });
    assert.equal(res.status, 401);
  });

  test("another tenant's template and messages are invisible", async () => {
    const mine = (await (await send({ to: ['+8613800138005'], templateId: tenant.templates.mainlandCode, params: ['1'] })).json()) as {
      messages: { id: string }[];
    };
    const foreign = await send({ to: ['+8613800138005'], templateId: tenant.templates.mainlandCode, params: ['1'] }, {}, other);
    assert.equal(foreign.status, 404);
    const peek = await fetch(`${api.url}/v1/messages/${mine.messages[0]!.id}`, { headers: { authorization: other.authorization } });
    assert.equal(peek.status, 404);
    assert.equal(((await peek.json()) as { code: string }).code, 'message_not_found');
  });

  test('GET /v1/messages/{id} shows status and timeline; health endpoints answer', async () => {
    const sent = (await (await send({ to: ['+447400138006'], templateId: tenant.templates.code, params: ['9'] })).json()) as {
      messages: { id: string }[];
    };
    const res = await fetch(`${api.url}/v1/messages/${sent.messages[0]!.id}`, { headers: { authorization: tenant.authorization } });
    assert.equal(res.status, 200);
    const message = (await res.json()) as { status: string; text: string; timeline: { event: string }[] };
    assert.equal(message.status, 'accepted');
    assert.equal(message.text, 'Your code is 9. It expires in 5 minutes.');
    assert.deepEqual(message.timeline.map((e) => e.event), ['accepted']);
    assert.equal((await fetch(`${api.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${api.url}/readyz`)).status, 200);
    const openapi = (await (await fetch(`${api.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/v1/messages']);
  });

  test('an oversized body is refused with 413', async () => {
    const res = await send(JSON.stringify({ to: ['+8613800138000'], templateId: 'x'.repeat(300_000), params: [] }));
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { code: string }).code, 'payload_too_large');
  });
});
