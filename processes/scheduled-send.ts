import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { cancelScheduledSendSignal, scheduledSend } from '../workflows/scheduled-send.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

/** How the API hands a future send to the process that waits for its time (a Temporal workflow in production). */
export interface ScheduledSends {
  schedule(input: { requestId: string; tenantId: string; sendAt: Date }): Promise<void>;
  /** Tells the waiting process that nothing is left to send; harmless if it already ended. */
  cancel(requestId: string): Promise<void>;
}

export const scheduledSendWorkflowId = (requestId: string) => `scheduled-send-${requestId}`;

export function temporalScheduledSends(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): ScheduledSends {
  return {
    async schedule({ requestId, tenantId, sendAt }) {
      const workflowId = scheduledSendWorkflowId(requestId);
      const input = { requestId, sendAt: sendAt.toISOString() };
      await startProcess(client, scheduledSend, { taskQueue, workflowId, input, tenantId, process: 'scheduled-send', state: 'waiting' }, options);
    },
    async cancel(requestId) {
      try {
        await client.workflow.getHandle(scheduledSendWorkflowId(requestId)).signal(cancelScheduledSendSignal);
      } catch (err) {
        // Already released or cancelled: the database is the truth, the signal only ends the wait early.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },
  };
}
