import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SuspensionInput, TrafficActivities } from '../activities/traffic.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

/** An operator lifts the suspension. */
export const liftSuspensionSignal = defineSignal<[{ operatorId: string }]>('lift');
/** The tenant changed its thresholds: the suspension ends if the count is now under the limit. */
export const limitChangedSignal = defineSignal('limitChanged');
export const suspensionQuery = defineQuery<{ state: 'suspended' | 'resumed'; until: string; endedBy?: string }>('state');

const activities = proxyActivities<TrafficActivities>(activityOptions);

/**
 * A tenant reached its traffic limit: new messages are refused until the period ends (a durable timer), the tenant
 * raises the limit, or an operator lifts it; then sending resumes and the tenant is told.
 */
export async function sendingSuspension(input: SuspensionInput): Promise<'period_ended' | 'limit_raised' | 'lifted'> {
  const status: { state: 'suspended' | 'resumed'; until: string; endedBy?: string } = { state: 'suspended', until: input.until };
  let lifted: { operatorId: string } | undefined;
  let limitChanged = false;
  setHandler(suspensionQuery, () => status);
  setHandler(liftSuspensionSignal, (by) => void (lifted ??= by));
  setHandler(limitChangedSignal, () => void (limitChanged = true));

  await activities.beginSuspension(input);
  upsertState('suspended');
  let reason: 'period_ended' | 'limit_raised' | 'lifted' = 'period_ended';
  for (;;) {
    const woken = await condition(() => lifted !== undefined || limitChanged, Math.max(0, Date.parse(input.until) - Date.now()));
    if (!woken) break;
    if (lifted) {
      reason = 'lifted';
      break;
    }
    limitChanged = false;
    if (!(await activities.stillOverLimit(input))) {
      reason = 'limit_raised';
      break;
    }
  }
  await activities.endSuspension(input, reason, lifted?.operatorId);
  status.state = 'resumed';
  status.endedBy = reason;
  upsertState('resumed');
  return reason;
}
