// Postgres goes away under load (its backends terminated, then the server restarted) while the API and the worker
// run as processes of their own: the same processes ride it out, answer 503 with Retry-After meanwhile, and every
// message that got a 202 is delivered and reported.
import '../support/temporal.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { connectDb, type Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/stack/postgres.ts';
import { devServerExecutable } from '../../scripts/temporal/binaries.ts';
import { ternSearchAttributes } from '../../workflows/search-attributes.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { spawnApi, spawnTern, type TernProcess } from '../support/processes.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { messageCounts, sendCode } from '../support/messages.ts';

describe('Postgres restarts and terminated backends under load (API and worker as processes)', () => {
  let scratch: string;
  let postgres: RunningPostgres;
  let pgOptions: Parameters<typeof startEmbeddedPostgres>[0];
  let url: string;
  let db: Db;
  let env: TestWorkflowEnvironment;
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
      TestWorkflowEnvironment.createLocal({ server: { executable: await devServerExecutable(), searchAttributes: ternSearchAttributes } }),
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

  let sequence = 0;
  const accepted = new Set<string>();
  const refusals: { status: number; retryAfter: string | null; code: string }[] = [];

  /** One request of 50 recipients: 202 adds its messages to `accepted`; anything else is kept to be checked. */
  async function sendBatch(): Promise<number> {
    const to = Array.from({ length: 50 }, () => `+86137${String(sequence++).padStart(8, '0')}`);
    const res = await sendCode(apiUrl, tenant, to).catch(() => undefined);
    if (!res) return 0;
    const body = (await res.json()) as { messages?: { id: string }[]; code?: string };
    if (res.status === 202) for (const m of body.messages ?? []) accepted.add(m.id);
    else refusals.push({ status: res.status, retryAfter: res.headers.get('retry-after'), code: body.code ?? '' });
    return res.status;
  }

  const readiness = async () => (await fetch(`${apiUrl}/readyz`)).status;

  const terminateBackends = async () => {
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name like 'tern-%'`);
    await admin.end();
    return (rows[0] as { n: number }).n;
  };

  /** Four senders in a loop until stopped, so statements are in flight whenever the database goes away. */
  function startLoad() {
    let running = true;
    const senders = Array.from({ length: 4 }, async () => {
      while (running) if ((await sendBatch()) !== 202) await new Promise((r) => setTimeout(r, 100));
    });
    return async () => {
      running = false;
      await Promise.all(senders);
    };
  }

  test('the same processes carry on and every accepted message is delivered and reported', async () => {
    const stopLoad = startLoad();
    await waitFor('work in flight', () => accepted.size >= 500);
    for (let i = 0; i < 3; i++) {
      expect(await terminateBackends()).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));
    }
    const beforeRestart = accepted.size;
    await waitFor('sending again after the terminations', () => accepted.size >= beforeRestart + 300);

    await db.destroy();
    await postgres.stop();
    // While the database is down: readiness says so, and sends are refused with 503 and Retry-After, not lost.
    await waitFor('refusals while the database is down', () => refusals.length >= 3);
    expect(await readiness()).toBe(503);
    postgres = await startEmbeddedPostgres(pgOptions);
    db = connectDb({ connectionString: url, max: 2, applicationName: 'fault-test' });
    await waitFor('the API ready again', async () => (await readiness()) === 200, 30_000);
    const afterRestart = accepted.size;
    await waitFor('sending again after the restart', () => accepted.size >= afterRestart + 300, 30_000);
    await stopLoad();

    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 503, code: 'database_unavailable', retryAfter: expect.stringMatching(/^\d+$/) });

    const statuses = () => messageCounts(db);
    await waitFor('every accepted message delivered', async () => (await statuses()).delivered === accepted.size, { progress: statuses });
    const reported = () => new Set(sink.received().map((r) => (r.body as { messageId: string }).messageId)).size;
    await waitFor('every accepted message reported', () => reported() === accepted.size, { progress: reported });
    const total = Number((await sql<{ n: number }>`select count(*)::int as n from messages`.execute(db)).rows[0]?.n);
    expect(total).toBe(accepted.size);
    // Each recipient is sent one message: one recipient seen twice at the SMSC is a duplicate SMS.
    const atSmsc = new Map<string, number>();
    for (const m of simulator.received()) atSmsc.set(m.to, (atSmsc.get(m.to) ?? 0) + 1);
    const duplicated = [...atSmsc.values()].filter((n) => n > 1).length;
    const figures = { accepted: accepted.size, refused: refusals.length, delivered: (await statuses()).delivered, lost: accepted.size - atSmsc.size, duplicated };
    process.stderr.write(`[faults] database restart: ${JSON.stringify(figures)}\n`);
    expect(figures.lost).toBe(0);
    // A round's results are held and recorded once the database is back, so nothing is sent again.
    expect(duplicated).toBe(0);
    expect(api.alive()).toBe(true);
    expect(worker.alive()).toBe(true);
  });
});
