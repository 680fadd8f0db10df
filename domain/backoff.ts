export interface BackoffPolicy {
  minMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `retry` (0 for the first): doubling from minMs up to maxMs, then spread by ±50% so
 * that many clients (or messages, or PDUs) failing together do not all come back at the same instant.
 */
export function backoffDelay(retry: number, { minMs, maxMs }: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(Math.max(0, retry), 30));
  return Math.round(Math.min(maxMs, Math.max(minMs, base * (0.5 + random()))));
}
