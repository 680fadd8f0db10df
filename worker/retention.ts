import type { Logger } from 'pino';
import { dropCallbackMonths } from '../db/callback-partitions.ts';
import type { Db } from '../db/connect.ts';
import { addMessagePartitions, dropMessageMonths } from '../db/message-partitions.ts';
import { partitionsUntil } from '../domain/retention.ts';
import { startLoop, type RunningLoop } from './loop.ts';

const dayMs = 24 * 3600_000;

/**
 * Keeps the months of the message tables (migration 0042) and of the status reports (0044): makes them up to
 * `partitionsUntil` ahead of the clock and drops those that ended more than `retentionDays` ago. Hourly; a round
 * that fails (a lock not had within its timeout) is tried again at the next.
 */
export function startRetention(options: { db: Db; logger: Logger; retentionDays: number; idleMs?: number }): RunningLoop {
  const logger = options.logger.child({ loop: 'retention' });
  return startLoop({
    name: 'retention',
    logger,
    idleMs: options.idleMs ?? 3600_000,
    errorPauseMs: 60_000,
    step: async () => {
      const now = new Date();
      const added = await addMessagePartitions(options.db, now, partitionsUntil(now));
      if (added) logger.info({ months: added }, 'message partitions added');
      const before = new Date(now.getTime() - options.retentionDays * dayMs);
      const dropped = await dropMessageMonths(options.db, before, (month, unfinished) =>
        logger.warn({ month, unfinished }, 'a month past retention still holds messages not yet final: kept until they end'),
      );
      for (const month of dropped) logger.info({ monthEnded: month.toAt, messages: month.messages, ms: Math.round(month.ms) }, 'message details past retention dropped');
      const reports = await dropCallbackMonths(options.db, before, (month, pending) =>
        logger.warn({ month, pending }, 'a month of reports past retention still holds reports being retried: kept until they end'),
      );
      for (const month of reports) logger.info({ monthEnded: month.toAt, reports: month.reports }, 'status reports past retention dropped');
      return false;
    },
  });
}
