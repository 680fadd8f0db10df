import { ActivityFailure, allHandlersFinished, ApplicationFailure, condition, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { UnblockingActivities } from '../activities/unblocking.ts';
import { unblockCheckIntervalMs, unblockChecks, unblockWaitingPeriodMs, type UnblockStatus } from '../domain/unblocking.ts';
import { boundedActivityOptions } from './activity-options.ts';
import { notAccepted } from './not-accepted.ts';
import { upsertState } from './search-attributes.ts';

export type UnblockDecision = { decision: 'approve'; operatorId: string } | { decision: 'refuse'; operatorId: string; reason: string };
/** The request's state in the API's words (`GET /v1/unblock-requests/{id}`); the same in the Temporal UI. */
export type UnblockingState = 'in_review' | 'carrier_pending' | 'unblocked' | 'refused';
/** An operator's decision; answers with the state it led to once recorded, or is refused when one was made. */
export const decideUnblockUpdate = defineUpdate<UnblockingState, [UnblockDecision]>('decideRequest');
/** Decisions as signals, from before they were Updates: kept so that requests started then still replay. */
export const decideUnblockSignal = defineSignal<[UnblockDecision]>('decide');
/** While the carrier has it: asking it, waiting out the period before checking, or checking its answer. */
export type CarrierStep = 'asking' | 'waiting' | 'checking';
export const unblockingQuery = defineQuery<{ state: UnblockingState; carrierStep?: CarrierStep }>('state');

// The carrier's system may be away for a while: up to 20 attempts, at most 5 minutes apart.
const activities = proxyActivities<UnblockingActivities>(boundedActivityOptions('5 minutes', 20));

/**
 * Taking a number off the platform blocklist: an operator reviews the tenant's reason; approved, the carrier is
 * asked to unblock it on its side; after a waiting period the carrier's answer is checked, and the request ends
 * unblocked (the number leaves the blocklist) or refused. The tenant is told the outcome.
 */
export interface UnblockingInput {
  requestId: string;
  /**
   * The waiting period before the carrier's answer is checked, and the interval of later checks; the production
   * values (a day, an hour) when absent. Shorter only for trying the process out (`TERN_UNBLOCK_WAIT_SECONDS`).
   */
  waitingPeriodMs?: number;
  checkIntervalMs?: number;
}

export async function blocklistUnblocking({ requestId, waitingPeriodMs = unblockWaitingPeriodMs, checkIntervalMs = unblockCheckIntervalMs }: UnblockingInput): Promise<'unblocked' | 'refused'> {
  const status: { state: UnblockingState; carrierStep?: CarrierStep } = { state: 'in_review' };
  let decision: UnblockDecision | undefined;
  setHandler(unblockingQuery, () => status);
  setHandler(
    decideUnblockUpdate,
    async (d) => {
      decision = d;
      await condition(() => status.state !== 'in_review');
      return status.state;
    },
    {
      validator: (_decision: UnblockDecision) => {
        if (decision !== undefined) throw notAccepted('This request was decided meanwhile.');
      },
    },
  );
  setHandler(decideUnblockSignal, (d) => void (decision ??= d));
  const move = (state: UnblockingState) => {
    status.state = state;
    if (state !== 'carrier_pending') delete status.carrierStep;
    upsertState(state);
  };
  // Each step records the state again, as every step once did: the same commands, so histories of requests
  // started by an earlier version still replay.
  const step = (carrierStep: CarrierStep) => {
    status.carrierStep = carrierStep;
    upsertState('carrier_pending');
  };
  const finish = async (result: 'unblocked' | 'refused', outcome: string, operatorId?: string) => {
    await activities.finishUnblocking(requestId, result, outcome, operatorId);
    move(result);
    await condition(allHandlersFinished);
    return result;
  };

  await condition(() => decision !== undefined);
  const decided = decision as UnblockDecision;
  if (decided.decision === 'refuse') return finish('refused', decided.reason, decided.operatorId);

  move('carrier_pending');
  status.carrierStep = 'asking';
  let ticket: string;
  try {
    ticket = await activities.requestCarrierUnblock(requestId, decided.operatorId);
  } catch (err) {
    const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.message : 'the carrier could not be asked';
    return finish('refused', `The carrier could not be asked: ${cause}`);
  }
  step('waiting');
  await sleep(waitingPeriodMs);
  for (let check = 1; ; check++) {
    step('checking');
    let answer: UnblockStatus;
    try {
      answer = await activities.carrierUnblockStatus(ticket);
    } catch {
      return finish('refused', 'The carrier could not be asked for its answer.');
    }
    if (answer === 'unblocked') return finish('unblocked', 'The carrier unblocked the number.');
    if (answer === 'refused') return finish('refused', 'The carrier refused to unblock the number.');
    if (check >= unblockChecks) return finish('refused', 'The carrier did not answer in time.');
    step('waiting');
    await sleep(checkIntervalMs);
  }
}
