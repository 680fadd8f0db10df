// The tenant's callback server goes down under load and comes back on the same port, with the worker as a process
// of its own: no report is lost, every attempt is recorded, and once the server answers again the reports that
// waited for it are posted at once (released by the first 2xx), not after their back-off.
import '../support/temporal.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { describe, test } from '../support/fixtures.ts';
import { startLoad } from '../support/load.ts';
import { spawnTern, type TernProcess } from '../support/processes.ts';
import { createTestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';

const outageMs = 30_000;
/** The documented bound once the server answers again, while reports keep coming: one release, then the backlog. */
const releaseBoundMs = 10_000;

describe('the callback server is down for a while under load', () => {
  let env: LocalTemporal;
  let simulator: Simulator;
  let worker: TernProcess | undefined;
  const sinks: CallbackSink[] = [];
  beforeAll(async () => {
    [env, simulator] = await Promise.all([
      startLocalTemporal(),
      startSimulator({ receiptDelayMs: 20, receivedCapacity: 100_000 }),
    ]);
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await Promise.all(sinks.map((s) => s.close()));
    await simulator?.close();
    await env?.teardown();
  });

  test('every report arrives, every attempt is recorded, and the waiting ones follow the first 2xx at once', async ({ database, api }) => {
    await routeEverythingTo(database.db, simulator.port);
    const port = await freePort();
    sinks.push(await startCallbackSink({ port, keep: 100_000 }));
    const tenant = await createTestTenant(database.db, { callbackUrl: `http://127.0.0.1:${port}/callbacks`, name: 'Callback Co' });
    worker = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'callback-down' });
    const reported = () => new Set(sinks.flatMap((s) => s.received().map((r) => (r.body as { messageId: string }).messageId)));
    const load = startLoad(api.url, tenant, { prefix: '+86151', batch: 10, senders: 2, pauseMs: 200 });
    await waitFor('reports arriving before the outage', () => reported().size >= 200);

    await sinks[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const pendingAtReturn = Number((await sql<{ n: number }>`select count(*)::int as n from callback_outbox where status = 'pending'`.execute(database.db)).rows[0]?.n);
    sinks.push(await startCallbackSink({ port, keep: 100_000 }));
    const backAt = Date.now();
    // Reports keep coming after the return (the load goes on a moment), as they would in production.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await load.stop();

    const count = () => reported().size;
    await waitFor('every accepted message reported', () => count() === load.accepted.length, { progress: count });
    const waitedFor = await sql<{ last: Date | null; attempts: number; failed: number }>`
      select max(o.completed_at) filter (where o.created_at < ${new Date(backAt)}) as last, count(a.*)::int as attempts,
        count(a.*) filter (where a.error is not null)::int as failed
      from callback_outbox o left join callback_attempts a on a.outbox_id = o.id`.execute(database.db);
    const figures = waitedFor.rows[0];
    const tailMs = (figures?.last?.getTime() ?? backAt) - backAt;
    const received = sinks.reduce((n, s) => n + s.received().length, 0);
    const account = await accountAtSmsc(database.db, simulator, load.accepted);
    reportFault('callback down', {
      ...account,
      outageSeconds: outageMs / 1000,
      pendingAtReturn,
      reportsReceived: received,
      reportsRepeated: received - count(),
      failedAttemptsRecorded: figures?.failed,
      lastWaitingReportAfterSeconds: tailMs / 1000,
    });
    expectNothingLostNothingUnrecorded(account);
    expect(pendingAtReturn).toBeGreaterThan(0);
    expect(figures?.failed).toBeGreaterThan(0);
    expect(received - count(), 'reports posted twice').toBe(0);
    expect(tailMs).toBeLessThan(releaseBoundMs);
    expect(worker.alive()).toBe(true);
  });
});
