import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createTenantApp, createTemplate, createTenant } from '../../db/provisioning.ts';
import { createApprovedSignature } from '../../db/signatures.ts';
import { addPackage } from '../../db/packages.ts';
import { putCarrier } from '../../db/carriers.ts';
import { everyNumberTo, replaceRoutes } from '../../db/routes.ts';
import { masterKeyFrom, newMasterKey, secretBox } from '../../domain/secret-box.ts';
import { freePort } from '../stack/free-port.ts';
import { buildApi } from '../build-api.ts';
import type { BenchConfig } from './config.ts';
import { startBenchDatabase, type BenchDatabase } from './database.ts';
import { accounts, startPeers, type Peers } from './peers.ts';
import { apiReady, startService, until, workerPolling, type Service } from './services.ts';
import { startLocalTemporal } from '../stack/local-temporal.ts';

/** The api's V8 memory limits (old space, young generation), as docker-compose sets them. */
export const apiHeap = [process.env.NODE_OPTIONS, '--max-old-space-size=160 --max-semi-space-size=8'].filter(Boolean).join(' ');

/** The api as deployed: built into one file (`npm run build`) and run by node alone. */
export async function builtApi(): Promise<{ name: string; script: string; built: true }> {
  return { name: 'api', script: path.relative(path.resolve(import.meta.dirname, '../..'), await buildApi()), built: true };
}

export const sender = 'TERN';
export const codeTemplate = 'Your code is ${1}. It expires in 5 minutes.';
export const benchSignature = 'Bench';

export interface Stack {
  database: BenchDatabase;
  peers: Peers;
  apiUrl: string;
  tenant: { tenantId: string; appId: string; templateId: string; authorization: string };
  /** Process ids by name, for the CPU accounting. */
  pids: Record<string, number>;
  /** The Temporal dev server the api and worker use: a client of its namespace, to read workflows' histories. */
  temporal: { client: Client; namespace: string };
  /** Starts a second worker process (its pid joins `pids`); stopping it gives its binds back to the first. */
  startSecondWorker(): Service;
  stop(): Promise<void>;
}

const taskQueue = 'tern-bench';
const namespace = 'default';

/**
 * Everything the bench runs against, on this machine: embedded Postgres, the Temporal dev server, the simulator
 * and the callback sink, a tenant, and the api and worker processes (api/main.ts, worker/main.ts) once they
 * answer, bind and poll. Whatever started is stopped again by `stop()`, also when a later step failed.
 */
export async function startStack(config: BenchConfig, log: (message: string) => void, options: { wirePrefix?: string } = {}): Promise<Stack> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((err: unknown) => log(`clean-up step failed: ${String(err)}`));
    stops.length = 0;
  };
  try {
    log('starting Postgres, the Temporal dev server, the simulator and the callback sink…');
    const [database, env, peers] = await Promise.all([
      startBenchDatabase().then((d) => (stops.push(() => d.stop()), d)),
      startLocalTemporal().then((e) => (stops.push(() => e.teardown()), e)),
      startPeers(config.receiptDelayMs, options).then((p) => (stops.push(() => p.close()), p)),
    ]);

    const tenantId = await createTenant(database.db, 'Bench Co');
    const masterKey = newMasterKey();
    const secrets = secretBox(masterKeyFrom(masterKey));
    // One upstream carries every number: the bench measures the hot path, not routing tables. Its binds share the
    // window the raw baseline's one session has, so both have as many submit_sm outstanding.
    const bind = { host: '127.0.0.1', port: peers.smppPort, ...accounts.platform, window: Math.max(1, Math.floor(config.window / config.binds)) };
    await putCarrier(database.db, secrets, { id: 'sim', name: 'bench simulator', binds: Array.from({ length: config.binds }, () => bind) });
    await replaceRoutes(database.db, everyNumberTo('sim'));
    const app = await createTenantApp(database.db, secrets, { tenantId, name: 'bench', senderId: sender, callbackUrl: peers.sinkUrl });
    const templateId = await createTemplate(database.db, { tenantId, name: 'code', region: 'mainland', type: 'verification', body: codeTemplate });
    // Mainland messages carry an approved signature, as in production.
    await createApprovedSignature(database.db, tenantId, benchSignature, 'verification');
    // A package pays for every message, as for most tenants: each accept takes the package's lock (docs/billing.md).
    const now = new Date();
    await addPackage(
      database.db,
      { tenantId, scope: 'mainland', segments: 100_000_000, validFrom: now, expiresAt: new Date(now.getTime() + 86_400_000), source: 'grant', reference: 'bench', operatorId: tenantId },
      now,
    );

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const cpuProfileDir = config.cpuProfileDir ? path.resolve(config.cpuProfileDir) : undefined;
    // The counting sink is on loopback: the one place reports may go besides public addresses.
    const callbackAllow = `127.0.0.1:${new URL(peers.sinkUrl).port}`;
    const common = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: namespace, TERN_TASK_QUEUE: taskQueue, TERN_CALLBACK_ALLOW: callbackAllow };
    const api = startService({ ...(await builtApi()), env: { ...common, TERN_MASTER_KEY: masterKey, TERN_API_PORT: String(apiPort), TERN_API_HOST: '127.0.0.1', NODE_OPTIONS: apiHeap }, cpuProfileDir });
    stops.push(() => api.stop());
    // The heap limits as docker-compose sets them (docs/operations.md): RSS is measured as deployed.
    const workerHeap = [process.env.NODE_OPTIONS, '--max-old-space-size=256'].filter(Boolean).join(' ');
    const workerEnv = { ...common, TERN_MASTER_KEY: masterKey, NODE_OPTIONS: workerHeap };
    const worker = startService({ name: 'worker', env: workerEnv, cpuProfileDir });
    stops.push(() => worker.stop());
    log('waiting for the api and the worker…');
    await until('the api', () => apiReady(apiUrl));
    await until('the worker to bind to the simulator', async () => (await peers.sessions()).filter((x) => x.systemId === accounts.platform.systemId).length === config.binds);
    await until('the worker to poll Temporal', () => workerPolling(env.client, namespace, taskQueue));

    const pids: Record<string, number> = { bench: process.pid, ...peers.pids, api: api.pid, worker: worker.pid };
    return {
      database,
      peers,
      apiUrl,
      tenant: { tenantId, appId: app.id, templateId, authorization: `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64')}` },
      pids,
      temporal: { client: env.client, namespace },
      startSecondWorker() {
        const second = startService({ name: 'worker-2', script: 'worker/main.ts', env: workerEnv, cpuProfileDir });
        pids['worker-2'] = second.pid;
        stops.push(() => second.stop());
        return second;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
