import type { MiddlewareHandler } from 'hono';
import { takeToken, type Bucket } from '../domain/token-bucket.ts';
import type { AuthVariables } from './auth/authenticate.ts';
import { ApiError } from './errors.ts';

export interface RateLimitOptions {
  /** For apps without a rate of their own. */
  defaultRequestsPerSecond: number;
  now?: () => number;
}

/**
 * Per-app request rate limit, a token bucket holding two seconds' worth of requests. Buckets live in this API
 * process: with N replicas behind a balancer an app gets up to N times its rate, which is the usual trade for
 * not paying a database round trip per request; exact per-number limits are a separate control.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const buckets = new Map<string, Bucket>();
  const now = options.now ?? Date.now;
  return async (c, next) => {
    const app = c.get('app');
    const ratePerSecond = app.requests_per_second ?? options.defaultRequestsPerSecond;
    const taken = takeToken(buckets.get(app.id), { ratePerSecond, burst: 2 * ratePerSecond }, now());
    buckets.set(app.id, taken.bucket);
    if (!taken.allowed) {
      const seconds = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
      throw new ApiError(429, 'rate_limited', `This app may make ${ratePerSecond} requests a second; retry after ${seconds} s.`, undefined, {
        'Retry-After': String(seconds),
      });
    }
    await next();
  };
}
