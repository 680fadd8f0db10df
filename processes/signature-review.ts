import type { Client } from '@temporalio/client';
import { decideSignatureUpdate, documentsUploadedUpdate, signatureReview, type SignatureReviewState } from '../workflows/signature-review.ts';
import { refusalsOf } from './refusal.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';
import type { SignatureDecision } from '../domain/reviews.ts';

/** How the API reaches the signature approval process (a Temporal workflow per signature). */
export interface SignatureReviews {
  start(input: { signatureId: string; tenantId: string }): Promise<string>;
  /** The state the decision led to, once recorded; a `ProcessRefusal` when the signature is not in review. */
  decide(signatureId: string, decision: SignatureDecision): Promise<SignatureReviewState>;
  /** The state once the review resumed; a `ProcessRefusal` when no documents were asked for. */
  documentsUploaded(signatureId: string): Promise<SignatureReviewState>;
}

export const signatureReviewWorkflowId = (signatureId: string) => `signature-review-${signatureId}`;

export function temporalSignatureReviews(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): SignatureReviews {
  const handle = (signatureId: string) => client.workflow.getHandle(signatureReviewWorkflowId(signatureId));
  return {
    start: ({ signatureId, tenantId }) =>
      startProcess(
        client,
        signatureReview,
        { taskQueue, workflowId: signatureReviewWorkflowId(signatureId), input: { signatureId }, tenantId, process: 'signature-review', state: 'in_review' },
        options,
      ),
    decide: (signatureId, decision) => refusalsOf(() => handle(signatureId).executeUpdate(decideSignatureUpdate, { args: [decision] })),
    documentsUploaded: (signatureId) => refusalsOf(() => handle(signatureId).executeUpdate(documentsUploadedUpdate)),
  };
}
