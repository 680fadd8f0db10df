import type { Client } from '@temporalio/client';
import { blocklistUnblocking, decideUnblockUpdate, type UnblockDecision, type UnblockingInput, type UnblockingState } from '../workflows/blocklist-unblocking.ts';
import { refusalsOf } from './refusal.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

export const unblockingWorkflowId = (requestId: string) => `blocklist-unblocking-${requestId}`;

/** Starting and deciding blocklist unblockings, for the API. */
export interface Unblockings {
  start(input: { requestId: string; tenantId: string }): Promise<string>;
  /** The state the decision led to, once recorded; a `ProcessRefusal` when one was made already. */
  decide(requestId: string, decision: UnblockDecision): Promise<UnblockingState>;
}

/** A shorter wait for the carrier's answer, for trying unblocking out (never in production). */
export type UnblockingTiming = Required<Pick<UnblockingInput, 'waitingPeriodMs' | 'checkIntervalMs'>>;

/** `TERN_UNBLOCK_WAIT_SECONDS=60`: the carrier's answer is checked after 60 s, then every 60 s. */
export function unblockingTimingFromEnv(env: NodeJS.ProcessEnv = process.env): UnblockingTiming | undefined {
  const seconds = Number(env.TERN_UNBLOCK_WAIT_SECONDS);
  return env.TERN_UNBLOCK_WAIT_SECONDS && seconds > 0 ? { waitingPeriodMs: seconds * 1000, checkIntervalMs: seconds * 1000 } : undefined;
}

export function temporalUnblockings(client: Client, taskQueue: string, options: TemporalProcessOptions = {}, timing?: UnblockingTiming): Unblockings {
  return {
    start: ({ requestId, tenantId }) =>
      startProcess(
        client,
        blocklistUnblocking,
        { taskQueue, workflowId: unblockingWorkflowId(requestId), input: { requestId, ...timing }, tenantId, process: 'blocklist-unblocking', state: 'in_review' },
        options,
      ),
    decide: (requestId, decision) => refusalsOf(() => client.workflow.getHandle(unblockingWorkflowId(requestId)).executeUpdate(decideUnblockUpdate, { args: [decision] })),
  };
}
