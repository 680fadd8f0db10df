import { setTimeout as sleep } from 'node:timers/promises';
import { takeToken, type Bucket } from '../../domain/token-bucket.ts';

/**
 * Spaces submit_sm to at most `perSecond` a second, in the order they ask, for an SMSC account with a contracted
 * throughput: sending faster only earns ESME_RTHROTTLED and back-off. No burst: SMSCs often count in sliding
 * windows. A close (`signal`) cuts the wait short with an AbortError.
 */
export function createPacer(perSecond: number, signal: AbortSignal): () => Promise<void> {
  const rule = { ratePerSecond: perSecond, burst: 1 };
  let bucket: Bucket | undefined;
  let last: Promise<void> = Promise.resolve();
  return () => {
    const turn = last.then(async () => {
      for (;;) {
        const taken = takeToken(bucket, rule, Date.now());
        bucket = taken.bucket;
        if (taken.allowed) return;
        await sleep(taken.retryAfterMs, undefined, { signal });
      }
    });
    last = turn.catch(() => undefined);
    return turn;
  };
}
