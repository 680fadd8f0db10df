// The dev stack killed hard (SIGKILL, an out-of-memory kill, a crash): the Temporal dev server and Postgres it
// started must not live on holding their ports, or the next `npm run dev` cannot start. The same for the Temporal
// servers a test file or the bench starts.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { waitFor } from '../support/wait.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Six consecutive free ports for the dev stack's simulators. */
async function freeRange(size: number): Promise<number> {
  for (;;) {
    const first = await freePort();
    if (first + size > 65_535) continue;
    const free = await Promise.all(Array.from({ length: size }, (_, i) => isFree(first + i)));
    if (free.every(Boolean)) return first;
  }
}

/** Whether something accepts connections on the port (a server listening on every address binds no 127.0.0.1). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('the dev stack and the tests’ Temporal server killed with SIGKILL', () => {
  const running: ChildProcess[] = [];
  let stateDir: string;
  afterAll(async () => {
    const alive = running.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(alive.map((c) => new Promise((resolve) => c.once('exit', resolve).kill('SIGINT'))));
    if (stateDir) await fs.rm(stateDir, { recursive: true, force: true });
  });

  test('leaves no Temporal server or Postgres behind, and the next start comes up', async () => {
    stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-dev-killed-'));
    // Seven single ports and six in a row, none the same.
    const smscFirst = await freeRange(6);
    const taken = new Set(Array.from({ length: 6 }, (_, i) => smscFirst + i));
    const another = async () => {
      for (;;) {
        const port = await freePort();
        if (taken.has(port)) continue;
        taken.add(port);
        return port;
      }
    };
    const ports = {
      TERN_PG_PORT: await another(),
      TERN_TEMPORAL_PORT: await another(),
      TERN_TEMPORAL_UI_PORT: await another(),
      TERN_API_PORT: await another(),
      TERN_CALLBACK_SINK_PORT: await another(),
      TERN_SMSC_CONTROL_PORT: await another(),
      TERN_CARRIER_API_PORT: await another(),
      TERN_SMSC_PORT: smscFirst,
    };
    const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), TERN_DEV_DIR: stateDir, LOG_LEVEL: 'warn' };
    const startDev = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
      running.push(child);
      let output = '';
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`npm run dev exited ${code}:\n${output}`))));
      await Promise.race([exited, waitFor('the dev stack up', () => /\[tern\] up in/.test(output), 120_000)]);
      exited.catch(() => undefined); // it ends later, by our hand
      return child;
    };
    const first = await startDev();
    for (const port of [ports.TERN_PG_PORT, ports.TERN_TEMPORAL_PORT, ports.TERN_TEMPORAL_UI_PORT]) expect(await isFree(port)).toBe(false);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    for (const [name, port] of [['Postgres', ports.TERN_PG_PORT], ['the Temporal dev server', ports.TERN_TEMPORAL_PORT], ['the Temporal UI', ports.TERN_TEMPORAL_UI_PORT]] as const) {
      await waitFor(`${name} gone from port ${port}`, () => isFree(port), 15_000);
    }

    const second = await startDev();
    // Ctrl-C at once: the stack stops cleanly even while it is still settling.
    const exitCode = new Promise((resolve) => second.once('exit', resolve));
    second.kill('SIGINT');
    expect(await exitCode).toBe(0);
  });

  const throwAwayServers = {
    'the dev server of the tests and the bench':
      "import { startLocalTemporal } from './scripts/stack/local-temporal.ts'; const t = await startLocalTemporal(); console.log(t.address);",
    'the time-skipping test server of the workflow tests':
      "import { TestWorkflowEnvironment } from '@temporalio/testing'; import { testServerExecutable } from './scripts/temporal/binaries.ts'; " +
      'const t = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await testServerExecutable() } }); console.log(t.address);',
  };
  test.each(Object.entries(throwAwayServers))('%s dies with the process that started it', async (_, script) => {
    // The process stays up (an empty interval) until it is killed.
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${script} setInterval(() => undefined, 60_000);`], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    running.push(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    const port = Number(await waitFor('the Temporal server address', () => /:(\d+)\s*$/m.exec(output)?.[1], 60_000));
    expect(await accepts(port)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await waitFor(`the Temporal server gone from port ${port}`, async () => !(await accepts(port)), 15_000);
  });
});
