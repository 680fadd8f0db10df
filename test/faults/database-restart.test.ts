// Postgres goes away under load (its backends terminated, then the server restarted) while the API and the worker
// run as processes of their own: the same processes ride it out, answer 503 with Retry-After meanwhile, and every
// message that got a 202 is delivered and reported.
import '../support/temporal.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { connectDb, type Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/stack/postgres.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { spawnApi, spawnTern, type TernProcess } from '../support/processes.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { messageCounts } from '../support/messages.ts';
import { startLoad } from '../support/load.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';

describe('Postgres restarts and terminated backends under load (API and worker as processes)', () => {
  let scratch: string;
  let postgres: RunningPostgres;
  let pgOptions: Parameters<typeof startEmbeddedPostgres>[0];
  let url: string;
  let db: Db;
  let env: LocalTemporal;
  let simulator: Simulator;
  let sink: CallbackSink;
  let tenant: TestTenant;
  let api: TernProcess;
  let worker: TernProcess;
  let apiUrl: string;

  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-fault-pg-'));
    pgOptions = { dataDir: path.join(scratch, 'pg'), port: await freePort(), unsafeFast: true };
    postgres = await startEmbeddedPostgres(pgOptions);
    url = await postgres.database('tern');
    db = connectDb({ connectionString: url, max: 2, applicationName: 'fault-test' });
    await migrateToLatest(db);
    [env, simulator, sink] = await Promise.all([
      startLocalTemporal(),
      startSimulator({ receiptDelayMs: 50, receivedCapacity: 100_000 }),
      startCallbackSink({ keep: 100_000 }),
    ]);
    tenant = await createTestTenant(db, { callbackUrl: sink.url });
    await routeEverythingTo(db, simulator.port);
    const common = { DATABASE_URL: url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'faults' };
    worker = spawnTern('worker', { ...common, TERN_CALLBACK_TIMEOUT_MS: '1000' });
    const started = await spawnApi(common);
    [api, apiUrl] = [started, started.url];
  });
  afterAll(async () => {
    for (const p of [api, worker]) p?.child.kill('SIGKILL');
    await db?.destroy();
    await Promise.all([simulator?.close(), sink?.close()]);
    await env?.teardown();
    await postgres?.stop();
    await fs.rm(postgres?.dataDir ?? '', { recursive: true, force: true });
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const readiness = async () => (await fetch(`${apiUrl}/readyz`)).status;

  const terminateBackends = async () => {
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name like 'tern-%'`);
    await admin.end();
    return (rows[0] as { n: number }).n;
  };

  test('the same processes carry on and every accepted message is delivered and reported', async () => {
    const load = startLoad(apiUrl, tenant, { prefix: '+86137' });
    const { accepted, refusals } = load;
    await waitFor('work in flight', () => accepted.length >= 500);
    for (let i = 0; i < 3; i++) {
      expect(await terminateBackends()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));
    }
    const beforeRestart = accepted.length;
    await waitFor('sending again after the terminations', () => accepted.length >= beforeRestart + 300);

    await db.destroy();
    await postgres.stop();
    // While the database is down: readiness says so, and sends are refused with 503 and Retry-After, not lost.
    await waitFor('refusals while the database is down', () => refusals.length >= 3);
    expect(await readiness()).toBe(503);
    postgres = await startEmbeddedPostgres(pgOptions);
    const backAt = Date.now();
    db = connectDb({ connectionString: url, max: 2, applicationName: 'fault-test' });
    await waitFor('the API ready again', async () => (await readiness()) === 200, 30_000);
    const readyAfterSeconds = (Date.now() - backAt) / 1000;
    const afterRestart = accepted.length;
    await waitFor('sending again after the restart', () => accepted.length >= afterRestart + 300, 30_000);
    await load.stop();

    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 503, code: 'database_unavailable', retryAfter: expect.stringMatching(/^\d+$/) });

    const statuses = () => messageCounts(db);
    await waitFor('every accepted message delivered', async () => (await statuses()).delivered === accepted.length, { progress: statuses });
    const reported = () => new Set(sink.received().map((r) => (r.body as { messageId: string }).messageId)).size;
    await waitFor('every accepted message reported', () => reported() === accepted.length, { progress: reported });
    const total = Number((await sql<{ n: number }>`select count(*)::int as n from messages`.execute(db)).rows[0]?.n);
    expect(total).toBe(accepted.length);
    const account = await accountAtSmsc(db, simulator, accepted);
    reportFault('database restart', { ...account, refused: refusals.length, readyAfterSeconds });
    expectNothingLostNothingUnrecorded(account);
    // A round's results are held and recorded once the database is back, so nothing is sent again.
    expect(account.duplicatedParts).toBe(0);
    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
  });

  test('a worker started while Postgres is down waits for it, then starts', async () => {
    await db.destroy();
    await postgres.stop();
    const metricsPort = await freePort();
    const late = spawnTern('worker', { DATABASE_URL: url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'faults', TERN_METRICS_PORT: String(metricsPort) });
    try {
      const metricsUp = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => undefined))?.ok === true;
      await new Promise((r) => setTimeout(r, 6_000));
      // Still starting: waiting for the routing, not exited and not serving.
      expect(late.alive()).toBe(true);
      expect(await metricsUp()).toBe(false);
      postgres = await startEmbeddedPostgres(pgOptions);
      db = connectDb({ connectionString: url, max: 2, applicationName: 'fault-test' });
      await waitFor('the late worker to start', metricsUp, 30_000);
      expect(late.alive()).toBe(true);
    } finally {
      late.child.kill('SIGKILL');
    }
  });
});
