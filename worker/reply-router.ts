import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { routeReplies } from '../db/replies.ts';
import { deliverOverdueReplyParts, forgetDeliveredReplyParts } from '../db/reply-parts.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface ReplyRouterOptions {
  db: Db;
  logger: Logger;
  idleMs?: number;
  /** How long the parts of a concatenated reply wait for the rest before they are delivered without it. Default 10 minutes. */
  partsTimeoutMs?: number | undefined;
  onRouted?: () => void;
}

/**
 * Hands stored replies to their apps' uplink URLs (through the callback outbox). Before each round it delivers the
 * concatenated replies whose missing parts have not come within the timeout, so they are routed in that round, and
 * forgets the parts of replies made longer ago than the timeout.
 */
export function startReplyRouter(options: ReplyRouterOptions): RunningLoop {
  const batch = 500;
  const partsTimeoutMs = options.partsTimeoutMs ?? 10 * 60_000;
  // Looked for often enough that a reply comes out within a few percent of its timeout, at most once a minute.
  const overdueCheckMs = Math.min(60_000, partsTimeoutMs / 20);
  let overdueCheckedAt = 0;

  async function settleReplyParts(): Promise<boolean> {
    if (Date.now() - overdueCheckedAt < overdueCheckMs) return false;
    const incomplete = await deliverOverdueReplyParts(options.db, partsTimeoutMs, batch);
    for (const reply of incomplete) options.logger.warn(reply, 'reply delivered without some of its parts: they did not come in time');
    // A copy of a part the SMSC sends later than the timeout after its reply was made starts a reply of its own.
    const forgotten = await forgetDeliveredReplyParts(options.db, partsTimeoutMs, batch);
    const more = incomplete.length === batch || forgotten === batch;
    // Checked again at once when a batch was full.
    overdueCheckedAt = more ? 0 : Date.now();
    return more;
  }

  return startLoop({
    name: 'reply-router',
    logger: options.logger,
    idleMs: options.idleMs ?? 1000,
    step: async () => {
      const moreOverdue = await settleReplyParts();
      const routed = await routeReplies(options.db, batch);
      if (routed > 0) options.onRouted?.();
      return routed === batch || moreOverdue;
    },
  });
}
