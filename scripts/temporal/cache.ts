import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withLock, isProcessAlive } from './lock.ts';
import { errorMessage, log } from './log.ts';
import type { BuiltEntry, Stamp } from './types.ts';

export const STAMP_FILE = '.tern-stamp.json';
const STAGING_PREFIX = '.staging-';

export interface Installed {
  stamp: Stamp;
  path: string;
  fromCache: boolean;
}

/** A cached entry, if its stamp is there and its executable still is: one small read and one access(), no exec. */
export async function readInstalled(dir: string): Promise<Installed | undefined> {
  try {
    const stamp = JSON.parse(await fs.readFile(path.join(dir, STAMP_FILE), 'utf8')) as Stamp;
    if (typeof stamp.file !== 'string' || typeof stamp.source !== 'string') return undefined;
    const file = path.join(dir, stamp.file);
    await fs.access(file, fsConstants.X_OK);
    return { stamp, path: file, fromCache: true };
  } catch {
    return undefined;
  }
}

/** Writes the stamp atomically (temp file + rename), so a reader never sees half of it. */
export async function writeStamp(dir: string, stamp: Stamp): Promise<void> {
  const tmp = path.join(dir, `${STAMP_FILE}.${process.pid}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(stamp, null, 2) + '\n');
  await fs.rename(tmp, path.join(dir, STAMP_FILE));
}

/** Removes staging folders of `entry` left by processes that died mid-provision (same host only). */
async function removeDeadStagings(parent: string, entry: string): Promise<void> {
  const prefix = `${STAGING_PREFIX}${entry}-`;
  for (const name of await fs.readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) {
      await fs.rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

export interface InstallSpec {
  /** Final folder, e.g. `<cache>/temporal/cli-1.9.1`. */
  dir: string;
  /** For messages: "temporal CLI 1.9.1 (pip)". */
  label: string;
  /** Fills `staging` (same filesystem as `dir`) and checks the executable runs. */
  build(staging: string): Promise<BuiltEntry>;
  /** Runs in the final folder after the rename, still under the lock (e.g. a CDS archive that records absolute paths). */
  afterInstall?(dir: string, stamp: Stamp): Promise<Partial<Stamp> | void>;
}

/**
 * Returns the cached entry or provisions it: under a lock file, into a staging folder that is renamed into place in one
 * step, with the stamp written before the rename. Two processes at once: the second waits on the lock and then finds
 * the entry; if both somehow build, the second rename fails and the loser uses the winner's entry.
 */
export async function ensureInstalled(spec: InstallSpec): Promise<Installed> {
  const cached = await readInstalled(spec.dir);
  if (cached) return cached;

  const parent = path.dirname(spec.dir);
  const entry = path.basename(spec.dir);
  await fs.mkdir(parent, { recursive: true });
  return withLock(`${spec.dir}.lock`, spec.label, async () => {
    const again = await readInstalled(spec.dir);
    if (again) return again;
    await removeDeadStagings(parent, entry);

    const started = performance.now();
    const staging = await fs.mkdtemp(path.join(parent, `${STAGING_PREFIX}${entry}-${process.pid}-`));
    await fs.chmod(staging, 0o755); // mkdtemp makes it 0700; the entry is an ordinary cache folder
    let stamp: Stamp;
    try {
      const built = await spec.build(staging);
      stamp = { ...built, provisionedAt: new Date().toISOString(), provisionSeconds: 0 };
      stamp.provisionSeconds = round1((performance.now() - started) / 1000);
      await writeStamp(staging, stamp);
      await moveIntoPlace(staging, spec.dir);
    } catch (error) {
      await fs.rm(staging, { recursive: true, force: true });
      const winner = await readInstalled(spec.dir);
      if (winner) return winner;
      throw error;
    }

    if (spec.afterInstall) {
      // The entry already works (it was checked before the rename); a failed extra step only costs speed.
      try {
        const extra = await spec.afterInstall(spec.dir, stamp);
        stamp = { ...stamp, ...(extra ?? {}) };
      } catch (error) {
        log(`${spec.label}: after-install step failed (${errorMessage(error)}); using it as it is`);
      }
    }
    stamp.provisionSeconds = round1((performance.now() - started) / 1000);
    await writeStamp(spec.dir, stamp);
    return { stamp, path: path.join(spec.dir, stamp.file), fromCache: false };
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

async function moveIntoPlace(staging: string, dir: string): Promise<void> {
  // A folder without a valid stamp (hand-made, or from an older layout) is not an entry: move it aside first.
  try {
    await fs.access(dir);
    if (!(await readInstalled(dir))) {
      const trash = `${dir}.trash-${process.pid}-${Date.now()}`;
      await fs.rename(dir, trash);
      await fs.rm(trash, { recursive: true, force: true });
    }
  } catch {
    // absent: the normal case
  }
  await fs.rename(staging, dir); // EEXIST/ENOTEMPTY if another process won the race: caller falls back to its entry
}

/** A scratch folder inside `staging`, removed by the caller's cleanup whatever happens. */
export async function scratchDir(staging: string, name: string): Promise<string> {
  const dir = path.join(staging, name);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

export function hostDescription(): string {
  return `${process.platform}/${process.arch} (${os.release()})`;
}
