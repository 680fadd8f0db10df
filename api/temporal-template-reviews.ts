import type { Client } from '@temporalio/client';
import { decideTemplateSignal, templateReview, templateReviewQuery, withdrawTemplateSignal } from '../workflows/template-review.ts';
import type { TemplateReviews } from './template-reviews.ts';
import { startProcess, type TemporalProcessOptions } from '../workflows/start-process.ts';

export const templateReviewWorkflowId = (versionId: string) => `template-review-${versionId}`;

export function temporalTemplateReviews(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): TemplateReviews {
  const handle = (versionId: string) => client.workflow.getHandle(templateReviewWorkflowId(versionId));
  return {
    start: ({ versionId, tenantId }) =>
      startProcess(
        client,
        templateReview,
        { taskQueue, workflowId: templateReviewWorkflowId(versionId), input: { versionId }, tenantId, process: 'template-review', state: 'waiting' },
        options,
      ),
    withdraw: (versionId) => handle(versionId).signal(withdrawTemplateSignal),
    decide: (versionId, decision) => handle(versionId).signal(decideTemplateSignal, decision),
    status: (versionId) => handle(versionId).query(templateReviewQuery).catch(() => undefined),
  };
}
