// Retries that neither send twice what a carrier took nor leave a trace out: parts sent again only when not taken,
// every submission and every unrecorded attempt kept, leases renewed while a worker is alive, and messages and
// reports that waited for a carrier or a callback server released as soon as it is back.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { CarrierBind } from '../../carriers/carrier.ts';
import { singleCarrier } from '../../carriers/routing.ts';
import { createSmppBind, type SmppBindOptions } from '../../carriers/smpp/bind.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../carriers/simulator/simulator.ts';
import { claimDueMessages } from '../../db/dispatch-queue.ts';
import { planSegments, concatReference } from '../../domain/segments.ts';
import { startCallbackSink } from '../../scripts/stack/callback-sink.ts';
import { startHotPath, type HotPathTuning } from '../../worker/hot-path.ts';
import { startTestApi } from '../support/api.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { sendCode } from '../support/messages.ts';
import type { TestDatabase } from '../support/postgres.ts';
import type { TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { testSecrets } from '../support/secrets.ts';

interface MessageView {
  status: string;
  parts: { partNo: number; attempt: number; receipt: { stat: string } | null }[];
  timeline: { event: string; detail?: Record<string, unknown> }[];
}

/** Everything a test starts, stopped in reverse order at its end. */
function stack() {
  const stops: (() => Promise<unknown>)[] = [];
  return {
    async simulator(options: SimulatorOptions = {}): Promise<Simulator> {
      const simulator = await startSimulator({ receiptDelayMs: 20, ...options });
      stops.push(() => simulator.close());
      return simulator;
    },
    bind(simulator: Simulator, options: Partial<SmppBindOptions> = {}): CarrierBind {
      const bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger, ...options });
      stops.push(() => bind.close());
      return bind;
    },
    hotPath(database: TestDatabase, bind: CarrierBind, tuning: HotPathTuning = {}) {
      const hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers: singleCarrier(bind), logger: testLogger, tuning });
      stops.push(() => hotPath.stop());
      return hotPath;
    },
    async api(database: TestDatabase) {
      const api = await startTestApi(database);
      stops.push(() => api.stop());
      return api;
    },
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

async function sendOne(apiUrl: string, tenant: TestTenant, to: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await sendCode(apiUrl, tenant, [to], extra);
  assert.equal(res.status, 202, await res.clone().text());
  return ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
}

async function view(apiUrl: string, tenant: TestTenant, id: string): Promise<MessageView> {
  const res = await fetch(`${apiUrl}/v1/messages/${id}`, { headers: { authorization: tenant.authorization } });
  assert.equal(res.status, 200);
  return (await res.json()) as MessageView;
}

const delivered = (apiUrl: string, tenant: TestTenant, id: string) =>
  waitFor(`message ${id} delivered`, async () => {
    const message = await view(apiUrl, tenant, id);
    return message.status === 'delivered' && message;
  });

describe('retries keep every submission and send only what the carrier did not take', () => {
  test('a throttled part is sent again alone, under the first parts’ reference; the handset gets each part once', async ({ database, tenant }) => {
    const s = stack();
    try {
      // Two submit_sm a second per session, and no throttling retries in the bind: the third part is refused.
      const simulator = await s.simulator({ maxSubmitsPerSecond: 2 });
      s.hotPath(database, s.bind(simulator, { throttle: { maxRetries: 0 } }), { dispatchRetry: { minMs: 1_100, maxMs: 2_000, maxAttempts: 12 } });
      const api = await s.api(database);
      const to = '+447911100001';
      const id = await sendOne(api.url, tenant, to, { templateId: tenant.templates.long, params: ['ORD-1'] });

      const message = await delivered(api.url, tenant, id);
      assert.deepEqual(message.parts.map((p) => [p.partNo, p.receipt?.stat]).sort(), [[1, 'DELIVRD'], [2, 'DELIVRD'], [3, 'DELIVRD']]);
      assert.deepEqual(message.parts.map((p) => p.attempt).sort(), [1, 1, 2], 'two parts taken at the first attempt, the third at the second');
      const retry = message.timeline.find((e) => e.event === 'retry');
      assert.equal(retry?.detail?.code, 'ESME_RTHROTTLED');
      assert.equal(retry?.detail?.maybeSent, false);

      const atSmsc = simulator.received().filter((m) => m.to.endsWith(to.slice(1)));
      assert.equal(atSmsc.length, 1, 'one message at the handset, not a second copy of the first parts');
      assert.equal(atSmsc[0]?.parts, 3);
      assert.equal(atSmsc[0]?.concat?.reference, concatReference(id) & 0xff);
      assert.equal(simulator.stats().parts, 3, 'each part accepted once');
    } finally {
      await s.stop();
    }
  });

  test('an attempt whose worker stopped before recording it is in the history as maybe sent', async ({ database, tenant }) => {
    const s = stack();
    try {
      const simulator = await s.simulator();
      const api = await s.api(database);
      const to = '+447911100002';
      const id = await sendOne(api.url, tenant, to);
      // A worker claims it, submits it and dies before writing anything down.
      const [claimed] = await claimDueMessages(database.db, 10, 300);
      assert.equal(claimed?.id, id);
      const doomed = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger });
      await waitFor('the doomed worker’s bind', () => doomed.isBound());
      const plan = planSegments(claimed.body);
      assert.ok((await doomed.submit({ from: claimed.sender, to, encoding: plan.encoding, parts: plan.parts, reference: concatReference(id) })).ok);
      await doomed.close();

      s.hotPath(database, s.bind(simulator), { dispatchLeaseMs: 300 });
      const message = await delivered(api.url, tenant, id);
      const unrecorded = message.timeline.find((e) => e.event === 'retry');
      assert.deepEqual([unrecorded?.detail?.attempt, unrecorded?.detail?.code, unrecorded?.detail?.maybeSent], [1, 'ATTEMPT_UNRECORDED', true]);
      assert.deepEqual(message.parts.map((p) => p.attempt), [2]);
      // Two copies at the SMSC, and the record accounts for both: one recorded part, one attempt that may have sent it.
      assert.equal(simulator.received().filter((m) => m.to.endsWith(to.slice(1))).length, 2);
    } finally {
      await s.stop();
    }
  });

  test('a carrier slower than the lease keeps its messages while the worker lives: heartbeats, no second worker sends them', async ({ database, tenant }) => {
    const s = stack();
    try {
      const simulator = await s.simulator({ submitResponseDelayMs: 1_500, receivedCapacity: 1_000 });
      const bind = s.bind(simulator);
      // Two dispatchers on one queue with a lease far shorter than the carrier's answers.
      s.hotPath(database, bind, { dispatchLeaseMs: 300 });
      s.hotPath(database, bind, { dispatchLeaseMs: 300 });
      const api = await s.api(database);
      const to = Array.from({ length: 40 }, (_, i) => `+4479112${String(i).padStart(5, '0')}`);
      const res = await sendCode(api.url, tenant, to);
      assert.equal(res.status, 202);
      const ids = ((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id);
      const statuses = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from messages where id = any(${ids}::uuid[]) and status = 'delivered'`.execute(database.db)).rows[0]?.n ?? 0;
      await waitFor('every message delivered', async () => (await statuses()) === ids.length, { progress: statuses });
      const copies = simulator.received().filter((m) => to.some((t) => m.to.endsWith(t.slice(1)))).length;
      assert.equal(copies, ids.length, 'each message reached the SMSC once');
      const retried = await sql<{ n: number }>`select count(*)::int as n from message_retries where message_id = any(${ids}::uuid[])`.execute(database.db);
      assert.equal(retried.rows[0]?.n, 0);
    } finally {
      await s.stop();
    }
  });

  test('messages waiting out a back-off for a carrier that was down leave as soon as it is back', async ({ database, tenant }) => {
    const s = stack();
    try {
      const simulator = await s.simulator();
      await simulator.stop();
      const bind = s.bind(simulator, { reconnect: { minMs: 50, maxMs: 200 }, bindWaitMs: 100 });
      s.hotPath(database, bind, { dispatchRetry: { minMs: 30_000, maxMs: 60_000, maxAttempts: 12 } });
      const api = await s.api(database);
      const id = await sendOne(api.url, tenant, '+447911100003');
      const waiting = await waitFor('the message waiting for the carrier', async () => {
        const row = await database.db.selectFrom('messages').select(['error_code', 'next_attempt_at', 'recorded_attempt']).where('id', '=', id).executeTakeFirst();
        return row?.error_code === 'BIND_UNAVAILABLE' && row.recorded_attempt === 1 && row;
      });
      assert.ok(waiting.next_attempt_at.getTime() - Date.now() > 20_000, 'its back-off is long');

      await simulator.start();
      await delivered(api.url, tenant, id);
      const row = await database.db.selectFrom('messages').select(['submitted_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(row.submitted_at && row.submitted_at < waiting.next_attempt_at, 'sent before its back-off ran out');
    } finally {
      await s.stop();
    }
  });

  test('reports waiting out a back-off for a callback server that was away are posted as soon as it answers again', async ({ database, tenant }) => {
    const s = stack();
    const sink = await startCallbackSink();
    try {
      const simulator = await s.simulator();
      s.hotPath(database, s.bind(simulator), { callbackRetry: { minMs: 30_000, maxMs: 60_000 } });
      const api = await s.api(database);
      const callbackUrl = `${sink.url}/away`;
      sink.failNext(3, '/callbacks/away');
      const waitingIds = await Promise.all(['+447911100004', '+447911100005', '+447911100006'].map((to) => sendOne(api.url, tenant, to, { callbackUrl })));
      const waitingUntil = await waitFor('three reports failed once and waiting', async () => {
        const rows = await sql<{ next: Date }>`
          select o.next_attempt_at as next from callback_outbox o
          where o.message_id = any(${waitingIds}::uuid[]) and o.recorded_attempts = 1 and o.status = 'pending'`.execute(database.db);
        return rows.rows.length === 3 && new Date(Math.min(...rows.rows.map((r) => r.next.getTime())));
      });
      assert.ok(waitingUntil.getTime() - Date.now() > 20_000, 'their back-off is long');

      // The server answers again: the next report gets through, and the three waiting ones follow at once.
      const nextId = await sendOne(api.url, tenant, '+447911100007', { callbackUrl });
      const reported = () => new Set(sink.received().filter((r) => r.path === '/callbacks/away').map((r) => (r.body as { messageId: string }).messageId));
      await waitFor('all four reports received', () => [...waitingIds, nextId].every((id) => reported().has(id)));
      assert.ok(Date.now() < waitingUntil.getTime(), 'posted before their back-off ran out');
    } finally {
      await s.stop();
      await sink.close();
    }
  });
});
