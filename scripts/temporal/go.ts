import path from 'node:path';
import fs from 'node:fs/promises';
import { scratchDir } from './cache.ts';
import { runChecked, which } from './exec.ts';
import { log, seconds, withHeartbeat } from './log.ts';
import { EXE_SUFFIX } from './paths.ts';
import { cliVersionLine, parseCliVersion } from './probe.ts';
import { GO_CLI } from './versions.ts';
import { SourceUnavailableError } from './types.ts';
import type { BuiltEntry } from './types.ts';

/**
 * Temporal CLI built with `GOBIN=<staging> go install github.com/temporalio/cli/cmd/temporal@v1.5.1` from the Go
 * module proxy, with the release build's flags (CGO off, -s -w, version injected with -X).
 *
 * GOPATH, GOMODCACHE and GOCACHE point into the staging folder (about 3 GB during the build) and are deleted once the
 * binary is built, so neither the repo nor the user's Go caches are touched and a cold build is really cold.
 */
export async function buildCliWithGo(staging: string, env: NodeJS.ProcessEnv): Promise<BuiltEntry> {
  const go = await which('go', env);
  if (!go) throw new SourceUnavailableError('go is not on PATH');
  const work = await scratchDir(staging, '.go-work');
  const semver = GO_CLI.version.replace(/^v/, '');
  const goEnv: NodeJS.ProcessEnv = {
    ...env,
    GOBIN: staging,
    GOPATH: path.join(work, 'gopath'),
    GOMODCACHE: path.join(work, 'gopath', 'pkg', 'mod'),
    GOCACHE: path.join(work, 'build-cache'),
    GOFLAGS: '-modcacherw', // module files writable, so the scratch folder can simply be deleted
    GOWORK: 'off',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
  };

  log(`building temporal CLI ${GO_CLI.version} with go (a few minutes the first time)…`);
  const started = performance.now();
  await withHeartbeat(
    `still building temporal CLI ${GO_CLI.version}`,
    runChecked(
      go,
      ['install', '-trimpath', `-ldflags=-s -w -X ${GO_CLI.versionVar}=${semver}`, `${GO_CLI.pkg}@${GO_CLI.version}`],
      { env: goEnv, cwd: work, timeoutMs: 45 * 60_000 },
    ),
  );
  log(`built temporal CLI ${GO_CLI.version} in ${seconds(performance.now() - started)}; removing the Go build caches`);
  await fs.rm(work, { recursive: true, force: true });

  const file = `temporal${EXE_SUFFIX}`;
  const line = await cliVersionLine(path.join(staging, file));
  if (parseCliVersion(line) !== semver) throw new Error(`go-built temporal ${GO_CLI.version} printed "${line}"`);
  return { binary: 'cli', source: 'go', version: GO_CLI.version, file, check: line };
}
