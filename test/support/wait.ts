export interface WaitOptions {
  /** Fail after this long in all (default 15 s), unless `progress` is given. */
  timeoutMs?: number;
  /**
   * Something that changes while the awaited work moves (e.g. a count of delivered messages). With it the wait has no
   * fixed deadline: it fails only when this has not changed for `stallMs`, so a slow, busy machine is not a failure.
   */
  progress?: () => unknown;
  /** With `progress`: how long nothing may move before the wait fails (default 20 s). */
  stallMs?: number;
  intervalMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns a value (not undefined or false) and returns that value. Fails with `what` after
 * `timeoutMs` (a number, or `options.timeoutMs`), or, given `options.progress`, once nothing has moved for `stallMs`.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: number | WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 15_000, progress, stallMs = 20_000, intervalMs = 25 } = typeof options === 'number' ? { timeoutMs: options } : options;
  const started = Date.now();
  let lastMove = started;
  let seen = progress ? JSON.stringify(await progress()) : undefined;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    const now = Date.now();
    if (progress) {
      const current = JSON.stringify(await progress());
      if (current !== seen) [seen, lastMove] = [current, now];
      if (now - lastMove > stallMs) throw new Error(`no progress for ${stallMs} ms waiting for ${what} (stuck at ${seen})${lastError ? `: ${String(lastError)}` : ''}`);
    } else if (now - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await pause(intervalMs);
  }
}
