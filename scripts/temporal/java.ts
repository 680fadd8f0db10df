import fs from 'node:fs/promises';
import path from 'node:path';
import { isExecutableFile, run, which } from './exec.ts';
import { SourceUnavailableError } from './types.ts';

export interface JavaRuntime {
  /** Real path of the `java` executable (symlinks such as /usr/bin/java resolved). */
  java: string;
  major: number;
  versionLine: string;
}

/** `1.8.0_402` → 8, `17.0.15` → 17, `21` → 21. */
export function javaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** `$JAVA_HOME/bin/java` if there, else `java` on PATH; with its major version. */
export async function findJava(env: NodeJS.ProcessEnv): Promise<JavaRuntime> {
  const fromHome = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : undefined;
  const candidate = fromHome && (await isExecutableFile(fromHome)) ? fromHome : await which('java', env);
  if (!candidate) throw new SourceUnavailableError('java is not on PATH (and JAVA_HOME has none)');
  const java = await fs.realpath(candidate);
  const result = await run(java, ['-version'], { env, timeoutMs: 60_000 });
  const major = javaMajor(result.stderr + result.stdout);
  if (result.code !== 0 || major === undefined) throw new SourceUnavailableError(`${java} -version failed`);
  return { java, major, versionLine: (result.stderr.trim().split('\n')[0] ?? '').trim() };
}
