import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { apiBundle } from '../../scripts/build-api.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { spawnTied } from '../../scripts/stack/tied-spawn.ts';
import { testMasterKey } from './secrets.ts';
import { waitFor } from './wait.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface TernProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
  alive(): boolean;
}

/**
 * The API (`dist/api.mjs`, built from `api/main.ts`) or the worker (`worker/main.ts`) as a process of its own, the
 * production shape, sealed with the tests' master key. Its errors go to this process's stderr.
 */
export function spawnTern(which: 'api' | 'worker', env: Record<string, string>): TernProcess {
  // The api as deployed: the file the suite's setup built (`npm run build`), run by node alone.
  const entry = which === 'api' ? ['--enable-source-maps', apiBundle] : ['--import', 'tsx', 'worker/main.ts'];
  const child = spawnTied(process.execPath, entry, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'error', TERN_MASTER_KEY: testMasterKey, ...env },
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, exited, alive: () => child.exitCode === null && child.signalCode === null };
}

/** The API as a process of its own on a free loopback port, once it answers `/healthz`. */
export async function spawnApi(env: Record<string, string>): Promise<TernProcess & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawnTern('api', { ...env, TERN_API_PORT: String(port), TERN_API_HOST: '127.0.0.1' });
  await waitFor('the API to listen', async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok, 30_000);
  return { ...api, url };
}
