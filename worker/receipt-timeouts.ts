import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { expireMessagesWithoutReceipt } from '../db/receipt-timeouts.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface ReceiptTimeoutOptions {
  db: Db;
  logger: Logger;
  /** How long after submission a missing receipt means the message expired. Default 72 hours. */
  timeoutMs?: number | undefined;
  onExpired?: () => void;
}

export function startReceiptTimeouts(options: ReceiptTimeoutOptions): RunningLoop {
  const batch = 1000;
  const timeoutMs = options.timeoutMs ?? 72 * 3600_000;
  return startLoop({
    name: 'receipt-timeouts',
    logger: options.logger,
    // Checked often enough that a message expires within a few percent of its timeout, at most once a minute.
    idleMs: Math.min(60_000, Math.max(100, timeoutMs / 20)),
    step: async () => {
      const expired = await expireMessagesWithoutReceipt(options.db, timeoutMs, batch);
      if (expired > 0) {
        options.logger.info({ expired }, 'messages without a receipt expired');
        options.onExpired?.();
      }
      return expired === batch;
    },
  });
}
