import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The suite in seven projects (docs/development.md, "Tests"). `unit` and `integration` run side by side; `e2e` runs after them,
 * alone, since its waits are about the worker keeping pace, then `faults` (Postgres restarted under load), alone;
 * `tooling` (provisioning the Temporal binaries from Go and Maven: minutes on a cold cache) runs last and only in
 * CI (CI=true) or with TERN_TEST_TOOLING=1.
 * `browser` drives the console in Debian's Chromium (scripts/browser/chromium.ts installs it when missing).
 * test/setup/global-setup.ts provisions the Temporal binaries and starts one embedded Postgres for the whole run.
 */
const tooling = process.env.TERN_TEST_TOOLING === '1' || (!!process.env.CI && process.env.CI !== 'false');
/** Test files that pass, fail or throw on purpose, for test/setup/exit-code.test.ts; never part of a normal run. */
const fixtures = process.env.TERN_TEST_FIXTURES === '1';
const SECOND = 1000;

const unitCarrierFiles = 'test/carriers/{encoding,receipt,concatenation}.test.ts';

const project = (name: string, include: string[], groupOrder: number, timeout: number, exclude: string[] = []): TestProjectInlineConfiguration => ({
  test: {
    name,
    include,
    exclude,
    // expect.poll waits for what a page or a process does next: a browser round trip, a workflow step.
    expect: { poll: { timeout: 20 * SECOND, interval: 100 } },
    pool: 'forks', // the Temporal SDK's native worker does not run in worker threads
    // Test callback sinks listen on loopback; the tests of the callback target rule give their own, strict policy.
    env: { TERN_CALLBACK_ALLOW: '127.0.0.0/8' },
    testTimeout: timeout,
    hookTimeout: timeout,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    maxWorkers: Number(process.env.TERN_TEST_CONCURRENCY ?? 2),
    reporters: ['default', './test/setup/summary-reporter.ts'],
    projects: [
      project('unit', ['test/domain/**/*.test.ts', unitCarrierFiles], 0, 10 * SECOND),
      project('integration', ['test/{api,workflows,worker,carriers,setup}/**/*.test.ts'], 0, 120 * SECOND, [unitCarrierFiles]),
      project('contract', ['test/contract/**/*.test.ts'], 0, 900 * SECOND),
      project('browser', ['test/browser/**/*.test.ts'], 0, 180 * SECOND),
      project('e2e', ['test/e2e/**/*.test.ts'], 1, 600 * SECOND),
      project('faults', ['test/faults/**/*.test.ts'], 2, 600 * SECOND),
      ...(tooling ? [project('tooling', ['test/temporal/**/*.test.ts'], 3, 45 * 60 * SECOND)] : []),
      ...(fixtures ? [project('fixtures', ['test/fixtures/*.fixture.ts'], 0, 10 * SECOND)] : []),
    ],
  },
});
