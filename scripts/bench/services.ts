import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Client } from '@temporalio/client';
import { spawnTied } from '../stack/tied-spawn.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface Service {
  name: string;
  pid: number;
  /** SIGTERM, as an orchestrator would; the process shuts down gracefully (and writes its CPU profile). */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  name: string;
  /** The entry point, from the repository root; default `<name>/main.ts`. */
  script?: string;
  /** JavaScript already built (`npm run build`): run by node alone, without tsx. */
  built?: boolean;
  env: Record<string, string>;
  cpuProfileDir?: string | undefined;
}

/** Runs `api/main.ts`, `worker/main.ts` (or `script`) in a child process of its own, its output prefixed with its name. */
export function startService(options: ServiceOptions): Service {
  const profile = options.cpuProfileDir
    ? // A folder per service: tsx's loader thread writes a profile of its own next to the main thread's.
      ['--cpu-prof', `--cpu-prof-dir=${path.join(options.cpuProfileDir, options.name)}`]
    : [];
  const loader = options.built ? ['--enable-source-maps'] : ['--import', 'tsx'];
  const child: ChildProcess = spawnTied(process.execPath, [...loader, ...profile, path.join(root, options.script ?? path.join(options.name, 'main.ts'))], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on('line', (line) => console.error(`[${options.name}] ${line}`));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[bench] the ${options.name} process exited (${code ?? signal}) before the bench stopped it`);
  });
  let stopping = false;
  return {
    name: options.name,
    pid: child.pid ?? 0,
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until `check` resolves true, or throws after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function apiReady(url: string): Promise<boolean> {
  const res = await fetch(`${url}/readyz`);
  return res.ok;
}

/** The worker is fully up once it polls its task queue (its workflow bundle is built by then). */
export async function workerPolling(client: Client, namespace: string, taskQueue: string): Promise<boolean> {
  const response = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
  });
  return (response.pollers?.length ?? 0) > 0;
}
