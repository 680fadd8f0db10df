import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { run, runChecked, which } from '../temporal/exec.ts';
import { withLock } from '../temporal/lock.ts';
import { log } from '../temporal/log.ts';
import { cacheRoot } from '../temporal/paths.ts';

const requirements = path.resolve(import.meta.dirname, '../../test/contract/requirements.txt');
const STAMP = '.tern-stamp';

/** A Python 3.9+ with venv, for schemathesis 4. */
async function findPython(): Promise<string> {
  for (const name of ['python3', 'python']) {
    const python = await which(name);
    if (!python) continue;
    const probe = await run(python, ['-c', 'import sys, venv; print(sys.version_info >= (3, 9))'], { timeoutMs: 30_000 }).catch(() => undefined);
    if (probe?.code === 0 && probe.stdout.trim() === 'True') return python;
  }
  throw new Error('schemathesis needs a Python 3.9 or later with the venv module on PATH (python3)');
}

/**
 * Schemathesis, installed from PyPI with the pinned requirements into a virtualenv under the Tern cache
 * (`<cache>/schemathesis-<hash of the requirements>/`), once per machine; returns the path of its `st` command. The
 * stamp is written last, so a half-made virtualenv (a killed install) is made again.
 */
export async function ensureSchemathesis(): Promise<string> {
  const pins = await fs.readFile(requirements, 'utf8');
  const hash = createHash('sha256').update(pins).digest('hex').slice(0, 12);
  const dir = path.join(cacheRoot(), `schemathesis-${hash}`);
  const st = path.join(dir, 'bin', 'st');
  const ready = async () => (await fs.readFile(path.join(dir, STAMP), 'utf8').catch(() => '')) === hash;
  if (await ready()) return st;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  return withLock(`${dir}.lock`, 'schemathesis', async () => {
    if (await ready()) return st;
    log(`installing schemathesis from PyPI into ${dir}…`);
    await fs.rm(dir, { recursive: true, force: true });
    await runChecked(await findPython(), ['-m', 'venv', dir], { timeoutMs: 120_000 });
    const env = { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };
    await runChecked(path.join(dir, 'bin', 'pip'), ['install', '--no-deps', '-r', requirements], { env, timeoutMs: 10 * 60_000 });
    await runChecked(st, ['--version'], { timeoutMs: 60_000 });
    await fs.writeFile(path.join(dir, STAMP), hash);
    return st;
  });
}
