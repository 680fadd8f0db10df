export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  factor?: number;
}

/** Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped at `maxMs`. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const factor = policy.factor ?? 2;
  return Math.min(policy.maxMs, policy.baseMs * factor ** Math.max(0, attempt - 1));
}
