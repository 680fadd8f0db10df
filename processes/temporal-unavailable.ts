import { ServiceError } from '@temporalio/client';

/** gRPC status codes meaning the Temporal service could not be reached in time. */
const unreachable = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/** Whether an error means Temporal cannot be reached right now (down, restarting), not that it refused the call. */
export function isTemporalUnavailable(error: unknown): boolean {
  if (!(error instanceof ServiceError)) return false;
  for (let cause: unknown = error.cause; cause; cause = (cause as { cause?: unknown }).cause) {
    const { code } = cause as { code?: unknown };
    if (typeof code === 'number') return unreachable.has(code);
  }
  return /deadline|unavailable|connect/i.test(error.message + String(error.cause ?? ''));
}

export const temporalRetryAfterSeconds = 5;
