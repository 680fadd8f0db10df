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
  /**
   * How long a round woken by new receipts waits for more before it matches. A round is a transaction of several
   * statements whatever its size, so at a few hundred receipts a second this makes one round of many instead of
   * many of one or two. The wait is here and not in the intake, which would hold back the carrier's acknowledgements.
   */
  lingerMs?: number;
}

/** The report step of the hot path: stored receipts to parts, parts to the message's final state. */
export function startReceiptMatcher(options: ReceiptMatcherOptions): RunningLoop {
  const batchSize = options.batchSize ?? 1000;
  const lingerMs = options.lingerMs ?? 15;
  let backlog = false;
  let lastRoundAt = 0;
  return startLoop({
    name: 'receipt-matcher',
    logger: options.logger,
    idleMs: options.idleMs ?? 250,
    step: async () => {
      // Only while receipts keep coming: a receipt that comes alone is matched at once.
      if (!backlog && lingerMs > 0 && Date.now() - lastRoundAt < 100) await new Promise((resolve) => setTimeout(resolve, lingerMs));
      lastRoundAt = Date.now();
      const round = await matchReceipts(options.db, batchSize);
      if (round.completed > 0) options.onCompleted?.();
      // A receipt given up on is a delivered (or failed) message that will end `expired`: often a carrier whose
      // message-id formats are set wrong (docs/controls-and-routing.md). Operators list them at /v1/admin/receipts.
      for (const receipt of round.parked) options.logger.warn(receipt, 'delivery receipt matched no sent part; parked');
      backlog = round.seen === batchSize;
      return backlog;
    },
  });
}
