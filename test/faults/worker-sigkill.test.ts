// SIGKILL to a worker process mid-flight: no accepted message is lost, the next worker takes over the dead one's
// claims within one (heartbeat-renewed, short) lease, and every SMS that went out twice is in the record. The
// messages were paid for when accepted (a package, then per use): the kill between that and their submission
// loses no money either, and bills none twice.
import '../support/temporal.ts';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { afterAll, expect } from 'vitest';
import { sql } from 'kysely';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { temporalScheduledSends } from '../../processes/scheduled-send.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { testLogger } from '../support/logger.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { spawnTern } from '../support/processes.ts';
import { testSecrets } from '../support/secrets.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { messageCounts, sendCode } from '../support/messages.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { smppBindDefaults } from '../../carriers/smpp/bind.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';
import { addPackage } from '../../db/packages.ts';
import { checkLedger } from '../../db/ledger-check.ts';

const total = 3000;
/** Two thirds of the messages come out of a package, the rest are charged per use. */
const packageSegments = 2000;

describe('a worker killed mid-flight loses nothing (separate worker processes, SIGKILL)', () => {
  let env: LocalTemporal;
  let database: TestDatabase;
  let simulator: Simulator;
  let sink: CallbackSink;
  let api: RunningApi;
  let tenant: TestTenant;
  const children: ChildProcess[] = [];

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [env, simulator, sink] = await Promise.all([
      startLocalTemporal(),
      // Slow answers keep work in flight when the worker dies: claimed, submitting, awaiting receipts.
      startSimulator({ receiptDelayMs: 200, submitResponseDelayMs: 5, receivedCapacity: 10_000 }),
      startCallbackSink({ keep: 10_000 }),
    ]);
    tenant = await createTestTenant(database.db, { callbackUrl: sink.url });
    const now = new Date();
    await addPackage(
      database.db,
      { tenantId: tenant.tenantId, scope: 'mainland', segments: packageSegments, validFrom: now, expiresAt: new Date(now.getTime() + 86_400_000), source: 'grant', reference: null, operatorId: tenant.tenantId },
      now,
    );
    await routeEverythingTo(database.db, simulator.port);
    api = await startApi({ db: database.db, secrets: testSecrets, scheduledSends: temporalScheduledSends(env.client, 'crash'), logger: testLogger, port: 0 });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.stop();
    await Promise.all([simulator?.close(), sink?.close()]);
    await env?.teardown();
  });

  // The production defaults: a 10 s lease renewed by heartbeats, a 10 s callback timeout.
  function startWorkerProcess(): ChildProcess {
    const { child } = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'crash' });
    children.push(child);
    return child;
  }

  test('every accepted message is delivered and reported once the next worker takes over; each duplicate is recorded', async () => {
    const ids: string[] = [];
    for (let i = 0; i < total / 1000; i++) {
      const to = Array.from({ length: 1000 }, (_, j) => `+86139${String(i * 1000 + j).padStart(8, '0')}`);
      const res = await sendCode(api.url, tenant, to);
      assert.equal(res.status, 202);
      ids.push(...((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id));
    }
    const counts = () => messageCounts(database.db);

    const first = startWorkerProcess();
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await waitFor('the first worker to be busy', async () => ((await counts()).submitted ?? 0) >= 300, { progress: counts });
    first.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();

    const midway = await counts();
    assert.ok((midway.accepted ?? 0) > 0, `work was left in the queue: ${JSON.stringify(midway)}`);
    const inconsistent = await sql<{ id: string }>`
      select m.id from messages m left join part_outcomes p on p.message_id = m.id
      where m.status = 'submitted' group by m.id, m.segments having count(p.part_no) <> m.segments`.execute(database.db);
    assert.equal(inconsistent.rows.length, 0, 'a submitted message has all its parts recorded');

    startWorkerProcess();
    // No fixed deadline on a busy machine: each wait fails only when its count stops moving.
    await waitFor('every message delivered', async () => (await counts()).delivered === total, { progress: counts });
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    const reported = () => new Set(sink.received().map((r) => (r.body as { messageId: string }).messageId)).size;
    await waitFor('every report received', () => reported() === total, { progress: reported });
    // A report can reach the sink a moment before its attempt is recorded (the sender records a round at a time).
    const outboxCounts = async () =>
      (await sql<{ n: number; pending: number }>`
        select count(*)::int as n, count(*) filter (where status <> 'delivered')::int as pending from callback_outbox`.execute(database.db)).rows[0];
    const outbox = await waitFor('every report recorded', async () => {
      const counted = await outboxCounts();
      return counted?.pending === 0 && counted;
    }, { progress: outboxCounts });
    assert.deepEqual(outbox, { n: total, pending: 0 }, 'one report per message, all delivered');

    const account = await accountAtSmsc(database.db, simulator, ids);
    const maybeSent = Number((await sql<{ n: number }>`select count(*)::int as n from message_retries where maybe_sent`.execute(database.db)).rows[0]?.n);
    // What the dead worker had at the SMSC unrecorded: its window (50 submit_sm) and one write batch (100 messages).
    const bound = smppBindDefaults.window + 100;
    reportFault('worker sigkill', { ...account, leftInQueue: midway.accepted ?? 0, maybeSentAttempts: maybeSent, duplicateBound: bound, recoverySeconds });
    expectNothingLostNothingUnrecorded(account);
    expect(account.duplicatedParts).toBeLessThanOrEqual(bound);

    // The money: every message charged exactly once, the package to its last segment, nothing refunded (all went).
    assert.deepEqual((await checkLedger(database.db)).problems, []);
    const billed = (
      await sql<{ charged: number; from_package: number; per_use: number; refunds: number; messages: number }>`
        select count(*) filter (where kind = 'charge')::int as charged,
               coalesce(sum(segments) filter (where kind = 'charge' and package_id is not null), 0)::int as from_package,
               coalesce(sum(segments) filter (where kind = 'charge' and package_id is null), 0)::int as per_use,
               count(*) filter (where kind = 'refund')::int as refunds,
               count(distinct message_id)::int as messages
        from billing_ledger where tenant_id = ${tenant.tenantId}`.execute(database.db)
    ).rows[0];
    assert.deepEqual(billed, { charged: total, from_package: packageSegments, per_use: total - packageSegments, refunds: 0, messages: total });
  });
});
