import type { Logger } from 'pino';
import type { CarrierRouting } from '../carriers/routing.ts';
import type { Db } from '../db/connect.ts';
import { storeReply } from '../db/replies.ts';
import { storeReplyPart } from '../db/reply-parts.ts';
import type { BackoffPolicy } from '../domain/backoff.ts';
import { callbackTargetPolicyFromEnv, type CallbackTargetPolicy } from '../domain/callback-targets.ts';
import { listenForAccepted } from './accepted-listener.ts';
import { startCallbackSender } from './callback-sender.ts';
import { signingKeys } from './signing-keys.ts';
import type { WorkerMetrics } from './metrics.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import { startDispatcher } from './dispatcher.ts';
import { receiptIntake } from './receipt-intake.ts';
import { startReceiptMatcher } from './receipt-matcher.ts';
import { startReceiptTimeouts } from './receipt-timeouts.ts';
import { startReplyRouter } from './reply-router.ts';
import { startHousekeeping } from './housekeeping.ts';
import { startStatsRoller } from './stats-roller.ts';
import { startRetention } from './retention.ts';
import { defaultRetentionDays } from '../domain/retention.ts';

/** Knobs of the hot path; every one has a production default. */
export interface HotPathTuning {
  /** How long a dispatcher's claim on a message holds, unless renewed by its heartbeats, before another worker may take it over. Default 10 000. */
  dispatchLeaseMs?: number;
  dispatchRetry?: BackoffPolicy & { maxAttempts: number };
  callbackRetry?: BackoffPolicy;
  /** How long a tenant's callback server has to answer. */
  callbackTimeoutMs?: number;
  /** After how long without a receipt a submitted message counts as expired. */
  receiptTimeoutMs?: number;
  /** How long the parts of a concatenated reply wait for the rest before they are delivered without it. Default 10 minutes. */
  replyPartsTimeoutMs?: number;
  /** Campaign messages a worker has in flight at most, ahead of the API's at the binds. Default 50. */
  campaignInFlight?: number;
  /** Days a message's details are kept (`TERN_MESSAGE_RETENTION_DAYS`). Default 180. */
  retentionDays?: number;
}

export interface HotPathOptions {
  db: Db;
  /** Opens the apps' sealed callback signing secrets. */
  secrets: SecretBox;
  /** Where status reports and reply notifications may go; default from `TERN_CALLBACK_ALLOW`. */
  callbackTargets?: CallbackTargetPolicy;
  /** Counters of dispatch outcomes and callback attempts. */
  metrics?: Pick<WorkerMetrics, 'dispatched' | 'callbacks'>;
  databaseUrl: string;
  carriers: CarrierRouting;
  logger: Logger;
  tuning?: HotPathTuning;
}

/**
 * Everything after accept: dispatch, receipt intake and matching, receipt timeouts, status callbacks, reply
 * routing, housekeeping (expired WSSE nonces, old per-number send records), folding the statistics, and the
 * message tables' months (made ahead, dropped past retention).
 */
export function startHotPath({ db, secrets, databaseUrl, carriers, logger, tuning = {}, callbackTargets = callbackTargetPolicyFromEnv(), metrics }: HotPathOptions) {
  const callbacks = startCallbackSender({ db, logger, retry: tuning.callbackRetry, timeoutMs: tuning.callbackTimeoutMs, targets: callbackTargets, signing: signingKeys(db, secrets), ...(metrics ? { metrics } : {}) });
  const matcher = startReceiptMatcher({ db, logger, onCompleted: () => callbacks.wake() });
  const replies = startReplyRouter({ db, logger, partsTimeoutMs: tuning.replyPartsTimeoutMs, onRouted: () => callbacks.wake() });
  // Receipts are matched by (carrier, carrier message id): each upstream's intake records its own name.
  carriers.onUpstream((upstream) => {
    upstream.onReceipt(receiptIntake({ db, carrier: upstream.name, logger, onStored: () => matcher.wake() }));
    upstream.onReply(async (reply) => {
      if (reply.part) {
        // Only the part that completes its set makes a reply to route.
        if (await storeReplyPart(db, upstream.name, reply, reply.part)) replies.wake();
        return;
      }
      await storeReply(db, upstream.name, reply);
      replies.wake();
    });
  });
  const housekeeping = startHousekeeping({ db, logger });
  const statsRoller = startStatsRoller({ db, logger });
  const retention = startRetention({ db, logger, retentionDays: tuning.retentionDays ?? defaultRetentionDays });
  const timeouts = startReceiptTimeouts({ db, logger, timeoutMs: tuning.receiptTimeoutMs, onExpired: () => callbacks.wake() });
  const dispatcher = startDispatcher({ db, carriers, logger, retry: tuning.dispatchRetry, leaseMs: tuning.dispatchLeaseMs, campaignInFlight: tuning.campaignInFlight, ...(metrics ? { metrics } : {}) });
  const listener = listenForAccepted(databaseUrl, () => dispatcher.wake(), logger);

  return {
    async stop() {
      await listener.stop();
      await dispatcher.stop();
      await matcher.stop();
      await timeouts.stop();
      await replies.stop();
      await housekeeping.stop();
      await statsRoller.stop();
      await retention.stop();
      await callbacks.stop();
    },
  };
}
