import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';

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
