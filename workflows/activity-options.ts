import type { ActivityOptions } from '@temporalio/workflow';

/**
 * How Tern's workflows call their activities: each call has 30 s, and a failed one is retried with back-off (1 s,
 * doubling, at most a minute apart) for as long as the workflow needs it, since what they do (a database write, a
 * notice queued) must happen once the database is back.
 */
export const activityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} satisfies ActivityOptions;

/** The same, giving up after `maximumAttempts`, waiting at most `maximumInterval` between attempts. */
export function boundedActivityOptions(maximumInterval: string, maximumAttempts: number): ActivityOptions {
  return { ...activityOptions, retry: { ...activityOptions.retry, maximumInterval, maximumAttempts } };
}
