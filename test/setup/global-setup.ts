// Once per `npm test`, before any test file: the Temporal binaries (provisioned into ~/.cache/tern), one embedded
// Postgres cluster with a migrated template database, which every test file clones (test/support/postgres.ts), and
// the api and the console built as deployed (`npm run build`): the tests that run the api as a process start that
// build (test/support/processes.ts), and every api serves that console.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApi } from '../../scripts/build-api.ts';
import { buildConsole } from '../../scripts/build-console.ts';
import { chromiumPath } from '../../scripts/browser/chromium.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startEmbeddedPostgres } from '../../scripts/stack/postgres.ts';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/temporal/binaries.ts';
import { prepareTemplateDatabase } from '../support/template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's Postgres cluster, as its superuser. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  // Test files read these through scripts/temporal/binaries.ts; forked workers inherit the environment.
  // Chromium for the browser tests, installed here (once per machine) rather than under a test's time limit; when it
  // cannot be, the browser tests fail with the reason and the rest of the suite runs.
  const [cli, testServer] = await Promise.all([
    temporalCliPath(),
    temporalTestServerPath(),
    buildApi(),
    buildConsole(),
    chromiumPath().catch((error: unknown) => process.stderr.write(`[tern] no browser for the console's tests: ${(error as Error).message}\n`)),
  ]);
  if (cli) process.env.TERN_TEMPORAL_CLI ??= cli;
  if (testServer) process.env.TERN_TEMPORAL_TEST_SERVER ??= testServer;

  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-suite-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: await freePort(), unsafeFast: true, temporary: true });
  try {
    await prepareTemplateDatabase(postgres.adminUrl);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', postgres.adminUrl);
  process.stderr.write(`[tern] Temporal binaries and Postgres ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return async () => {
    await postgres.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  };
}
