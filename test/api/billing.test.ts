import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { recordDispatch, emptyDispatchOutcome } from '../../db/dispatch-queue.ts';
import { checkLedger } from '../../db/ledger-check.ts';
import { createOperator } from '../../db/operators.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { systemTenantId } from '../../domain/system-tenant.ts';
import { billingCheck } from '../../worker/billing-monitor.ts';
import { callApi } from '../support/http.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { compatibleClient } from '../support/wsse-client.ts';

interface Sent {
  messages: { id?: string; to: string; status: string; segments?: number; error?: { code: string } }[];
}
interface LedgerEntry {
  id: number;
  kind: string;
  messageId: string;
  packageId: string | null;
  scope: string;
  country: string;
  segments: number;
  amount: number;
  priceVersion: number;
}

let nextNumber = 1000;
/** A US mobile (price 30 fen a segment in the default table) not used before in this file. */
const usNumber = () => `+1415555${String(nextNumber++).padStart(4, '0')}`;

describe('billing: packages, pay per use, mode 2, refunds, alarms (real Postgres, the API over HTTP)', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let clocked: RunningApi;
  let clock = Date.parse('2031-03-01T00:00:00Z');
  let operator: string;

  test.beforeAll(async ({ database: d, api: a }) => {
    [database, api] = [d, a];
    clocked = await startApi({ db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0, now: () => new Date(clock) });
    operator = `Bearer ${(await createOperator(database.db, 'bill', 'operator')).token}`;
  });
  afterAll(async () => clocked?.stop());

  const send = async (tenant: TestTenant, to: string[], templateId = tenant.templates.code, params = ['1234'], url = api.url) =>
    callApi(url, 'POST', '/v1/messages', tenant.authorization, { to, templateId, params }) as unknown as Promise<{ status: number; body: Sent & { code?: string } }>;
  const ledger = async (tenant: TestTenant, query = '') => {
    const res = await callApi(api.url, 'GET', `/v1/ledger?limit=500${query}`, tenant.authorization);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body as { entries: LedgerEntry[] }).entries;
  };
  const grant = async (tenant: TestTenant, body: object) => {
    const res = await callApi(api.url, 'POST', `/v1/admin/tenants/${tenant.tenantId}/packages`, operator, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; remaining: number; expiresAt: string };
  };
  const setMode = async (tenant: TestTenant, mode: 1 | 2) => {
    const res = await callApi(api.url, 'PUT', `/v1/admin/tenants/${tenant.tenantId}/billing-mode`, operator, { mode });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const packages = async (tenant: TestTenant) =>
    ((await callApi(api.url, 'GET', '/v1/packages', tenant.authorization)).body as { packages: { id: string; used: number; remaining: number; state: string }[] }).packages;
  const accepted = (sent: Sent) => sent.messages.filter((m) => m.status === 'accepted');
  /** Ledger rows summed per package (a package's segments are kept in shards, a row each), in their order. */
  const perPackage = (rows: LedgerEntry[]) => {
    const sums = new Map<string | null, [string | null, number, number]>();
    for (const r of rows) {
      const sum = sums.get(r.packageId) ?? [r.packageId, 0, 0];
      sums.set(r.packageId, [r.packageId, sum[1] + r.segments, sum[2] + r.amount]);
    }
    return [...sums.values()];
  };
  const assertLedgerHolds = async () => assert.deepEqual((await checkLedger(database.db)).problems, []);

  test('mode 1 without packages: each message is charged per use, its segments at its country’s price (GSM-7, UCS-2, long texts, signatures)', async ({ tenant }) => {
    const us = usNumber();
    const german = '+4915112345678';
    const short = await send(tenant, [us, german]);
    assert.equal(short.status, 202, JSON.stringify(short.body));
    // 'Dear customer, ' × 20 and 'your order A1 has shipped.': 326 GSM-7 characters, three parts of 153.
    const long = await send(tenant, [usNumber()], tenant.templates.long, ['A1']);
    // 80 Chinese characters and the signature 【Tern测试】: 88 UCS-2 units, two parts of 67.
    const chineseLong = await createTemplate(database.db, {
      tenantId: tenant.tenantId,
      name: 'long chinese',
      region: 'mainland',
      type: 'notification',
      body: '尊敬的客户，' + '您的订单已发货，'.repeat(9) + '${1}',
    });
    const mainland = await send(tenant, ['+8613900001111'], chineseLong, ['12']);
    const rows = await ledger(tenant);
    const charge = (id: string | undefined) => rows.filter((r) => r.messageId === id && r.kind === 'charge');
    const [toUs, toGermany] = short.body.messages;
    assert.deepEqual(charge(toUs?.id).map((r) => [r.country, r.segments, r.amount, r.packageId]), [['US', 1, 30, null]]);
    assert.deepEqual(charge(toGermany?.id).map((r) => [r.country, r.segments, r.amount]), [['DE', 1, 45]]);
    assert.deepEqual(charge(long.body.messages[0]?.id).map((r) => [r.segments, r.amount]), [[3, 90]]);
    assert.equal(long.body.messages[0]?.segments, 3);
    assert.deepEqual(charge(mainland.body.messages[0]?.id).map((r) => [r.scope, r.country, r.segments, r.amount]), [['mainland', 'CN', 2, 8]]);
    assert.equal(mainland.body.messages[0]?.segments, 2);

    const month = new Date().toISOString().slice(0, 7);
    const usage = await callApi(api.url, 'GET', `/v1/usage?month=${month}&timeZone=UTC`, tenant.authorization);
    assert.equal(usage.status, 200);
    const totals = (usage.body as { totals: { scope: string; messages: number; payPerUseSegments: number; amount: number }[] }).totals;
    assert.deepEqual(
      totals.map((t) => [t.scope, t.messages, t.payPerUseSegments, t.amount]),
      [
        ['international', 3, 5, 165],
        ['mainland', 1, 2, 8],
      ],
    );
    await assertLedgerHolds();
  });

  test('the package that expires first is consumed first; a message that crosses it takes the rest from the next, then per use', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Order Co' });
    const later = await grant(tenant, { scope: 'international', segments: 3, validDays: 60 });
    const sooner = await grant(tenant, { scope: 'international', segments: 5, validDays: 30 });
    const to = [usNumber(), usNumber(), usNumber()];
    const sent = await send(tenant, to, tenant.templates.long, ['A1']);
    assert.equal(accepted(sent.body).length, 3);
    const rows = (await ledger(tenant)).reverse();
    const byMessage = sent.body.messages.map((m) => perPackage(rows.filter((r) => r.messageId === m.id)));
    assert.deepEqual(byMessage, [
      [[sooner.id, 3, 0]],
      [
        [sooner.id, 2, 0],
        [later.id, 1, 0],
      ],
      [
        [later.id, 2, 0],
        [null, 1, 30],
      ],
    ]);
    assert.deepEqual(
      (await packages(tenant)).map((p) => [p.id, p.used, p.remaining, p.state]),
      [
        [sooner.id, 5, 0, 'used_up'],
        [later.id, 3, 0, 'used_up'],
      ],
    );
    const balance = (await callApi(api.url, 'GET', '/v1/balance', tenant.authorization)).body as { mode: number; scopes: { scope: string; remaining: number }[] };
    assert.equal(balance.mode, 1);
    assert.equal(balance.scopes.find((s) => s.scope === 'international')?.remaining, 0);
    const payPerUse = await ledger(tenant, '&payPerUse=true');
    assert.deepEqual(payPerUse.map((r) => r.segments), [1]);
    await assertLedgerHolds();
  });

  test('mode 2, 50 concurrent batches against 100 segments: exactly 100 accepted and paid for, the rest refused and free; then held', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Prepaid Co' });
    await setMode(tenant, 2);
    const pkg = await grant(tenant, { scope: 'international', segments: 100 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(tenant, Array.from({ length: 5 }, usNumber))));
    const all = answers.flatMap((a) => a.body.messages ?? (a.body as { details?: { messages: Sent['messages'] } }).details?.messages ?? []);
    const ok = all.filter((m) => m.status === 'accepted');
    const refused = all.filter((m) => m.status === 'rejected');
    assert.equal(all.length, 250);
    assert.equal(ok.length, 100);
    assert.ok(refused.every((m) => m.error?.code === 'quota_exhausted'));
    // Requests with nothing accepted are refused whole, as for a suspension.
    for (const a of answers) if (!a.body.messages) assert.deepEqual([a.status, a.body.code], [403, 'quota_exhausted']);
    const charges = await ledger(tenant, '&kind=charge');
    assert.deepEqual(new Set(charges.map((c) => c.messageId)), new Set(ok.map((m) => m.id)));
    assert.ok(charges.every((c) => c.packageId === pkg.id && c.segments === 1 && c.amount === 0));
    const stored = await database.db.selectFrom('messages').select('id').where('tenant_id', '=', tenant.tenantId).execute();
    assert.equal(stored.length, 100, 'refused messages are not stored');
    assert.deepEqual((await packages(tenant)).map((p) => [p.used, p.remaining]), [[100, 0]]);
    const hold = await database.db.selectFrom('billing_holds').selectAll().where('tenant_id', '=', tenant.tenantId).execute();
    assert.equal(hold.length, 1);
    assert.equal(hold[0]?.ended_at, null);

    const later = await send(tenant, [usNumber()]);
    assert.deepEqual([later.status, later.body.code], [403, 'quota_exhausted']);
    const mainland = await send(tenant, ['+8613900002222'], tenant.templates.mainlandCode);
    assert.deepEqual([mainland.status, mainland.body.code], [422, 'billing_mode_international_only']);
    const compatible = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).batchSendSms({
      from: tenant.from,
      to: '+14155559999',
      templateId: tenant.templates.code,
      templateParas: '["1234"]',
    });
    assert.deepEqual([compatible.status, compatible.body.code], [403, 'E000623']);
    const balance = (await callApi(api.url, 'GET', '/v1/balance', tenant.authorization)).body as { hold: unknown };
    assert.ok(balance.hold, 'the balance shows the hold');
    await assertLedgerHolds();
  });

  test('mode 2 holds in order within a request: after the first message its packages cannot cover, a shorter one is refused too', async () => {
    const tenant = await createTestTenant(database.db, { name: 'In Order Co' });
    await setMode(tenant, 2);
    await grant(tenant, { scope: 'international', segments: 3 });
    const [a, b, c] = [usNumber(), usNumber(), usNumber()];
    // 1 segment, then 3 (the long template), then 1: the third would fit in what the second leaves.
    const answer = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).batchSendDiffSms({
      from: tenant.from,
      smsContent: [
        { to: [a], templateId: tenant.templates.code, templateParas: ['1234'] },
        { to: [b], templateId: tenant.templates.long, templateParas: ['A-1'] },
        { to: [c], templateId: tenant.templates.code, templateParas: ['1234'] },
      ],
    });
    assert.equal(answer.status, 200, answer.body.description);
    assert.deepEqual(
      answer.body.result?.map((r) => [r.originTo, r.status === '000000']),
      [
        [a, true],
        [b, false],
        [c, false],
      ],
    );
    const stored = await database.db.selectFrom('messages').select('recipient').where('tenant_id', '=', tenant.tenantId).execute();
    assert.deepEqual(stored.map((m) => m.recipient), [a]);
    assert.deepEqual((await packages(tenant)).map((p) => [p.used, p.remaining]), [[1, 2]]);
    await assertLedgerHolds();
  });

  test('mode 1, 50 concurrent batches against 100 segments: the package is used exactly to zero, the other 150 per use at the price', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Postpaid Co' });
    const pkg = await grant(tenant, { scope: 'international', segments: 100 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => send(tenant, Array.from({ length: 5 }, usNumber))));
    assert.ok(answers.every((a) => a.status === 202));
    const charges = await ledger(tenant, '&kind=charge');
    assert.equal(charges.length, 250);
    const fromPackage = charges.filter((c) => c.packageId === pkg.id);
    const perUse = charges.filter((c) => c.packageId === null);
    assert.equal(fromPackage.reduce((n, c) => n + c.segments, 0), 100);
    assert.equal(perUse.length, 150);
    assert.equal(perUse.reduce((n, c) => n + c.amount, 0), 150 * 30);
    assert.deepEqual((await packages(tenant)).map((p) => [p.used, p.remaining]), [[100, 0]]);
    await assertLedgerHolds();
  });

  test('200 concurrent single sends against 150 segments, in each mode: the shards pay for exactly 150, the rest per use or refused', async () => {
    for (const mode of [1, 2] as const) {
      const tenant = await createTestTenant(database.db, { name: `Singles ${mode} Co` });
      if (mode === 2) await setMode(tenant, 2);
      const pkg = await grant(tenant, { scope: 'international', segments: 150 });
      const answers = await Promise.all(Array.from({ length: 200 }, () => send(tenant, [usNumber()])));
      const statuses = answers.map((a) => a.status);
      const charges = await ledger(tenant, '&kind=charge');
      assert.equal(charges.filter((c) => c.packageId === pkg.id).reduce((n, c) => n + c.segments, 0), 150, `mode ${mode}`);
      assert.deepEqual((await packages(tenant)).map((p) => [p.used, p.remaining]), [[150, 0]]);
      if (mode === 1) {
        assert.ok(statuses.every((st) => st === 202));
        assert.deepEqual(perPackage(charges.filter((c) => c.packageId === null)), [[null, 50, 50 * 30]]);
      } else {
        assert.equal(statuses.filter((st) => st === 202).length, 150);
        assert.equal(statuses.filter((st) => st === 403).length, 50);
        assert.equal(charges.length, 150);
      }
    }
    await assertLedgerHolds();
  });

  test('an idempotent request is charged once: replayed, or raced by a copy of itself', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Keyed Co' });
    const pkg = await grant(tenant, { scope: 'international', segments: 100 });
    const keyed = (key: string, to: string[]) =>
      fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: tenant.authorization, 'idempotency-key': key },
        body: JSON.stringify({ to, templateId: tenant.templates.code, params: ['1'] }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as Sent }));
    const to = [usNumber(), usNumber()];
    const first = await keyed('order-1', to);
    const again = await keyed('order-1', to);
    assert.deepEqual([first.status, again.status], [202, 202]);
    assert.deepEqual(again.body, first.body, 'the replay answers as the first');
    const copy = [usNumber()];
    const raced = await Promise.all(Array.from({ length: 10 }, () => keyed('order-2', copy)));
    assert.ok(raced.every((r) => r.status === 202));
    const charges = await ledger(tenant, '&kind=charge');
    assert.equal(charges.length, 3, 'two messages of the first request, one of the raced one');
    assert.deepEqual((await packages(tenant)).map((p) => [p.id, p.used]), [[pkg.id, 3]]);
    await assertLedgerHolds();
  });

  test('refunds: a message no carrier took is refunded once, into its package; one a carrier took a part of is not', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Refund Co' });
    const pkg = await grant(tenant, { scope: 'international', segments: 10 });
    const sent = await send(tenant, [usNumber(), usNumber()], tenant.templates.long, ['A1']);
    const [unsent, taken] = sent.body.messages.map((m) => m.id ?? '');
    assert.deepEqual((await packages(tenant)).map((p) => p.used), [6]);
    const outcome = {
      ...emptyDispatchOutcome(),
      failed: [
        { messageId: unsent ?? '', attempt: 0, carrier: null, code: 'NO_ROUTE', reason: 'no route' },
        { messageId: taken ?? '', attempt: 0, carrier: 'sim', code: 'ESME_RSUBMITFAIL', reason: 'part 2 refused' },
      ],
      parts: [{ messageId: taken ?? '', attempt: 0, carrier: 'sim', partNo: 1, carrierMessageId: 'c-1', acceptedAt: new Date() }],
    };
    await recordDispatch(database.db, outcome);
    await recordDispatch(database.db, outcome);
    const refunds = await ledger(tenant, '&kind=refund');
    assert.ok(refunds.every((r) => r.messageId === unsent));
    assert.deepEqual(perPackage(refunds), [[pkg.id, 3, 0]]);
    assert.deepEqual((await packages(tenant)).map((p) => [p.used, p.remaining]), [[3, 7]]);
    await assertLedgerHolds();
  });

  test('expiry at the boundary: a package pays until the instant it expires, not at it; what it leaves is shown, not lost', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Expiry Co' });
    const validFrom = new Date(clock).toISOString();
    const pkg = await grant(tenant, { scope: 'international', segments: 10, validDays: 1, validFrom });
    const expiresAt = Date.parse(pkg.expiresAt);
    clock = expiresAt - 1;
    const before = await send(tenant, [usNumber()], tenant.templates.code, ['1'], clocked.url);
    clock = expiresAt;
    const at = await send(tenant, [usNumber()], tenant.templates.code, ['1'], clocked.url);
    const rows = await ledger(tenant);
    assert.equal(rows.find((r) => r.messageId === before.body.messages[0]?.id)?.packageId, pkg.id);
    assert.equal(rows.find((r) => r.messageId === at.body.messages[0]?.id)?.packageId, null);
    const shown = await callApi(clocked.url, 'GET', '/v1/packages', tenant.authorization);
    assert.deepEqual(
      (shown.body as { packages: { remaining: number; state: string }[] }).packages.map((p) => [p.remaining, p.state]),
      [[9, 'expired']],
    );
    const balance = (await callApi(clocked.url, 'GET', '/v1/balance', tenant.authorization)).body as { scopes: { scope: string; remaining: number; expiredRemaining: number }[] };
    assert.deepEqual(
      balance.scopes.find((s) => s.scope === 'international'),
      { scope: 'international', remaining: 0, expiredRemaining: 9, upcoming: 0 },
    );
    await assertLedgerHolds();
  });

  test('quota alarms fire once per crossing (one SMS per contact, one callback event), again only after a top-up', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Alarm Co', callbackUrl: 'http://127.0.0.1:9/callbacks' });
    const contacts = ['+447400000123'];
    const thresholds = await callApi(api.url, 'PUT', '/v1/traffic-thresholds', tenant.authorization, { dailyAlarm: null, dailyLimit: null, contactNumbers: contacts });
    assert.equal(thresholds.status, 200);
    await grant(tenant, { scope: 'international', segments: 10 });
    const set = await callApi(api.url, 'PUT', '/v1/quota-alarms', tenant.authorization, { alarms: [{ scope: 'international', threshold: 5 }] });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    // The holds of the mode-2 tests above get no workflow here (test/workflows/quota-runout.test.ts runs them).
    const check = billingCheck({ db: database.db, logger: testLogger, holds: { start: async () => undefined, quotaChanged: async () => false, release: async () => false } });
    const noticeSms = () => database.db.selectFrom('messages').select('body').where('tenant_id', '=', systemTenantId).where('recipient', 'in', contacts).execute();
    const events = () => database.db.selectFrom('callback_outbox').select(['payload', 'url']).where('notice_id', 'is not', null).where('app_id', '=', tenant.appId).execute();

    await send(tenant, Array.from({ length: 5 }, usNumber));
    await check();
    assert.equal((await noticeSms()).length, 0, '5 remain: not below 5');
    await send(tenant, [usNumber()]);
    await send(tenant, [usNumber()]);
    await check();
    await check();
    const sms = await noticeSms();
    assert.equal(sms.length, 1, 'one crossing, one SMS');
    assert.match(sms[0]?.body ?? '', /4 international SMS segments remain.*alarm value of 5/);
    const sent = await events();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.url, 'http://127.0.0.1:9/callbacks');
    assert.deepEqual((sent[0]?.payload as { event: string; kind: string; details: unknown }).details, { scope: 'international', threshold: 5, remaining: 4 });
    const alarms = (await callApi(api.url, 'GET', '/v1/quota-alarms', tenant.authorization)).body as { alarms: { armed: boolean; firedAt: string | null }[] };
    assert.equal(alarms.alarms[0]?.armed, false);

    await grant(tenant, { scope: 'international', segments: 10 });
    const rearmed = (await callApi(api.url, 'GET', '/v1/quota-alarms', tenant.authorization)).body as { alarms: { armed: boolean }[] };
    assert.equal(rearmed.alarms[0]?.armed, true, 'the top-up lifted the balance to 13, above 5');
    await send(tenant, Array.from({ length: 9 }, usNumber));
    await check();
    assert.equal((await noticeSms()).length, 2, 'the second crossing sends again');
    await assertLedgerHolds();
  });

  test('operators: the price table is versioned and checked; a new version prices the charges after it; releasing a hold', async ({ tenant }) => {
    const bad = await callApi(api.url, 'PUT', '/v1/admin/prices', operator, { currency: 'CNY', prices: [{ scope: 'international', country: '*', segmentPrice: 40 }, { scope: 'mainland', country: 'CN', segmentPrice: 4 }] });
    assert.deepEqual([bad.status, bad.body.code], [422, 'invalid_request']);
    const floaty = await callApi(api.url, 'PUT', '/v1/admin/prices', operator, { currency: 'CNY', prices: [{ scope: 'international', country: '*', segmentPrice: 0.5 }, { scope: 'mainland', country: '*', segmentPrice: 4 }] });
    assert.equal(floaty.status, 400, 'prices are integer minor units');
    const before = (await callApi(api.url, 'GET', '/v1/admin/prices', operator)).body as { version: number };
    const put = await callApi(api.url, 'PUT', '/v1/admin/prices', operator, {
      currency: 'CNY',
      note: 'spring prices',
      prices: [
        { scope: 'international', country: '*', segmentPrice: 50 },
        { scope: 'international', country: 'US', segmentPrice: 33 },
        { scope: 'mainland', country: '*', segmentPrice: 5 },
      ],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal((put.body as { version: number }).version, before.version + 1);
    const sent = await send(tenant, [usNumber()]);
    const row = (await ledger(tenant)).find((r) => r.messageId === sent.body.messages[0]?.id);
    assert.deepEqual([row?.amount, row?.priceVersion], [33, before.version + 1]);

    const notHeld = await callApi(api.url, 'POST', `/v1/admin/tenants/${tenant.tenantId}/quota-hold/release`, operator);
    assert.deepEqual([notHeld.status, notHeld.body.code], [409, 'not_held']);
    const held = await createTestTenant(database.db, { name: 'Held Co' });
    await setMode(held, 2);
    assert.equal((await send(held, [usNumber()])).status, 403);
    const released = await callApi(api.url, 'POST', `/v1/admin/tenants/${held.tenantId}/quota-hold/release`, operator);
    assert.equal(released.status, 200);
    const view = await callApi(api.url, 'GET', `/v1/admin/tenants/${held.tenantId}/billing`, operator);
    assert.equal((view.body as { hold: unknown }).hold, null);
    const missing = await callApi(api.url, 'GET', '/v1/admin/tenants/00000000-0000-4000-8000-000000000999/billing', operator);
    assert.equal(missing.status, 404);
    await assertLedgerHolds();
  });
});
