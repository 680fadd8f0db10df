import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { matchReceipts } from '../db/receipts.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface ReceiptMatcherOptions {
  db: Db;
  logger: Logger;
  /** Called when messages reached a final state, to wake the callback sender. */
  onCompleted?: () => void;
  batchSize?: number;
  idleMs?: number;
}

/** The report step of the hot path: stored receipts to parts, parts to the message's final state. */
export function startReceiptMatcher(options: ReceiptMatcherOptions): RunningLoop {
  const batchSize = options.batchSize ?? 1000;
  return startLoop({
    name: 'receipt-matcher',
    logger: options.logger,
    idleMs: options.idleMs ?? 250,
    step: async () => {
      const round = await matchReceipts(options.db, batchSize);
      if (round.completed > 0) options.onCompleted?.();
      return round.seen === batchSize;
    },
  });
}
