import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EXE_SUFFIX } from './paths.ts';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Keeps the last `limit` characters of a stream (a go build prints hundreds of "downloading" lines). */
function tail(text: string, limit = 64_000): string {
  return text.length > limit ? text.slice(text.length - limit) : text;
}

/** Runs a command without a shell and collects its output; rejects only if it cannot start or times out. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = tail(stdout + chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = tail(stderr + chunk);
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`${path.basename(command)} ${args.join(' ')} timed out after ${options.timeoutMs} ms`));
      } else {
        resolve({ code, signal, stdout, stderr });
      }
    });
  });
}

/** Like {@link run}, but a non-zero exit is an error that quotes the end of the command's output. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    const status = result.code === null ? `signal ${result.signal}` : `exit code ${result.code}`;
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${status})${output ? `:\n${output}` : ''}`);
  }
  return result;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds a command on the PATH of `env`, like `command -v`. */
export async function which(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const candidate of [path.join(dir, name), path.join(dir, name + EXE_SUFFIX)]) {
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

export { isExecutableFile };
