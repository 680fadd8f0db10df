import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { notAcceptedType } from '../workflows/not-accepted.ts';

/** A long process refused a request: its Update's validator said no, or the process has ended. */
export class ProcessRefusal extends Error {}

/**
 * Runs an Update call, turning a refusal by the workflow's validator, or a workflow that has ended, into a
 * `ProcessRefusal` with the workflow's reason; other errors (Temporal unreachable) pass through.
 */
export async function refusalsOf<T>(update: () => Promise<T>): Promise<T> {
  try {
    return await update();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === notAcceptedType) {
      throw new ProcessRefusal(err.cause.message);
    }
    if (err instanceof WorkflowNotFoundError) throw new ProcessRefusal('The process has ended.');
    throw err;
  }
}
