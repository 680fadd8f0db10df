import type { Logger } from 'pino';
import type { CarrierBind } from '../carriers/carrier.ts';
import type { Db } from '../db/connect.ts';
import type { BackoffPolicy } from '../domain/backoff.ts';
import { listenForAccepted } from './accepted-listener.ts';
import { startCallbackSender } from './callback-sender.ts';
import { startDispatcher } from './dispatcher.ts';
import { receiptIntake } from './receipt-intake.ts';
import { startReceiptMatcher } from './receipt-matcher.ts';

export interface HotPathOptions {
  db: Db;
  databaseUrl: string;
  bind: CarrierBind;
  logger: Logger;
  callbackRetry?: BackoffPolicy;
  dispatchRetry?: BackoffPolicy & { maxAttempts: number };
}

/** Everything after accept: dispatch, receipt intake and matching, status callbacks. */
export function startHotPath(options: HotPathOptions) {
  const { db, bind, logger } = options;
  const callbacks = startCallbackSender({ db, logger, ...(options.callbackRetry ? { retry: options.callbackRetry } : {}) });
  const matcher = startReceiptMatcher({ db, logger, onCompleted: () => callbacks.wake() });
  bind.onReceipt(receiptIntake({ db, carrier: bind.name, logger, onStored: () => matcher.wake() }));
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
      await callbacks.stop();
    },
  };
}
