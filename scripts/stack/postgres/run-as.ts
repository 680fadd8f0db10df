import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import { SetupError } from '../../setup-error.ts';

/** The unprivileged account the Postgres server runs as when Tern runs as root (Postgres refuses root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export const runningAsRoot = (): boolean => process.getuid?.() === 0;

function lookUp(name: string): RunAs | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * As root: the account named by TERN_POSTGRES_USER (default `postgres`), created as a system account with no home
 * and no login when it does not exist. As anyone else: undefined, Postgres runs as the caller.
 */
export function postgresAccount(env: NodeJS.ProcessEnv = process.env): RunAs | undefined {
  if (!runningAsRoot()) return undefined;
  const name = env.TERN_POSTGRES_USER || 'postgres';
  const found = lookUp(name);
  if (found) return found;
  const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name], { encoding: 'utf8' });
  const account = made.status === 0 ? lookUp(name) : undefined;
  if (!account) {
    throw new SetupError(
      `Postgres refuses to run as root and the account "${name}" could not be created (${(made.error?.message ?? made.stderr).trim() || 'useradd failed'}); ` +
        `create an unprivileged account (useradd --system ${name}) or name one in TERN_POSTGRES_USER, or run as a normal user.`,
    );
  }
  return account;
}

/** Whether `account` can enter `dir` (and write there, if asked): every folder above it must let it through. */
export function canReach(account: RunAs, dir: string, write = false): boolean {
  const test = write ? 'test -x "$0" && test -w "$0"' : 'test -x "$0"';
  return spawnSync('/bin/sh', ['-c', test, dir], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

export const accountLabel = (account: RunAs | undefined): string => account?.name ?? os.userInfo().username;
