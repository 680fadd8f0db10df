import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** An npm script in a process of its own, as a person or CI runs it: its exit code and everything it printed. */
function npm(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  // An inner `npm test` is a vitest of its own, not a worker of this one.
  for (const name of Object.keys(env)) if (/^VITEST/.test(name) || name === 'TEST' || name === 'NODE_ENV') delete env[name];
  return new Promise((resolve) => {
    execFile('npm', args, { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

const npmTest = (file: string) => npm(['test', '--', '--project', 'fixtures', `test/fixtures/${file}`], { TERN_TEST_FIXTURES: '1' });

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

describe('the other scripts exit non-zero when they fail', () => {
  const nowhere = 'postgres://tern:tern@127.0.0.1:1/tern';

  test('npm run migrate against a database that is not there', async () => {
    const { code, output } = await npm(['run', 'migrate'], { DATABASE_URL: nowhere });
    expect(output).toMatch(/ECONNREFUSED/);
    expect(code).not.toBe(0);
  });

  test('npm run tern with a command it does not know, and with a database that is not there', async () => {
    expect((await npm(['run', 'tern', '--', 'no', 'such'])).code).toBe(2);
    const { code, output } = await npm(['run', 'tern', '--', 'admin', 'create', '--name', 'x'], { DATABASE_URL: nowhere });
    expect(output).toMatch(/failed: .*ECONNREFUSED/);
    expect(code).toBe(1);
  });
});
