import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QuotaHoldInput } from '../activities/billing.ts';
import { quotaChangedSignal, quotaRunout, releaseHoldSignal } from '../workflows/quota-runout.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

export const quotaRunoutWorkflowId = (hold: { tenantId: string; holdId: number }) => `quota-runout-${hold.tenantId}-${hold.holdId}`;

/** The mode-2 holds' workflows, for the worker (which starts them) and the API (top-ups, releases). */
export interface QuotaHolds {
  /** Starts the workflow of a hold; starting it again is harmless. */
  start(hold: QuotaHoldInput): Promise<void>;
  /** A top-up or a mode change; false when no workflow runs for the hold (it then notices by itself, or is gone). */
  quotaChanged(hold: QuotaHoldInput): Promise<boolean>;
  release(hold: QuotaHoldInput, operatorId: string): Promise<boolean>;
}

export function temporalQuotaHolds(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): QuotaHolds {
  const signal = async (hold: QuotaHoldInput, send: (id: string) => Promise<void>) => {
    try {
      await send(quotaRunoutWorkflowId(hold));
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  };
  return {
    async start(hold) {
      try {
        await startProcess(
          client,
          quotaRunout,
          { taskQueue, workflowId: quotaRunoutWorkflowId(hold), input: hold, tenantId: hold.tenantId, process: 'quota-runout', state: 'held' },
          options,
        );
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
    quotaChanged: (hold) => signal(hold, (id) => client.workflow.getHandle(id).signal(quotaChangedSignal)),
    release: (hold, operatorId) => signal(hold, (id) => client.workflow.getHandle(id).signal(releaseHoldSignal, { operatorId })),
  };
}
