import { condition, continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { BillingActivities, QuotaHoldInput } from '../activities/billing.ts';
import type { HoldEndReason } from '../db/schema.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

/** A package arrived or the tenant's mode changed: the hold checks whether it can end. */
export const quotaChangedSignal = defineSignal('quotaChanged');
/** An operator ends the hold (e.g. the tenant paid and its package follows). */
export const releaseHoldSignal = defineSignal<[{ operatorId: string }]>('release');
export interface QuotaHoldState {
  state: 'held' | 'resumed';
  endedBy?: HoldEndReason;
}
export const quotaHoldQuery = defineQuery<QuotaHoldState>('state');

const activities = proxyActivities<BillingActivities>(activityOptions);

/** How often the hold looks for a top-up by itself, in case a signal was lost. */
const recheckEvery = '10 minutes';

/**
 * Billing mode 2: the tenant's international packages ran out, so the charge function refuses its international
 * messages while this hold is open. The workflow tells the tenant, waits for a top-up (a new package, or the mode
 * switched to 1; signalled, and checked every ten minutes regardless) or an operator's release, then ends the hold
 * and tells the tenant sending resumed. A long hold continues as new to keep its history short.
 */
export async function quotaRunout(input: QuotaHoldInput & { told?: boolean }): Promise<HoldEndReason> {
  const status: QuotaHoldState = { state: 'held' };
  let released: { operatorId: string } | undefined;
  let changed = false;
  setHandler(quotaHoldQuery, () => status);
  setHandler(releaseHoldSignal, (by) => void (released ??= by));
  setHandler(quotaChangedSignal, () => void (changed = true));

  if (!input.told) {
    await activities.beginHold(input);
    upsertState('held');
  }
  let reason: HoldEndReason | null = null;
  while (!reason) {
    await condition(() => released !== undefined || changed, recheckEvery);
    if (released) {
      reason = 'released';
      break;
    }
    changed = false;
    // The workflow's clock says when: the top-up's validity is judged at the time the workflow acts.
    reason = await activities.whyHoldEnds(input, new Date().toISOString());
    if (!reason && !released && !changed && workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof quotaRunout>({ holdId: input.holdId, tenantId: input.tenantId, told: true });
    }
  }
  await activities.endHold(input, reason, released?.operatorId);
  status.state = 'resumed';
  status.endedBy = reason;
  upsertState('resumed');
  return reason;
}
