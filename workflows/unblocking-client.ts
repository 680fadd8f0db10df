import type { Client } from '@temporalio/client';
import { blocklistUnblocking, decideUnblockSignal, type UnblockDecision } from './blocklist-unblocking.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

export const unblockingWorkflowId = (requestId: string) => `blocklist-unblocking-${requestId}`;

/** Starting and deciding blocklist unblockings, for the API. */
export interface Unblockings {
  start(input: { requestId: string; tenantId: string }): Promise<string>;
  decide(requestId: string, decision: UnblockDecision): Promise<void>;
}

export function temporalUnblockings(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): Unblockings {
  return {
    start: ({ requestId, tenantId }) =>
      startProcess(
        client,
        blocklistUnblocking,
        { taskQueue, workflowId: unblockingWorkflowId(requestId), input: { requestId }, tenantId, process: 'blocklist-unblocking', state: 'in_review' },
        options,
      ),
    decide: (requestId, decision) => client.workflow.getHandle(unblockingWorkflowId(requestId)).signal(decideUnblockSignal, decision),
  };
}
