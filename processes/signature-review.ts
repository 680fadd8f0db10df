import type { Client } from '@temporalio/client';
import { decideSignatureSignal, documentsUploadedSignal, signatureReview } from '../workflows/signature-review.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';
import type { SignatureDecision } from '../domain/reviews.ts';

/** How the API reaches the signature approval process (a Temporal workflow per signature). */
export interface SignatureReviews {
  start(input: { signatureId: string; tenantId: string }): Promise<string>;
  decide(signatureId: string, decision: SignatureDecision): Promise<void>;
  documentsUploaded(signatureId: string): Promise<void>;
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
    decide: (signatureId, decision) => handle(signatureId).signal(decideSignatureSignal, decision),
    documentsUploaded: (signatureId) => handle(signatureId).signal(documentsUploadedSignal),
  };
}
