export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketRule {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Most tokens the bucket holds: how large a burst may be. */
  burst: number;
}

export type TakeResult = { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterMs: number };

/** Takes one token at time `now` (ms), refilling first; a full bucket for a first request. */
export function takeToken(bucket: Bucket | undefined, rule: BucketRule, now: number): TakeResult {
  const elapsed = bucket ? Math.max(0, now - bucket.updatedAt) : 0;
  const tokens = bucket ? Math.min(rule.burst, bucket.tokens + (elapsed / 1000) * rule.ratePerSecond) : rule.burst;
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now } };
  return {
    allowed: false,
    bucket: { tokens, updatedAt: now },
    retryAfterMs: Math.ceil(((1 - tokens) / rule.ratePerSecond) * 1000),
  };
}
