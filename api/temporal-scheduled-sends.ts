import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { cancelScheduledSendSignal, scheduledSend } from '../workflows/scheduled-send.ts';
import { processKey, stateKey, tenantKey } from '../workflows/search-attributes.ts';
import type { ScheduledSends } from './scheduled-sends.ts';

export const scheduledSendWorkflowId = (requestId: string) => `scheduled-send-${requestId}`;

export interface TemporalProcessOptions {
  /** Tag workflows with Tern's search attributes; off only for servers that cannot register them. */
  searchAttributes?: boolean;
}

export function temporalScheduledSends(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): ScheduledSends {
  const tagged = options.searchAttributes ?? true;
  return {
    async schedule({ requestId, tenantId, sendAt }) {
      await client.workflow.start(scheduledSend, {
        taskQueue,
        workflowId: scheduledSendWorkflowId(requestId),
        args: [{ requestId, sendAt: sendAt.toISOString() }],
        ...(tagged
          ? {
              typedSearchAttributes: [
                { key: tenantKey, value: tenantId },
                { key: processKey, value: 'scheduled-send' },
                { key: stateKey, value: 'waiting' },
              ],
            }
          : {}),
      });
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
