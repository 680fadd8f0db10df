// The production shape on one machine: each piece of the dev stack as a process of its own (docs/operations.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { waitFor } from '../support/wait.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `npm run <name>` until it says it is up, then gives what it printed and a stop that SIGINTs it. */
async function runService(name: string, env: Record<string, string>) {
  // A process group of its own, so Ctrl-C can be sent as a terminal sends it: to npm and the service alike.
  const child = spawn('npm', ['run', '-s', name], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await Promise.race([
    exited.then(({ code, signal }) => {
      throw new Error(`npm run ${name} exited ${code ?? signal}: ${output}`);
    }),
    waitFor(`npm run ${name} up`, () => /Press Ctrl-C to stop/.test(output), 60_000),
  ]);
  return {
    output,
    /** Ctrl-C; resolves with how npm ended: 0, or the SIGINT it passes on, as npm does. */
    async stop() {
      process.kill(-child.pid!, 'SIGINT');
      const { code, signal } = await exited;
      return code ?? signal;
    },
  };
}

describe('each service on its own', () => {
  test('npm run postgres serves a tern database, npm run callback-sink records, and Ctrl-C stops both', async () => {
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-services-'));
    dirs.push(stateDir);
    const env = { TERN_DEV_DIR: stateDir, TERN_PG_PORT: String(await freePort()), TERN_CALLBACK_SINK_PORT: String(await freePort()) };
    const [postgres, sink] = await Promise.all([runService('postgres', env), runService('callback-sink', env)]);

    const databaseUrl = /DATABASE_URL=(\S+)/.exec(postgres.output)?.[1];
    expect(databaseUrl).toBe(`postgres://tern:tern@127.0.0.1:${env.TERN_PG_PORT}/tern`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    expect((await client.query('select current_database() as db')).rows).toEqual([{ db: 'tern' }]);
    await client.end();

    const sinkUrl = `http://127.0.0.1:${env.TERN_CALLBACK_SINK_PORT}/callbacks`;
    expect((await fetch(sinkUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messageId":"m1"}' })).ok).toBe(true);
    expect(await (await fetch(sinkUrl)).json()).toMatchObject([{ body: { messageId: 'm1' } }]);

    expect([0, 'SIGINT']).toContain(await postgres.stop());
    expect([0, 'SIGINT']).toContain(await sink.stop());
    // Nothing left behind: both ports are free again once the services have finished stopping (npm passes Ctrl-C
    // on and may end before its child does).
    const refused = (attempt: () => Promise<unknown>) => attempt().then(() => false, (err: Error) => /ECONNREFUSED|fetch failed/.test(`${err.message} ${String(err.cause)}`));
    await waitFor('the sink gone', () => refused(() => fetch(sinkUrl)), 15_000);
    await waitFor('Postgres gone', () => refused(async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.end();
    }), 15_000);
  });
});
