// The browser the console's tests and screenshots drive: Debian's `chromium`, found on the PATH (or TERN_CHROMIUM),
// installed with apt when missing and this process may (root), else a SetupError that says what to do. Playwright's
// own browser download does not work on machines that reach only package registries, so it is never used.
import fs from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../setup-error.ts';
import { withLock } from '../temporal/lock.ts';
import { log } from '../temporal/log.ts';
import { cacheRoot } from '../temporal/paths.ts';
import { run, which } from '../temporal/exec.ts';

const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
/** The browser, and CJK fonts so Chinese pages render as text in screenshots rather than boxes. */
const packages = ['chromium', 'fonts-noto-cjk'];

/** Flags for a browser run as root in a container: no sandbox (it needs user namespaces), no GPU, nothing phoning home. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function found(): Promise<string | undefined> {
  const given = process.env.TERN_CHROMIUM;
  if (given) return given;
  for (const name of names) {
    const at = await which(name);
    if (at) return at;
  }
  return undefined;
}

async function hasChineseFont(): Promise<boolean> {
  const fc = await which('fc-list');
  if (!fc) return false;
  const { stdout } = await run(fc, [':lang=zh', 'family']);
  return stdout.trim().length > 0;
}

async function aptInstall(missing: string[]): Promise<void> {
  const apt = await which('apt-get');
  if (!apt || process.getuid?.() !== 0) {
    throw new SetupError(
      `Chromium is needed for the console's browser tests and screenshots, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing. ` +
        `Install it (Debian: sudo apt-get install -y ${missing.join(' ')}) or point TERN_CHROMIUM at a Chromium or Chrome binary. ` +
        "Playwright's own browser download is not used: these machines reach only package registries.",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run(apt, ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 15 * 60_000 });
  log(`installing ${missing.join(' ')} with apt-get (once per machine)…`);
  let result = await install();
  if (result.code !== 0) {
    // A fresh container has no package lists yet.
    await run(apt, ['update'], { env, timeoutMs: 10 * 60_000 });
    result = await install();
  }
  if (result.code !== 0) throw new SetupError(`apt-get install ${missing.join(' ')} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

/** The path of a Chromium to drive, installing Debian's when it is missing and this process may. */
export async function chromiumPath(): Promise<string> {
  const present = await found();
  if (present && (await hasChineseFont())) return present;
  await fs.mkdir(cacheRoot(), { recursive: true });
  return withLock(path.join(cacheRoot(), 'chromium.lock'), 'Chromium', async () => {
    const missing = [...((await found()) ? [] : ['chromium']), ...((await hasChineseFont()) ? [] : ['fonts-noto-cjk'])];
    if (missing.length === packages.length || missing.includes('chromium')) await aptInstall(missing);
    else if (missing.length) await aptInstall(missing).catch((err: unknown) => log(`no CJK font (${(err as Error).message}); Chinese will show as boxes in screenshots`));
    const at = await found();
    if (!at) throw new SetupError('apt-get installed chromium, yet no chromium is on the PATH.');
    return at;
  });
}
