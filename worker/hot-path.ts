import type { Logger } from 'pino';
import type { CarrierBind } from '../carriers/carrier.ts';
import type { Db } from '../db/connect.ts';
import type { BackoffPolicy } from '../domain/backoff.ts';
import { listenForAccepted } from './accepted-listener.ts';
import { startCallbackSender } from './callback-sender.ts';
import { startDispatcher } from './dispatcher.ts';
import { receiptIntake } from './receipt-intake.ts';
import { startReceiptMatcher } from './receipt-matcher.ts';
import { startReceiptTimeouts } from './receipt-timeouts.ts';
import { storeReply } from '../db/replies.ts';

export interface HotPathOptions {
  db: Db;
  databaseUrl: string;
  bind: CarrierBind;
  logger: Logger;
  callbackRetry?: BackoffPolicy;
  dispatchRetry?: BackoffPolicy & { maxAttempts: number };
  /** After how long without a receipt a submitted message counts as expired. */
  receiptTimeoutMs?: number;
}

/** Everything after accept: dispatch, receipt intake and matching, status callbacks. */
export function startHotPath(options: HotPathOptions) {
  const { db, bind, logger } = options;
  const callbacks = startCallbackSender({ db, logger, ...(options.callbackRetry ? { retry: options.callbackRetry } : {}) });
  const matcher = startReceiptMatcher({ db, logger, onCompleted: () => callbacks.wake() });
  bind.onReceipt(receiptIntake({ db, carrier: bind.name, logger, onStored: () => matcher.wake() }));
  bind.onReply((reply) => storeReply(db, bind.name, reply));
  const timeouts = startReceiptTimeouts({
    db,
    logger,
    onExpired: () => callbacks.wake(),
    ...(options.receiptTimeoutMs ? { timeoutMs: options.receiptTimeoutMs, checkEveryMs: Math.min(60_000, options.receiptTimeoutMs) } : {}),
  });
  const dispatcher = startDispatcher({
    db,
    bind,
    logger,
    ...(options.dispatchRetry ? { retry: options.dispatchRetry } : {}),
  });
  const listener = listenForAccepted(options.databaseUrl, () => dispatcher.wake(), logger);

  return {
    async stop() {
      await listener.stop();
      await dispatcher.stop();
      await matcher.stop();
      await timeouts.stop();
      await callbacks.stop();
    },
  };
}
