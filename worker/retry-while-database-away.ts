import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

/** How long a round keeps trying to record what it learned before it gives the work up to the lease. */
const patienceMs = 5 * 60_000;

/** Deadlock detected, serialization failure: Postgres cancelled the statement, and the same one may simply run again. */
const isTransientConflict = (err: unknown) => ['40P01', '40001'].includes(String((err as { code?: unknown } | null)?.code));

/**
 * Runs a database step of a round that holds claimed work, again and again while the database is unavailable
 * (restarting, the connection cut) or cancels it for a conflict (a deadlock), with back-off, for up to five
 * minutes; any other error is thrown at once. The steps are idempotent, so running one again is safe.
 * Above all for writing what a round learned from outside (a carrier's answers, a callback server's status):
 * giving up at the first failure would throw that away, the claim's lease would run out and the work be done
 * again, an SMS sent or a report posted twice. The worker's start waits the same way for the routing it needs.
 */
export async function retryWhileDatabaseAway<T>(what: string, step: () => Promise<T>, logger: Logger): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!(isDatabaseUnavailable(err) || isTransientConflict(err)) || Date.now() - started > patienceMs) throw err;
      if (attempt === 0) logger.warn({ err: (err as Error).message, what }, 'database unavailable; holding the round until it can be recorded');
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000)));
    }
  }
}
