// SIGTERM to a worker process mid-flight, as on a deploy: it finishes its rounds and records them, holds no lease
// when it exits (so the next worker starts at once, not after the lease), unbinds, and nothing is sent twice.
import '../support/temporal.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApi } from '../support/api.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { describe, test } from '../support/fixtures.ts';
import { spawnTern, type TernProcess } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';
import { messageCounts, sendCode } from '../support/messages.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';

describe('a worker process stopped with SIGTERM mid-flight', () => {
  let env: LocalTemporal;
  let simulator: Simulator;
  const workers: TernProcess[] = [];
  beforeAll(async () => {
    [env, simulator] = await Promise.all([
      startLocalTemporal(),
      // Slow answers keep submits in the window when the signal comes.
      startSimulator({ receiptDelayMs: 100, submitResponseDelayMs: 5, receivedCapacity: 10_000 }),
    ]);
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await simulator?.close();
    await env?.teardown();
  });

  test('exits 0 holding no lease, and the next worker delivers the rest at once, none twice', async ({ database, tenant }) => {
    await routeEverythingTo(database.db, simulator.port);
    const counts = () => messageCounts(database.db);
    const startWorker = () => {
      const worker = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'sigterm' });
      workers.push(worker);
      return worker;
    };

    const first = startWorker();
    // Fully started (its Temporal worker polling), so the signal finds it in its stride, not still starting.
    await waitFor('the first worker polling its task queue', async () => {
      const queue = await env.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: 'sigterm' }, taskQueueType: 1 });
      return queue.pollers.length > 0;
    }, 60_000);
    const api = await startTestApi(database);
    const total = 3000;
    const ids: string[] = [];
    try {
      for (let i = 0; i < total / 1000; i++) {
        const to = Array.from({ length: 1000 }, (_, j) => `+86135${String(i * 1000 + j).padStart(8, '0')}`);
        const res = await sendCode(api.url, tenant, to);
        expect(res.status).toBe(202);
        ids.push(...((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id));
      }
    } finally {
      await api.stop();
    }
    await waitFor('the first worker busy', async () => ((await counts()).submitted ?? 0) >= 300, { progress: counts });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const unbinds = simulator.stats().unbinds;
    expect(unbinds).toBeGreaterThan(0);

    const leased = await sql<{ n: number }>`
      select count(*)::int as n from messages where status = 'accepted' and next_attempt_at > now() + interval '1 second'`.execute(database.db);
    expect(leased.rows[0]?.n, 'messages still leased by the stopped worker').toBe(0);
    const left = (await counts()).accepted ?? 0;

    const restarted = Date.now();
    const second = startWorker();
    await waitFor('every message delivered', async () => (await counts()).delivered === total, { progress: counts });
    const seconds = (Date.now() - restarted) / 1000;
    const account = await accountAtSmsc(database.db, simulator, ids);
    reportFault('worker sigterm', { ...account, leftForTheNext: left, deliveredAllAfterSeconds: seconds });
    expectNothingLostNothingUnrecorded(account);
    expect(account.duplicatedParts).toBe(0);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  test('a SIGTERM while the worker is still starting stops it gracefully once started (exit 0), not mid-round', async ({ database }) => {
    const worker = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'sigterm-early' });
    workers.push(worker);
    // The hot path runs at once; the Temporal worker takes seconds to bundle the workflows.
    await waitFor('the worker connected', async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = 'tern-listener' and datname = current_database()`.execute(database.db);
      return (rows[0]?.n ?? 0) > 0;
    }, 30_000);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
