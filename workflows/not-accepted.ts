import { ApplicationFailure } from '@temporalio/workflow';

/** The failure type an Update's validator refuses with; processes/ turns it into `ProcessRefusal`. */
export const notAcceptedType = 'NotAccepted';

/** Refuses an Update in its validator: nothing is written to the history, and the caller learns why. */
export function notAccepted(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: notAcceptedType, message, nonRetryable: true });
}
