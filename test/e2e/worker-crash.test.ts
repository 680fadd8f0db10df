import '../support/temporal.ts';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { afterAll } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { temporalScheduledSends } from '../../api/temporal-scheduled-sends.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { devServerExecutable } from '../../scripts/temporal/binaries.ts';
import { ternSearchAttributes } from '../../workflows/search-attributes.ts';
import { testLogger } from '../support/logger.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { spawnTern } from '../support/processes.ts';
import { testSecrets } from '../support/secrets.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { sendCode } from '../support/messages.ts';

const total = 3000;

describe('a worker killed mid-flight loses nothing (separate worker processes, SIGKILL)', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let simulator: Simulator;
  let sink: CallbackSink;
  let api: RunningApi;
  let tenant: TestTenant;
  const children: ChildProcess[] = [];

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [env, simulator, sink] = await Promise.all([
      TestWorkflowEnvironment.createLocal({ server: { executable: await devServerExecutable(), searchAttributes: ternSearchAttributes } }),
      // Slow answers keep work in flight when the worker dies: claimed, submitting, awaiting receipts.
      startSimulator({ receiptDelayMs: 200, submitResponseDelayMs: 5 }),
      startCallbackSink(),
    ]);
    tenant = await createTestTenant(database.db, { callbackUrl: sink.url });
    await routeEverythingTo(database.db, simulator.port);
    api = await startApi({ db: database.db, secrets: testSecrets, scheduledSends: temporalScheduledSends(env.client, 'crash'), logger: testLogger, port: 0 });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.stop();
    await Promise.all([simulator?.close(), sink?.close()]);
    await env?.teardown();
  });

  function startWorkerProcess(): ChildProcess {
    const { child } = spawnTern('worker', {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: env.address,
      TERN_TASK_QUEUE: 'crash',
      TERN_DISPATCH_LEASE_MS: '1500',
      TERN_CALLBACK_TIMEOUT_MS: '1000',
    });
    children.push(child);
    return child;
  }

  const countBy = async () => {
    const rows = await sql<{ status: string; n: number }>`select status, count(*)::int as n from messages group by status`.execute(database.db);
    return Object.fromEntries(rows.rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };

  test('every accepted message is delivered and reported once the next worker takes over', async () => {
    for (let i = 0; i < total / 1000; i++) {
      const to = Array.from({ length: 1000 }, (_, j) => `+86139${String(i * 1000 + j).padStart(8, '0')}`);
      assert.equal((await sendCode(api.url, tenant, to)).status, 202);
    }

    const first = startWorkerProcess();
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await waitFor('the first worker to be busy', async () => ((await countBy()).submitted ?? 0) >= 300, { progress: countBy });
    first.kill('SIGKILL');
    await exited;

    const midway = await countBy();
    assert.ok((midway.accepted ?? 0) > 0, `work was left in the queue: ${JSON.stringify(midway)}`);
    const inconsistent = await sql<{ id: string }>`
      select m.id from messages m left join message_parts p on p.message_id = m.id
      where m.status = 'submitted' group by m.id, m.segments having count(p.part_no) <> m.segments`.execute(database.db);
    assert.equal(inconsistent.rows.length, 0, 'a submitted message has all its parts recorded');

    startWorkerProcess();
    // No fixed deadline on a busy machine: each wait fails only when its count stops moving.
    await waitFor('every message delivered', async () => (await countBy()).delivered === total, { progress: countBy });
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
  });
});
