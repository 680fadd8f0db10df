import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm test -- --project fixtures <file>` in a process of its own, as a person or CI runs it. */
function npmTest(file: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TERN_TEST_FIXTURES: '1' };
  // The inner run is a vitest of its own, not a worker of this one.
  for (const name of Object.keys(env)) if (/^VITEST/.test(name) || name === 'TEST' || name === 'NODE_ENV') delete env[name];
  return new Promise((resolve) => {
    execFile('npm', ['test', '--', '--project', 'fixtures', `test/fixtures/${file}`], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('npm test exits non-zero whenever anything failed', () => {
  test('a failing test', async () => {
    const { code, output } = await npmTest('fails.fixture.ts');
    expect(output).toMatch(/1 failed/);
    expect(code).not.toBe(0);
  });

  test('a test file that throws while loading', async () => {
    const { code, output } = await npmTest('throws.fixture.ts');
    expect(output).toMatch(/throws while loading, on purpose/);
    expect(code).not.toBe(0);
  });

  test('and zero when everything passed (with the suite database started and stopped)', async () => {
    const { code, output } = await npmTest('passes.fixture.ts');
    expect(output).toMatch(/1 passed/);
    expect(code).toBe(0);
  });
});
