import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { rollMessageStats } from '../db/message-stats.ts';
import { startLoop, type RunningLoop } from './loop.ts';

const batch = 20_000;

/**
 * Folds the statistics' deltas (written by the triggers on `messages`, migration 0039) into the hourly and daily
 * cubes, so that readers sum a small table beside them. Readers are exact whether a delta is folded or not; folding keeps them fast.
 */
export function startStatsRoller(options: { db: Db; logger: Logger; idleMs?: number }): RunningLoop {
  return startLoop({
    name: 'stats-roller',
    logger: options.logger,
    idleMs: options.idleMs ?? 1_000,
    step: async () => (await rollMessageStats(options.db, batch)) === batch,
  });
}
