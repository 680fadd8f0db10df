import type { Reporter, TestModule } from 'vitest/node';

/**
 * One plain closing line after vitest's own summary, `tests: N passed, N failed, N skipped`, for CI logs that are
 * read by their last line. A test file that failed without running a test (it threw while loading, or a hook
 * failed) counts as one failure, and so does an error outside any test.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of modules) {
      const tests = [...module.children.allTests()];
      passed += tests.filter((t) => t.result().state === 'passed').length;
      skipped += tests.filter((t) => t.result().state === 'skipped').length;
      const failedTests = tests.filter((t) => t.result().state === 'failed').length;
      failed += failedTests || (module.state() === 'failed' ? 1 : 0);
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
