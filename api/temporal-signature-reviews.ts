import type { Client } from '@temporalio/client';
import { decideSignatureSignal, documentsUploadedSignal, signatureReview } from '../workflows/signature-review.ts';
import type { SignatureReviews } from './signature-reviews.ts';
import { startProcess, type TemporalProcessOptions } from '../workflows/start-process.ts';

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
