import type { Context } from 'hono';
import { LruMap } from '../../domain/lru-map.ts';
import { takeToken, type Bucket, type BucketRule } from '../../domain/token-bucket.ts';
import { ApiError } from '../errors.ts';

export interface FailedAttemptLimits {
  /** Failed authentications one client address may make: a burst, then a steady rate. */
  perAddress: BucketRule;
  /** Failed authentications against one app key (or API key, or operator token prefix), from anywhere. */
  perKey: BucketRule;
  /** Addresses and keys remembered at most (least recently used dropped first). */
  maxTracked: number;
}

/** 20 failures at once, then one every 3 s, per address; 10, then one every 6 s, per key. */
export const defaultFailedAttemptLimits: FailedAttemptLimits = {
  perAddress: { burst: 20, ratePerSecond: 1 / 3 },
  perKey: { burst: 10, ratePerSecond: 1 / 6 },
  maxTracked: 100_000,
};

export interface FailedAttempts {
  /** Refuses with 429 `too_many_failed_attempts` (and Retry-After) an address or key that failed too often lately. */
  check(address: string, key: string | null): void;
  /** Counts a failed authentication against the address and the key. */
  failed(address: string, key: string | null): void;
}

/**
 * Throttles guessing: failed authentications are counted per client address and per presented key in token
 * buckets held in memory (per API process), and once either runs dry further attempts are refused before any
 * credential is looked up or checked. A correct secret then waits too, which is the point: a guesser cannot tell.
 */
export function failedAttempts(limits: FailedAttemptLimits = defaultFailedAttemptLimits, now: () => number = Date.now): FailedAttempts {
  const addresses = new LruMap<string, Bucket>(limits.maxTracked);
  const keys = new LruMap<string, Bucket>(limits.maxTracked);
  const empty = (buckets: LruMap<string, Bucket>, id: string, rule: BucketRule): number | null => {
    const bucket = buckets.get(id);
    if (!bucket) return null;
    const tokens = Math.min(rule.burst, bucket.tokens + ((now() - bucket.updatedAt) / 1000) * rule.ratePerSecond);
    return tokens >= 1 ? null : Math.ceil(((1 - tokens) / rule.ratePerSecond) * 1000);
  };
  const take = (buckets: LruMap<string, Bucket>, id: string, rule: BucketRule) => buckets.set(id, takeToken(buckets.get(id), rule, now()).bucket);
  return {
    check(address, key) {
      const waitMs = Math.max(empty(addresses, address, limits.perAddress) ?? 0, key === null ? 0 : (empty(keys, key, limits.perKey) ?? 0));
      if (waitMs > 0) {
        throw new ApiError(429, 'too_many_failed_attempts', 'Too many failed sign-ins from this address or for this key; try again later.', undefined, {
          'retry-after': String(Math.ceil(waitMs / 1000)),
        });
      }
    },
    failed(address, key) {
      take(addresses, address, limits.perAddress);
      if (key !== null) take(keys, key, limits.perKey);
    },
  };
}

/** The address the request came from (the TCP peer; a proxy's address when behind one). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
