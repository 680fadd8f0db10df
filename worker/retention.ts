import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { addMessagePartitions, dropMessageWeeks } from '../db/message-partitions.ts';
import { partitionWeeksAhead } from '../domain/retention.ts';
import { startLoop, type RunningLoop } from './loop.ts';

const dayMs = 24 * 3600_000;

/**
 * Keeps the message tables' weeks (migration 0042): makes them `partitionWeeksAhead` ahead of the clock and drops
 * those that ended more than `retentionDays` ago. Hourly; a round that fails (a lock not had within its timeout) is
 * tried again at the next.
 */
export function startRetention(options: { db: Db; logger: Logger; retentionDays: number; idleMs?: number }): RunningLoop {
  const logger = options.logger.child({ loop: 'retention' });
  return startLoop({
    name: 'retention',
    logger,
    idleMs: options.idleMs ?? 3600_000,
    errorPauseMs: 60_000,
    step: async () => {
      const added = await addMessagePartitions(options.db, new Date(), new Date(Date.now() + partitionWeeksAhead * 7 * dayMs));
      if (added) logger.info({ weeks: added }, 'message partitions added');
      const dropped = await dropMessageWeeks(options.db, new Date(Date.now() - options.retentionDays * dayMs), (week, unfinished) =>
        logger.warn({ week, unfinished }, 'a week past retention still holds messages not yet final: kept until they end'),
      );
      for (const week of dropped) logger.info({ weekEnded: week.toAt, messages: week.messages, ms: Math.round(week.ms) }, 'message details past retention dropped');
      return false;
    },
  });
}
