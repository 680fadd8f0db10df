import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { routeReplies } from '../db/replies.ts';
import { startLoop, type RunningLoop } from './loop.ts';

/** Hands stored replies to their apps' uplink URLs (through the callback outbox). */
export function startReplyRouter(options: { db: Db; logger: Logger; idleMs?: number; onRouted?: () => void }): RunningLoop {
  const batch = 500;
  return startLoop({
    name: 'reply-router',
    logger: options.logger,
    idleMs: options.idleMs ?? 1000,
    step: async () => {
      const routed = await routeReplies(options.db, batch);
      if (routed > 0) options.onRouted?.();
      return routed === batch;
    },
  });
}
