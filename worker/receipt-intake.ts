import type { Logger } from 'pino';
import type { DeliveryReceipt, ReceiptHandler } from '../carriers/carrier.ts';
import type { Db } from '../db/connect.ts';
import { storeReceipts, type IncomingReceipt } from '../db/receipts.ts';

export interface ReceiptIntakeOptions {
  db: Db;
  carrier: string;
  logger: Logger;
  /** Called after receipts are stored, to wake the matcher. */
  onStored?: () => void;
  maxBatch?: number;
  /** How long the first receipt of a batch may wait for company. */
  lingerMs?: number;
}

/**
 * Receipts are acknowledged to the carrier only once they are in Postgres. Writing each on its own would cost
 * a round trip per receipt, so they are written in small batches and each handler resolves with its batch.
 */
export function receiptIntake(options: ReceiptIntakeOptions): ReceiptHandler {
  const maxBatch = options.maxBatch ?? 500;
  const lingerMs = options.lingerMs ?? 5;
  let pending: { receipt: IncomingReceipt; done: (err?: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      await storeReceipts(options.db, batch.map((b) => b.receipt));
      batch.forEach((b) => b.done());
      options.onStored?.();
    } catch (err) {
      options.logger.error({ err, receipts: batch.length }, 'storing receipts failed; the carrier will send them again');
      batch.forEach((b) => b.done(err));
    }
  }

  return (receipt: DeliveryReceipt) =>
    new Promise<void>((resolve, reject) => {
      pending.push({
        receipt: {
          carrier: options.carrier,
          carrierMessageId: receipt.carrierMessageId,
          stat: receipt.stat,
          err: receipt.err,
          raw: receipt.raw,
          receivedAt: new Date(),
        },
        done: (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
      });
      if (pending.length >= maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), lingerMs);
    });
}
