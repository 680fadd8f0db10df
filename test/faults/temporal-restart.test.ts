// Temporal restarts while scheduled sends wait on their timers, with the API and the worker as processes of their
// own: immediate sends never stop, the same processes reconnect by themselves, and every scheduled message leaves
// once, at its time (or as soon as Temporal is back, if its time came during the restart).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startTemporalDevServer, type DevServerOptions, type RunningDevServer } from '../../scripts/stack/temporal-dev-server.ts';
import { temporalCliPath } from '../../scripts/temporal/binaries.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { describe, test } from '../support/fixtures.ts';
import { startLoad } from '../support/load.ts';
import { sendCode } from '../support/messages.ts';
import { spawnApi, spawnTern, type TernProcess } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';

const taskQueue = 'temporal-restart';

describe('Temporal restarts with scheduled sends pending', () => {
  let simulator: Simulator;
  let scratch: string;
  let serverOptions: DevServerOptions;
  let temporal: RunningDevServer | undefined;
  const processes: TernProcess[] = [];
  beforeAll(async () => {
    simulator = await startSimulator({ receiptDelayMs: 20, receivedCapacity: 100_000 });
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-temporal-restart-'));
    const cliPath = await temporalCliPath();
    if (!cliPath) throw new Error('the Temporal CLI is not provisioned');
    serverOptions = { cliPath, port: await freePort(), uiPort: await freePort(), dbFile: path.join(scratch, 'temporal.db') };
    temporal = await startTemporalDevServer(serverOptions);
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await temporal?.stop();
    await simulator?.close();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  const polling = async (address: string) => {
    const connection = await Connection.connect({ address });
    try {
      const queue = await connection.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, taskQueueType: 1 });
      return queue.pollers.length > 0;
    } finally {
      await connection.close();
    }
  };

  test('immediate sends go on, the processes reconnect, and every scheduled message leaves once', async ({ database, tenant }) => {
    await routeEverythingTo(database.db, simulator.port);
    const env = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: `127.0.0.1:${serverOptions.port}`, TERN_TASK_QUEUE: taskQueue };
    const worker = spawnTern('worker', env);
    const api = await spawnApi(env);
    processes.push(worker, api);
    await waitFor('the worker polling', () => polling(env.TEMPORAL_ADDRESS).catch(() => false), 60_000);

    // Scheduled sends whose timers run out after the restart, and some while Temporal is away.
    const scheduled: string[] = [];
    const schedule = async (sendAt: Date, first: number) => {
      const to = Array.from({ length: 20 }, (_, i) => `+86152${String(first + i).padStart(8, '0')}`);
      const res = await sendCode(api.url, tenant, to, { sendAt: sendAt.toISOString() });
      expect(res.status, await res.clone().text()).toBe(202);
      scheduled.push(...((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id));
    };
    const inMs = (ms: number) => new Date(Date.now() + ms);
    await schedule(inMs(8_000), 0);
    await schedule(inMs(25_000), 100);

    const load = startLoad(api.url, tenant, { prefix: '+86153', batch: 10, senders: 1, pauseMs: 200 });
    await temporal?.stop();
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const immediateWhileDown = load.accepted.length;
    temporal = await startTemporalDevServer(serverOptions);
    const upAt = Date.now();

    // The API schedules again once Temporal is back (it may answer 503 scheduler_unavailable for a moment).
    await waitFor('a scheduled send accepted after the restart', async () => {
      const res = await sendCode(api.url, tenant, ['+8615200000999'], { sendAt: inMs(5_000).toISOString() });
      if (res.status !== 202) return false;
      scheduled.push(...((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id));
      return true;
    }, 60_000);
    await waitFor('the worker polling again', () => polling(env.TEMPORAL_ADDRESS).catch(() => false), 60_000);
    await load.stop();

    const left = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from messages where id = any(${scheduled}::uuid[]) and status <> 'delivered'`.execute(database.db)).rows[0]?.n);
    await waitFor('every scheduled message delivered', async () => (await left()) === 0, { progress: left });
    const immediateLeft = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from messages where id = any(${load.accepted}::uuid[]) and status <> 'delivered'`.execute(database.db)).rows[0]?.n);
    await waitFor('every immediate message delivered', async () => (await immediateLeft()) === 0, { progress: immediateLeft });

    const lateness = await sql<{ early: number; late_ms: number }>`
      select count(*) filter (where submitted_at < send_at)::int as early,
        coalesce(max(extract(epoch from submitted_at - greatest(send_at, ${new Date(upAt)}::timestamptz)) * 1000), 0)::int as late_ms
      from messages where id = any(${scheduled}::uuid[])`.execute(database.db);
    const scheduledAccount = await accountAtSmsc(database.db, simulator, scheduled);
    const immediateAccount = await accountAtSmsc(database.db, simulator, load.accepted);
    reportFault('temporal restart', {
      scheduled: scheduledAccount,
      immediate: { ...immediateAccount, acceptedWhileDown: immediateWhileDown },
      downSeconds: (upAt - downAt) / 1000,
      scheduledSentEarly: lateness.rows[0]?.early,
      latestAfterDueOrRestartSeconds: (lateness.rows[0]?.late_ms ?? 0) / 1000,
    });
    expectNothingLostNothingUnrecorded(scheduledAccount);
    expectNothingLostNothingUnrecorded(immediateAccount);
    expect(scheduledAccount.duplicatedParts).toBe(0);
    expect(immediateWhileDown).toBeGreaterThan(0);
    expect(lateness.rows[0]?.early).toBe(0);
    expect(worker.alive() && api.alive()).toBe(true);
  });
});
