import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../../setup-error.ts';
import type { PostgresBinaries } from './binaries.ts';
import { canReach, type RunAs } from './run-as.ts';

/**
 * Where Postgres's files go when the server runs as another account than the caller (Tern as root): a folder that
 * account can reach, since a clone under a private folder (a 0700 home or `mktemp -d`) cannot be entered by it.
 * TERN_POSTGRES_HOME, default /var/lib/tern/postgres. It holds a copy of the binaries per version
 * (`bin-<version>/`) and the data folders that could not stay where they were asked for (`clusters/`).
 */
export function postgresHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TERN_POSTGRES_HOME || '/var/lib/tern/postgres');
}

async function reachableHome(account: RunAs, home: string): Promise<string> {
  await fs.mkdir(home, { recursive: true, mode: 0o755 });
  await fs.chmod(home, 0o755);
  if (!canReach(account, home)) {
    throw new SetupError(
      `Postgres runs as the account "${account.name}", which cannot reach ${home} (a folder above it is private); ` +
        `set TERN_POSTGRES_HOME to a folder every account can traverse, e.g. /var/lib/tern/postgres.`,
    );
  }
  return home;
}

/** The binaries where `account` can run them: in place if it can, else a copy under the Postgres home (made once). */
export async function binariesFor(account: RunAs, binaries: PostgresBinaries, home: string): Promise<PostgresBinaries> {
  if (canReach(account, path.join(binaries.root, 'bin'))) return binaries;
  const target = path.join(await reachableHome(account, home), `bin-${binaries.version}`);
  const done = path.join(target, '.complete');
  if (await exists(done)) return { ...binaries, root: target };
  // Copy beside, then rename into place: a second process copying at the same time loses the rename and uses the winner's.
  const staging = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.cp(binaries.root, staging, { recursive: true, verbatimSymlinks: true });
  await fs.writeFile(path.join(staging, '.complete'), `${binaries.root}\n`);
  await fs.rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
    await fs.rm(staging, { recursive: true, force: true });
    if (!(await exists(done))) throw error;
  });
  return { ...binaries, root: target };
}

/**
 * A data folder `account` can use: the one asked for if it can reach it, else one under the Postgres home named after
 * the folder asked for, so the same request finds the same data next time.
 */
export async function dataDirFor(account: RunAs, asked: string, home: string): Promise<string> {
  await fs.mkdir(path.dirname(asked), { recursive: true });
  const fresh = !(await exists(asked));
  if (fresh) await fs.mkdir(asked, { mode: 0o700 });
  await fs.chown(asked, account.uid, account.gid);
  if (canReach(account, asked, true)) return asked;
  if (fresh) await fs.rm(asked, { recursive: true, force: true });
  const digest = createHash('sha256').update(path.resolve(asked)).digest('hex').slice(0, 12);
  const clusters = path.join(await reachableHome(account, home), 'clusters');
  await fs.mkdir(clusters, { recursive: true, mode: 0o755 });
  const relocated = path.join(clusters, `${path.basename(asked)}-${digest}`);
  await fs.mkdir(relocated, { recursive: true, mode: 0o700 });
  await fs.chown(relocated, account.uid, account.gid);
  return relocated;
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);
