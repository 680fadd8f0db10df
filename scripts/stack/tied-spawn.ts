import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let setprivWorks: boolean | undefined;

/** Whether util-linux `setpriv` can set a parent-death signal here (Linux; checked once). */
function canTie(): boolean {
  if (process.platform !== 'linux') return false;
  setprivWorks ??= spawnSync('setpriv', ['--pdeathsig', 'TERM', '--', 'true'], { stdio: 'ignore' }).status === 0;
  return setprivWorks;
}

/**
 * `spawn`, with the child told to stop (by `signal`) the moment this process dies, however it dies, SIGKILL
 * included: on Linux through the kernel's parent-death signal, set by util-linux `setpriv`, which then becomes the
 * program (same pid). A dev stack or bench killed hard would otherwise leave a Temporal server or Postgres holding
 * its ports. Where setpriv is missing it is a plain spawn, and the caller's own stop and exit handlers are all there is.
 */
export function spawnTied(command: string, args: readonly string[], options: SpawnOptions, signal: 'TERM' | 'INT' = 'TERM'): ChildProcess {
  if (!canTie()) return spawn(command, [...args], options);
  return spawn('setpriv', ['--pdeathsig', signal, '--', command, ...args], options);
}

/**
 * A program another library spawns (the Temporal SDK's time-skipping test server), tied the same way: the path of
 * a small script that execs it under `setpriv --pdeathsig`, keeping the pid, so it dies with whoever spawned it.
 * The program itself where setpriv is missing.
 */
export function tiedExecutable(program: string, signal: 'TERM' | 'KILL' = 'TERM'): string {
  if (!canTie()) return program;
  const quoted = `'${program.replaceAll("'", `'\\''`)}'`;
  const script = `#!/bin/sh\nexec setpriv --pdeathsig ${signal} -- ${quoted} "$@"\n`;
  const file = path.join(privateFolder(), `${createHash('sha256').update(script).digest('hex').slice(0, 16)}.sh`);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== script) {
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, script, { mode: 0o755 });
    fs.renameSync(partial, file);
  }
  return file;
}

/** This user's folder for the scripts, which nobody else may write: a shared temporary folder is not safe for them. */
function privateFolder(): string {
  const folder = path.join(os.tmpdir(), `tern-tied-${os.userInfo().uid}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const info = fs.lstatSync(folder);
  if (!info.isDirectory() || info.uid !== os.userInfo().uid || (info.mode & 0o022) !== 0) {
    throw new Error(`${folder} is not a private folder of this user; remove it and try again`);
  }
  return folder;
}
