// `npm test`: provisions what the suite needs (Temporal binaries, one embedded Postgres cluster with a migrated
// template database), runs every test file with Node's test runner, and tears the cluster down.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { temporalCliPath, temporalTestServerPath } from './temporal/binaries.ts';
import { freePort } from './stack/free-port.ts';
import { startEmbeddedPostgres } from './stack/postgres.ts';
import { prepareTemplateDatabase } from '../test/support/postgres.ts';

const root = path.resolve(import.meta.dirname, '..');

async function testFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const started = performance.now();
  console.error('[tern] provisioning Temporal binaries…');
  const [cli, testServer] = await Promise.all([temporalCliPath(), temporalTestServerPath()]);
  if (cli) process.env.TERN_TEMPORAL_CLI ??= cli;
  if (testServer) process.env.TERN_TEMPORAL_TEST_SERVER ??= testServer;

  console.error('[tern] starting embedded Postgres for the suite…');
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-suite-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: await freePort(), unsafeFast: true });
  try {
    await prepareTemplateDatabase(pg.adminUrl);
    process.env.TERN_TEST_PG_URL = pg.adminUrl;
    console.error(`[tern] ready in ${((performance.now() - started) / 1000).toFixed(1)} s; running tests`);

    let files = await testFiles(path.join(root, 'test'));
    if (filters.length) files = files.filter((f) => filters.some((flt) => f.includes(flt)));
    const concurrency = process.env.TERN_TEST_CONCURRENCY ?? '2';
    return await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
        { cwd: root, stdio: 'inherit', env: process.env },
      );
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await pg.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
