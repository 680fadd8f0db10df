import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SuspensionInput } from '../activities/traffic.ts';
import { limitChangedSignal, liftSuspensionSignal, sendingSuspension } from '../workflows/sending-suspension.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

export const suspensionWorkflowId = (s: { tenantId: string; period: string; periodStart: string }) =>
  `sending-suspension-${s.tenantId}-${s.period}-${s.periodStart}`;

/** Starting and signalling sending suspensions, for the worker's traffic monitor and the API. */
export interface Suspensions {
  /** Starts the suspension of a period; starting it again is harmless. */
  start(input: SuspensionInput): Promise<void>;
  /** False when no workflow runs for it any more (the caller then ends the row itself). */
  lift(s: { tenantId: string; period: string; periodStart: string }, operatorId: string): Promise<boolean>;
  limitChanged(s: { tenantId: string; period: string; periodStart: string }): Promise<boolean>;
}

export function temporalSuspensions(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): Suspensions {
  const signal = async (s: { tenantId: string; period: string; periodStart: string }, send: (id: string) => Promise<void>) => {
    try {
      await send(suspensionWorkflowId(s));
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  };
  return {
    async start(input) {
      try {
        await startProcess(
          client,
          sendingSuspension,
          { taskQueue, workflowId: suspensionWorkflowId(input), input, tenantId: input.tenantId, process: 'sending-suspension', state: 'suspended' },
          options,
        );
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
    lift: (s, operatorId) => signal(s, (id) => client.workflow.getHandle(id).signal(liftSuspensionSignal, { operatorId })),
    limitChanged: (s) => signal(s, (id) => client.workflow.getHandle(id).signal(limitChangedSignal)),
  };
}
