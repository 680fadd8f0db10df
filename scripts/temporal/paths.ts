import os from 'node:os';
import path from 'node:path';

/**
 * Tern's cache folder: `$TERN_CACHE_DIR` if set, else `$XDG_CACHE_HOME/tern` (an absolute XDG_CACHE_HOME only, as the
 * XDG spec says), else `~/.cache/tern`.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.TERN_CACHE_DIR;
  if (override) return path.resolve(override);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'tern');
  return path.join(env.HOME || os.homedir(), '.cache', 'tern');
}

/** Where the Temporal binaries live: `<cache>/temporal/<entry>/`. */
export function temporalCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cacheRoot(env), 'temporal');
}

export const EXE_SUFFIX = process.platform === 'win32' ? '.exe' : '';
