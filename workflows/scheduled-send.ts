import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ScheduledSendActivities } from '../activities/scheduled-sends.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

export const cancelScheduledSendSignal = defineSignal('cancel');
export type ScheduledSendState = 'waiting' | 'released' | 'cancelled';
export const scheduledSendStateQuery = defineQuery<{ state: ScheduledSendState; sendAt: string }>('state');

export interface ScheduledSendInput {
  requestId: string;
  /** ISO 8601 time at which the request's messages enter the dispatch queue. */
  sendAt: string;
}

export interface ScheduledSendResult {
  state: Exclude<ScheduledSendState, 'waiting'>;
  messages: number;
}

const { releaseScheduledMessages, cancelScheduledMessages } = proxyActivities<ScheduledSendActivities>(activityOptions);

/** A send with a future time: wait on a durable timer (or a cancel), then hand the messages to the hot path. */
export async function scheduledSend(input: ScheduledSendInput): Promise<ScheduledSendResult> {
  let state: ScheduledSendState = 'waiting';
  let cancelRequested = false;
  setHandler(cancelScheduledSendSignal, () => void (cancelRequested = true));
  setHandler(scheduledSendStateQuery, () => ({ state, sendAt: input.sendAt }));

  const wait = Math.max(0, Date.parse(input.sendAt) - Date.now());
  const cancelled = await condition(() => cancelRequested, wait);
  if (cancelled) {
    state = 'cancelled';
    upsertState(state);
    return { state, messages: await cancelScheduledMessages(input.requestId) };
  }
  const messages = await releaseScheduledMessages(input.requestId);
  state = 'released';
  upsertState(state);
  return { state, messages };
}
