import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { ternSearchAttributes } from '../../workflows/search-attributes.ts';
import { spawnTied } from './tied-spawn.ts';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  /** The Web UI's port; none when absent (headless). */
  uiPort?: number;
  /** Where the state is kept, so that a second run resumes; in memory when absent. */
  dbFile?: string;
  namespace?: string;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  stop(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`the Temporal dev server did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The Temporal CLI's dev server (with its Web UI unless headless), keeping its state in a file so a second run
 * resumes, or in memory. It dies with this process, however this process ends.
 */
export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    ...(options.dbFile === undefined ? [] : ['--db-filename', options.dbFile]),
    '--namespace', options.namespace ?? 'default',
    '--log-level', 'warn',
    ...ternSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]),
  ];
  const child: ChildProcess = spawnTied(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trim()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trim()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForPort(options.port, 30_000),
      exited.then(() => {
        throw new Error('the Temporal dev server exited at start; is the port taken?');
      }),
    ]);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort === undefined ? null : `http://localhost:${options.uiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
