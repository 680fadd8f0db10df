import { freePort } from '../stack/free-port.ts';
import { untilMaintenanceQuiet } from './database.ts';
import { findCapacity, type CapacityResult } from './capacity.ts';
import type { BenchConfig } from './config.ts';
import { jsonPoster } from './http-client.ts';
import { ranges, recipients } from './numbers.ts';
import { apiReady, startService, until } from './services.ts';
import type { Stack } from './stack.ts';

export interface SingleSendCapacity {
  /** POST /v1/messages with one recipient, the platform working meanwhile (dispatch, receipts, callbacks). */
  api: CapacityResult;
  /** The raw baseline: one durable INSERT of the same row behind the same HTTP server and pool (raw-accept-main.ts). */
  raw: CapacityResult;
  ratio: number;
}

/** Accept p99 must stay within this for a rate to count. */
export const capacityLimitMs = 20;

/** Phase (d): the highest single-send rate whose accept p99 stays ≤ 20 ms, for the api and for the raw baseline. */
export async function runSingleSendCapacity(
  stack: Stack,
  config: BenchConfig,
  row: { tenantId: string; appId: string; templateId: string; sender: string; body: string; callbackUrl: string },
  log: (message: string) => void,
): Promise<SingleSendCapacity> {
  const search = { limitMs: capacityLimitMs, stepMs: config.capacity.stepMs, startRate: config.capacity.startRate, refinements: 3, log };
  // Numbers enough for the highest rate the search could reach, made up front: the load generator only sends.
  const numbers = (start: number) => recipients(start, 500_000);

  // Each search starts with Postgres idle: what the earlier phases left to vacuum is not the api's to pay.
  await untilMaintenanceQuiet(stack.database.db);
  const api = jsonPoster(stack.apiUrl, stack.tenant.authorization, 256);
  const apiNumbers = numbers(ranges.capacity);
  // A step above capacity leaves a dispatch backlog behind; the next step starts once every accepted message has
  // reported, so each step measures its own rate, not the last one's queue.
  const reportedBefore = (await stack.peers.counts()).messages;
  let accepted = 0;
  const settle = () =>
    until('the messages of the last step to report', async () => (await stack.peers.counts()).messages >= reportedBefore + accepted, 300_000);
  const apiResult = await findCapacity({
    ...search,
    label: '(d) api',
    settle,
    send: (i) =>
      api.post('/v1/messages', { to: [apiNumbers[i]], templateId: stack.tenant.templateId, params: ['135790'] }).then((a) => {
        if (a.status === 202) accepted++;
        return a.status === 202;
      }),
  }).finally(() => api.close());

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startService({
    name: 'raw-accept',
    script: 'scripts/bench/raw-accept-main.ts',
    env: { DATABASE_URL: stack.database.url, TERN_RAW_PORT: String(port), TERN_RAW_ROW: JSON.stringify(row) },
  });
  const raw = jsonPoster(url, '', 256);
  try {
    await until('the raw accept server', () => apiReady(url));
    await untilMaintenanceQuiet(stack.database.db);
    const rawNumbers = numbers(ranges.rawCapacity);
    const rawResult = await findCapacity({ ...search, label: '(d) raw', send: (i) => raw.post('/raw', { to: rawNumbers[i] }).then((a) => a.status === 202) });
    const ratio = rawResult.capacity > 0 ? Math.round((apiResult.capacity / rawResult.capacity) * 100) / 100 : 0;
    return { api: apiResult, raw: rawResult, ratio };
  } finally {
    raw.close();
    await server.stop();
  }
}
