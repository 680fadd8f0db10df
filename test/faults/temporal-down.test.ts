// Temporal down when the worker starts: the hot path must not depend on it. The worker process starts, delivers
// immediate sends, and connects to Temporal by itself once Temporal is there.
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startTemporalDevServer, type RunningDevServer } from '../../scripts/stack/temporal-dev-server.ts';
import { temporalCliPath } from '../../scripts/temporal/binaries.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { describe, test } from '../support/fixtures.ts';
import { spawnApi, spawnTern, type TernProcess } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sendCode } from '../support/messages.ts';

describe('Temporal down', () => {
  let simulator: Simulator;
  let worker: TernProcess | undefined;
  let temporal: RunningDevServer | undefined;
  let scratch: string;
  beforeAll(async () => {
    simulator = await startSimulator({ receiptDelayMs: 20 });
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-temporal-down-'));
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await temporal?.stop();
    await simulator?.close();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  test('the worker starts and delivers without Temporal, and connects once Temporal is up', async ({ database, api, tenant }) => {
    await routeEverythingTo(database.db, simulator.port);
    const temporalPort = await freePort();
    worker = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`, TERN_TASK_QUEUE: 'temporal-down' });

    const to = Array.from({ length: 100 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
    expect((await sendCode(api.url, tenant, to)).status).toBe(202);
    const delivered = async () => Number((await database.db.selectFrom('messages').where('status', '=', 'delivered').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await waitFor('every message delivered with Temporal down', async () => (await delivered()) === to.length, { progress: delivered });
    expect(worker.alive()).toBe(true);

    const cli = await temporalCliPath();
    temporal = await startTemporalDevServer({ cliPath: cli!, port: temporalPort, uiPort: await freePort(), dbFile: path.join(scratch, 'temporal.db') });
    const connection = await Connection.connect({ address: temporal.address });
    try {
      await waitFor('the worker polling once Temporal is up', async () => {
        const queue = await connection.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: 'temporal-down' }, taskQueueType: 1 });
        return queue.pollers.length > 0;
      }, 60_000);
    } finally {
      await connection.close();
    }
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  test('the API starts without Temporal: ready for sending, scheduled sends refused fast with 503 and Retry-After, nothing stored', async ({ database, otherTenant }) => {
    const api = await spawnApi({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    const { url } = api;
    try {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up', temporal: 'down' });

      const send = (extra: Record<string, unknown>, to: string) => sendCode(url, otherTenant, [to], extra);
      const stored = async () => Number((await database.db.selectFrom('messages').where('tenant_id', '=', otherTenant.tenantId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect((await send({}, '+8613912345678')).status).toBe(202);
      expect(await stored()).toBe(1);

      const started = Date.now();
      const scheduled = await send({ sendAt: new Date(Date.now() + 3_600_000).toISOString() }, '+8613912345679');
      const tookMs = Date.now() - started;
      expect(scheduled.status).toBe(503);
      expect(scheduled.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await scheduled.json()).toMatchObject({ code: 'scheduler_unavailable' });
      expect(tookMs).toBeLessThan(10_000);
      expect(await stored()).toBe(1);
      process.stderr.write(`[faults] temporal down: scheduled send refused in ${tookMs} ms\n`);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });
});
