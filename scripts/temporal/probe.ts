import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import { runChecked } from './exec.ts';

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not get a free port'));
      });
    });
  });
}

export function canConnect(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Waits until something accepts connections on `port`; returns the ms waited. Fails early if `child` exits, quoting
 * the end of its output.
 */
export async function waitForPort(
  port: number,
  timeoutMs: number,
  child?: ChildProcess,
  output?: () => string,
): Promise<number> {
  const started = performance.now();
  let exited: string | undefined;
  child?.once('exit', (code, signal) => {
    exited = code === null ? `signal ${signal}` : `exit code ${code}`;
  });
  for (;;) {
    if (await canConnect(port)) return Math.round(performance.now() - started);
    if (exited) throw new Error(`server exited (${exited}) before listening on ${port}${quote(output?.())}`);
    if (performance.now() - started > timeoutMs) {
      throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms${quote(output?.())}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function quote(text: string | undefined): string {
  const lines = text?.trim().split('\n').slice(-10).join('\n');
  return lines ? `:\n${lines}` : '';
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `temporal --version` and returns its line, e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)". */
export async function cliVersionLine(executable: string): Promise<string> {
  const { stdout } = await runChecked(executable, ['--version'], { timeoutMs: 60_000 });
  const line = stdout.trim().split('\n')[0] ?? '';
  if (!/^temporal version \S+/.test(line)) throw new Error(`${executable} --version printed ${JSON.stringify(stdout)}`);
  return line;
}

/** The CLI version from a `--version` line ("1.9.1"). */
export function parseCliVersion(line: string): string | undefined {
  return /^temporal version (\S+)/.exec(line)?.[1];
}

/**
 * Starts a time-skipping test server the way the SDK does (`<exe> <port>`), waits until it listens, stops it, and
 * returns the start-to-listening time in ms. The test server has no --version: listening is the check.
 */
export async function measureTestServerStart(
  executable: string,
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; args?: readonly string[] } = {},
): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(executable, [String(port), ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  try {
    await Promise.race([waitForPort(port, options.timeoutMs ?? 30_000, child, () => output), spawnError]);
    return Math.round(performance.now() - started);
  } finally {
    await stopProcess(child);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
