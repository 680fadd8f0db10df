import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { type RunningApi } from '../../api/start-api.ts';
import { startSimulator, type OutcomeRule, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createOperator } from '../../db/operators.ts';
import { routeTarget } from '../../domain/routing.ts';
import { startCarrierRegistry, type CarrierRegistry } from '../../worker/carrier-registry.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import { callApi } from '../support/http.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';
import type { TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

interface MessageView {
  status: string;
  carrier: string | null;
  error: { code: string } | null;
  parts: { carrier: string; receipt: { stat: string } | null }[];
  timeline: { event: string; detail?: Record<string, unknown> }[];
}

interface SessionView {
  worker: string;
  bound: boolean;
  lastFailure: string | null;
}

const carrierIds = ['cmcc', 'ctcc', 'cucc', 'cbn', 'intl-a', 'intl-b'] as const;
type CarrierId = (typeof carrierIds)[number];

describe('routing end to end: a simulated SMSC per mainland network, two international upstreams with failover', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let registry: CarrierRegistry;
  let hotPath: ReturnType<typeof startHotPath>;
  let tenant: TestTenant;
  let admin: string;
  const smsc = {} as Record<CarrierId, Simulator>;

  test.beforeAll(async ({ database: d, api: a, tenant: t }) => {
    [database, api, tenant] = [d, a, t];
    for (const id of carrierIds) {
      // intl-a has no route to Australia, intl-b none to New Zealand: they answer those with ESME_RINVDSTADR.
      // intl-a takes French numbers but never answers their submit_sm.
      const rules: Record<string, OutcomeRule[]> = {
        'intl-a': [{ pattern: '^61', outcome: 'submit-error' }, { pattern: '^33', outcome: 'no-answer' }],
        'intl-b': [{ pattern: '^64', outcome: 'submit-error' }],
      };
      smsc[id] = await startSimulator({ receiptDelayMs: 20, rules: rules[id] ?? [] });
    }
    admin = `Bearer ${(await createOperator(database.db, 'ada', 'admin')).token}`;
    // The worker starts with no carriers at all; everything below is configured through the API and picked up live.
    registry = await startCarrierRegistry({
      db: database.db,
      secrets: testSecrets,
      logger: testLogger,
      reloadMs: 50,
      bindOverrides: { reconnect: { minMs: 50, maxMs: 200 }, bindWaitMs: 300, responseTimeoutMs: 500 },
    });
    hotPath = startHotPath({
      db: database.db,
      secrets: testSecrets,
      databaseUrl: database.url,
      carriers: registry,
      logger: testLogger,
      tuning: { dispatchRetry: { minMs: 100, maxMs: 300, maxAttempts: 50 } },
    });
    for (const id of carrierIds) {
      const binds = [{ host: '127.0.0.1', port: smsc[id].port, systemId: 'tern', password: 'tern' }];
      assert.equal((await admin_('POST', '/v1/admin/carriers', { id, name: id, binds })).status, 201);
    }
    const routes = [
      ...(['cmcc', 'ctcc', 'cucc', 'cbn'] as const).map((network) => ({ country: 'CN', network, carrierId: network })),
      { country: '*', carrierId: 'intl-a', priority: 1 },
      { country: '*', carrierId: 'intl-b', priority: 2 },
    ];
    assert.equal((await admin_('PUT', '/v1/admin/routes', { routes })).status, 200);
    await waitFor('every carrier bound', () => carrierIds.every((id) => bound(id)));
  });
  afterAll(async () => {
    await hotPath?.stop();
    await registry?.stop();
    await Promise.all(Object.values(smsc).map((s) => s.close()));
  });

  function admin_(method: string, path: string, body?: unknown) {
    return callApi(api.url, method, path, admin, body);
  }
  function bound(id: CarrierId): boolean {
    const target = id === 'intl-a' || id === 'intl-b' ? routeTarget('+12025550123') : routeTarget('+86', id);
    return registry.candidates(target).some((u) => u.name === id && u.isBound());
  }
  async function sendTo(to: string): Promise<string> {
    const templateId = to.startsWith('+86') ? tenant.templates.mainlandCode : tenant.templates.code;
    const res = await callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to: [to], templateId, params: ['1234'] });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return (res.body.messages as { id: string }[])[0]?.id ?? '';
  }
  async function finished(id: string): Promise<MessageView> {
    return waitFor(`message ${id} delivered`, async () => {
      const res = await callApi(api.url, 'GET', `/v1/messages/${id}`, tenant.authorization);
      const view = res.body as unknown as MessageView;
      return view.status === 'delivered' ? view : undefined;
    });
  }
  const receivedBy = (to: string) => carrierIds.filter((id) => smsc[id].received().some((m) => m.to === to.slice(1)));
  const failoversOf = (view: MessageView) => view.timeline.filter((e) => e.event === 'failover').map((e) => [e.detail?.carrier, e.detail?.code]);

  test('each mainland network’s numbers go through that network’s own channel, receipts matched per carrier', async () => {
    const numbers: Record<string, string> = { cmcc: '+8613812340001', ctcc: '+8618912340002', cucc: '+8618612340003', cbn: '+8619212340004' };
    const ids = await Promise.all(Object.values(numbers).map(sendTo));
    for (const [i, [network, number]] of Object.entries(numbers).entries()) {
      const view = await finished(ids[i] ?? '');
      assert.equal(view.carrier, network);
      assert.deepEqual(view.parts.map((p) => [p.carrier, p.receipt?.stat]), [[network, 'DELIVRD']]);
      assert.deepEqual(receivedBy(number), [network]);
      assert.deepEqual(failoversOf(view), []);
    }
  });

  test('a ported number goes through the network it moved to, not the one of its prefix', async () => {
    const number = '+8613812340005';
    const res = await fetch(`${api.url}/v1/admin/ported-numbers`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'text/csv' },
      body: `${number},cucc\n`,
    });
    assert.equal(res.status, 200);
    await waitFor('the worker to load the ported list', () => registry.hasPortedNumbers());
    const view = await finished(await sendTo(number));
    assert.equal(view.carrier, 'cucc');
    assert.deepEqual(receivedBy(number), ['cucc']);
  });

  test('international numbers go to intl-a; with intl-a stopped they fail over to intl-b, and the timeline says so', async () => {
    const first = await finished(await sendTo('+12025550101'));
    assert.equal(first.carrier, 'intl-a');

    await smsc['intl-a'].stop();
    await waitFor('intl-a to be seen down', () => !bound('intl-a'));
    // Operators see the session down, with the reason, in the carrier's bind status.
    const down = await waitFor('the worker to report intl-a down', async () => {
      const view = (await admin_('GET', '/v1/admin/carriers/intl-a')).body as { binds: { sessions: SessionView[] }[] };
      const [session] = view.binds[0]?.sessions ?? [];
      return session && !session.bound ? session : undefined;
    });
    assert.ok(down.lastFailure, 'the session says why it is down');
    const during = await finished(await sendTo('+12025550102'));
    assert.equal(during.carrier, 'intl-b');
    assert.deepEqual(failoversOf(during), [['intl-a', 'BIND_DOWN']]);
    assert.deepEqual(receivedBy('+12025550102'), ['intl-b']);
    const events = during.timeline.map((e) => e.event);
    assert.ok(events.indexOf('failover') < events.indexOf('submitted'), events.join(' '));

    await smsc['intl-a'].start();
    await waitFor('intl-a to bind again', () => bound('intl-a'), 5_000);
    await waitFor('the worker to report intl-a bound', async () => {
      const view = (await admin_('GET', '/v1/admin/carriers/intl-a')).body as { binds: { sessions: SessionView[] }[] };
      return view.binds[0]?.sessions[0]?.bound;
    });
    const after = await finished(await sendTo('+12025550103'));
    assert.equal(after.carrier, 'intl-a');
    assert.deepEqual(failoversOf(after), []);
  });

  test('an upstream answering with a routing error hands the message to the next one', async () => {
    const submitsBefore = smsc['intl-a'].stats().submits;
    const view = await finished(await sendTo('+61412345678'));
    assert.equal(view.carrier, 'intl-b');
    assert.deepEqual(failoversOf(view), [['intl-a', 'ESME_RINVDSTADR']]);
    assert.equal(smsc['intl-a'].stats().submits, submitsBefore + 1);
    assert.deepEqual(receivedBy('+61412345678'), ['intl-b']);
  });

  test('a refusal from the next upstream while the first is down is retried, and the first carries it when back', async () => {
    await smsc['intl-a'].stop();
    await waitFor('intl-a to be seen down', () => !bound('intl-a'));
    const id = await sendTo('+6421123456');
    const waiting = await waitFor('a retry recorded', async () => {
      const row = await database.db.selectFrom('messages').select(['status', 'error_code']).where('id', '=', id).executeTakeFirstOrThrow();
      return row.error_code ? row : undefined;
    });
    assert.deepEqual(waiting, { status: 'accepted', error_code: 'ESME_RINVDSTADR' });
    await smsc['intl-a'].start();
    const view = await finished(id);
    assert.equal(view.carrier, 'intl-a');
    assert.deepEqual(receivedBy('+6421123456'), ['intl-a']);
  });

  test('a mainland network that is down holds only its own messages, which never go abroad', async () => {
    await smsc.cmcc.stop();
    await waitFor('cmcc to be seen down', () => !bound('cmcc'));
    const cmccNumber = '+8613812340021';
    const ctccNumber = '+8618912340022';
    const res = await callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to: [cmccNumber, ctccNumber], templateId: tenant.templates.mainlandCode, params: ['1234'] });
    const [cmccId, ctccId] = (res.body.messages as { id: string }[]).map((m) => m.id);
    assert.equal((await finished(ctccId ?? '')).carrier, 'ctcc');
    const held = await database.db.selectFrom('messages').select(['status', 'error_code']).where('id', '=', cmccId ?? '').executeTakeFirstOrThrow();
    assert.equal(held.status, 'accepted');
    await smsc.cmcc.start();
    const view = await finished(cmccId ?? '');
    assert.equal(view.carrier, 'cmcc');
    assert.deepEqual(failoversOf(view), []);
    assert.deepEqual(receivedBy(cmccNumber), ['cmcc']);
  });

  test('a route added through the API takes effect without a restart', async () => {
    const added = await admin_('POST', '/v1/admin/routes', { country: 'GB', carrierId: 'intl-b' });
    assert.equal(added.status, 201);
    await waitFor('the worker to load the new route', () => registry.candidates(routeTarget('+447912345678'))[0]?.name === 'intl-b');
    const view = await finished(await sendTo('+447912345678'));
    assert.equal(view.carrier, 'intl-b');
    assert.deepEqual(failoversOf(view), []);
    assert.equal((await admin_('DELETE', `/v1/admin/routes/${String(added.body.id)}`)).status, 200);
  });

  test('a carrier with two binds spreads its traffic over both; an unchanged bind keeps its session through the edit', async () => {
    const second = await startSimulator({ receiptDelayMs: 20 });
    try {
      const bindsBefore = smsc.cbn.stats().binds;
      const binds = [smsc.cbn, second].map((s) => ({ host: '127.0.0.1', port: s.port, systemId: 'tern', password: 'tern' }));
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/cbn', { binds })).status, 200);
      await waitFor('the second bind', () => second.stats().binds === 1);
      const numbers = ['+8619212340011', '+8619212340012', '+8619212340013', '+8619212340014'];
      const ids = await Promise.all(numbers.map(sendTo));
      for (const id of ids) assert.equal((await finished(id)).carrier, 'cbn');
      assert.ok(second.received().length > 0 && smsc.cbn.received().some((m) => numbers.includes(`+${m.to}`)), 'both binds carried some');
      assert.equal(smsc.cbn.stats().binds, bindsBefore, 'the unchanged bind was not reopened');
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/cbn', { binds: binds.slice(0, 1) })).status, 200);
      await waitFor('the second bind closed', () => second.stats().unbinds === 1);
    } finally {
      await second.close();
    }
  });

  test("a carrier answering in hex and receipting in decimal: with its message-id formats set, receipts find their messages", async () => {
    const hexdec = await startSimulator({ receiptDelayMs: 20, messageIds: 'hex-then-decimal' });
    try {
      const binds = [{ host: '127.0.0.1', port: hexdec.port, systemId: 'tern', password: 'tern' }];
      const created = await admin_('POST', '/v1/admin/carriers', { id: 'hexdec', name: 'hex then decimal', messageIds: { response: 'hex', receipt: 'decimal' }, binds });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.messageIds, { response: 'hex', receipt: 'decimal' });
      const route = await admin_('POST', '/v1/admin/routes', { country: 'NL', carrierId: 'hexdec' });
      assert.equal(route.status, 201);
      await waitFor('the worker to bind hexdec', () => registry.candidates(routeTarget('+31612345678')).some((u) => u.name === 'hexdec' && u.isBound()));
      const id = await sendTo('+31612345678');
      const view = await finished(id);
      assert.equal(view.carrier, 'hexdec');
      const part = await database.db.selectFrom('message_parts').select('carrier_message_id').where('message_id', '=', id).executeTakeFirstOrThrow();
      assert.match(part.carrier_message_id, /^[1-9]\d*$/, 'stored as its key: the number, in decimal');
      assert.equal((await admin_('DELETE', `/v1/admin/routes/${String(route.body.id)}`)).status, 200);
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/hexdec', { state: 'off' })).status, 200);
    } finally {
      await hexdec.close();
    }
  });

  test("a carrier with its own SMPP settings (transmitter + receiver, SAR, payload, validity) set through the API delivers long messages and matches every part's receipt", async () => {
    const sar = await startSimulator({ receiptDelayMs: 20 });
    try {
      const binds = [{ host: '127.0.0.1', port: sar.port, systemId: 'tern', password: 'tern' }];
      const smpp = { bindMode: 'transmitter-receiver', systemType: 'VMA', concatenation: 'sar', validityMinutes: 60 };
      assert.equal((await admin_('POST', '/v1/admin/carriers', { id: 'sar', name: 'SAR carrier', smpp, binds })).status, 201);
      const route = await admin_('POST', '/v1/admin/routes', { country: 'BE', carrierId: 'sar' });
      assert.equal(route.status, 201);
      await waitFor('the worker to bind sar', () => registry.candidates(routeTarget('+32470123456')).some((u) => u.name === 'sar' && u.isBound()));
      assert.deepEqual(sar.sessions().map((x) => `${x.mode}:${x.systemType}`).sort(), ['receiver:VMA', 'transmitter:VMA']);

      const sendLong = async (to: string) => {
        const res = await callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to: [to], templateId: tenant.templates.long, params: ['1234'] });
        assert.equal(res.status, 202, JSON.stringify(res.body));
        return (res.body.messages as { id: string; segments: number }[])[0] ?? { id: '', segments: 0 };
      };
      const first = await sendLong('+32470123456');
      assert.ok(first.segments > 1, 'the long template makes a multi-part message');
      assert.equal((await finished(first.id)).carrier, 'sar');
      const got = sar.received().find((m) => m.to === '32470123456');
      assert.equal(got?.parts, first.segments);
      assert.ok(got?.pdus.every((p) => p.esmClass === 0 && p.validUntil !== null), 'SAR TLVs, no UDH; a validity period on each part');

      // The same carrier switched to message_payload: one submit_sm, one id standing for every part.
      const bindsBefore = sar.stats().binds;
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/sar', { smpp: { ...smpp, concatenation: 'payload' } })).status, 200);
      await waitFor('the rebind', () => sar.stats().binds === bindsBefore + 2 && registry.candidates(routeTarget('+32470123457')).some((u) => u.name === 'sar' && u.isBound()));
      const submits = sar.stats().submits;
      const second = await sendLong('+32470123457');
      assert.equal((await finished(second.id)).carrier, 'sar');
      assert.equal(sar.stats().submits - submits, 1);
      const parts = await database.db.selectFrom('message_parts').select('carrier_message_id').where('message_id', '=', second.id).execute();
      assert.equal(parts.length, second.segments);
      assert.equal(new Set(parts.map((p) => p.carrier_message_id)).size, 1);
      assert.equal((await admin_('DELETE', `/v1/admin/routes/${String(route.body.id)}`)).status, 200);
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/sar', { state: 'off' })).status, 200);
    } finally {
      await sar.close();
    }
  });

  test('one worker, two carriers: a carrier that throttles holds up its own messages only, not the rounds they were claimed in', async () => {
    const slow = await startSimulator({ receiptDelayMs: 20, maxSubmitsPerSecond: 2 });
    try {
      const binds = [{ host: '127.0.0.1', port: slow.port, systemId: 'tern', password: 'tern' }];
      assert.equal((await admin_('POST', '/v1/admin/carriers', { id: 'slow', name: 'throttling', binds })).status, 201);
      const route = await admin_('POST', '/v1/admin/routes', { country: 'DE', carrierId: 'slow' });
      await waitFor('the worker to bind slow', () => registry.candidates(routeTarget('+4915112345678')).some((u) => u.name === 'slow' && u.isBound()));
      const post = async (to: string[]) => {
        const res = await callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to, templateId: tenant.templates.code, params: ['1234'] });
        assert.equal(res.status, 202, JSON.stringify(res.body));
        return (res.body.messages as { id: string }[]).map((m) => m.id);
      };
      const delivered = async (ids: string[]) =>
        Number((await sql<{ n: number }>`select count(*)::int as n from messages where id = any(${ids}::uuid[]) and status = 'delivered'`.execute(database.db)).rows[0]?.n);
      // Rounds that mix both carriers' messages, one after another, so each dispatch loop holds one.
      const perRound = 4;
      const slowIds: string[] = [];
      for (let round = 0; round < 3; round++) {
        const de = Array.from({ length: perRound }, (_, i) => `+4915112${String(345000 + round * 10 + i)}`);
        const us = Array.from({ length: 10 }, (_, i) => `+1202555${String(1000 + round * 10 + i).padStart(4, '0')}`);
        slowIds.push(...(await post([...de, ...us])).slice(0, perRound));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await waitFor('the slow carrier throttling', () => slow.stats().throttled > 0);
      const fastIds = await post(Array.from({ length: 300 }, (_, i) => `+1202555${String(2000 + i).padStart(4, '0')}`));
      await waitFor('the other carrier’s messages delivered', async () => (await delivered(fastIds)) === 300, { progress: () => delivered(fastIds) });
      // Had the rounds waited for their slowest submit, no loop would have been free before a round's four throttled
      // messages (2 a second at the SMSC) were through.
      assert.ok((await delivered(slowIds)) < perRound, 'the other carrier’s messages did not wait for a round of the throttling one');
      await waitFor('the slow carrier’s messages delivered', async () => (await delivered(slowIds)) === slowIds.length, { progress: () => delivered(slowIds), timeoutMs: 60_000 });
      assert.equal((await admin_('DELETE', `/v1/admin/routes/${String(route.body.id)}`)).status, 200);
      assert.equal((await admin_('PATCH', '/v1/admin/carriers/slow', { state: 'off' })).status, 200);
    } finally {
      await slow.close();
    }
  });

  test('with every upstream of a number down the message waits in the queue, and leaves once one is back', async () => {
    await Promise.all([smsc['intl-a'].stop(), smsc['intl-b'].stop()]);
    await waitFor('both international upstreams down', () => !bound('intl-a') && !bound('intl-b'));
    const id = await sendTo('+12025550104');
    const waiting = await waitFor('a retry recorded', async () => {
      const row = await database.db.selectFrom('messages').select(['status', 'error_code', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
      return row.error_code ? row : undefined;
    });
    assert.equal(waiting.status, 'accepted');
    assert.equal(waiting.error_code, 'BIND_UNAVAILABLE');
    await smsc['intl-b'].start();
    const view = await finished(id);
    assert.equal(view.carrier, 'intl-b');
    await smsc['intl-a'].start();
  });
  test('a submit whose outcome is unknown is not sent through another upstream; its retries stay with the first', async () => {
    await waitFor('intl-a bound', () => bound('intl-a'), 5_000);
    const number = '+33612345678';
    const id = await sendTo(number);
    const row = () => database.db.selectFrom('messages').select(['status', 'error_code', 'carrier']).where('id', '=', id).executeTakeFirstOrThrow();
    const timedOut = await waitFor('the first attempt to time out', async () => ((await row()).error_code === 'RESPONSE_TIMEOUT' ? row() : undefined));
    assert.deepEqual(timedOut, { status: 'accepted', error_code: 'RESPONSE_TIMEOUT', carrier: 'intl-a' });
    // With intl-a gone the retry still waits for it: intl-b, although up, never gets a message intl-a may have sent.
    await smsc['intl-a'].stop();
    await waitFor('a retry while intl-a is down', async () => ((await row()).error_code === 'BIND_UNAVAILABLE' ? true : undefined));
    assert.deepEqual(receivedBy(number), ['intl-a']);
    const failovers = await database.db.selectFrom('message_failovers').select('carrier').where('message_id', '=', id).execute();
    assert.deepEqual(failovers, []);
    await smsc['intl-a'].start();
  });
});
