import fs from 'node:fs/promises';
import os from 'node:os';
import { log } from './log.ts';

/** A holder refreshes its lock's mtime this often… */
const REFRESH_MS = 10_000;
/** …so a lock untouched for this long belongs to a process that is gone (or to another host that died). */
const STALE_MS = 60_000;
const POLL_MS = 250;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<Partial<LockOwner> | undefined> {
  try {
    return JSON.parse(await fs.readFile(lockPath, 'utf8')) as Partial<LockOwner>;
  } catch {
    return undefined; // gone, or created but not written yet
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  let mtimeMs: number;
  try {
    mtimeMs = (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return false; // released meanwhile: the next attempt will take it
  }
  const owner = await readOwner(lockPath);
  if (owner?.host === os.hostname() && typeof owner.pid === 'number' && !isProcessAlive(owner.pid)) return true;
  return Date.now() - mtimeMs > STALE_MS;
}

/**
 * Runs `work` while holding an exclusive lock file (created with O_EXCL). Other processes wait; a lock left by a dead
 * process is taken over. The lock only avoids doing the same slow work twice: correctness comes from installing with an
 * atomic rename, so the rare race of two processes both breaking a stale lock costs time, not a broken cache.
 */
export async function withLock<T>(lockPath: string, what: string, work: () => Promise<T>): Promise<T> {
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  let announced = false;
  for (;;) {
    try {
      await fs.writeFile(lockPath, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      log(`removing a stale lock ${lockPath}`);
      await fs.rm(lockPath, { force: true });
      continue;
    }
    if (!announced) {
      const owner = await readOwner(lockPath);
      log(`waiting for another process${owner?.pid ? ` (pid ${owner.pid})` : ''} that is provisioning ${what}…`);
      announced = true;
    }
    await sleep(POLL_MS);
  }
  const refresh = setInterval(() => {
    const now = new Date();
    fs.utimes(lockPath, now, now).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref();
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    await fs.rm(lockPath, { force: true });
  }
}
