import type { Client } from '@temporalio/client';
import { decideTemplateUpdate, templateReview, templateReviewQuery, withdrawTemplateSignal, type TemplateReviewState, type TemplateReviewStatus } from '../workflows/template-review.ts';
import { refusalsOf } from './refusal.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';
import type { ReviewDecision } from '../domain/reviews.ts';

/** How the API reaches the template review process (a Temporal workflow per version). */
export interface TemplateReviews {
  start(input: { versionId: string; tenantId: string }): Promise<string>;
  withdraw(versionId: string): Promise<void>;
  /** The state the decision led to, once recorded; a `ProcessRefusal` when the review is not open. */
  decide(versionId: string, decision: ReviewDecision): Promise<TemplateReviewState>;
  /** The live state from the workflow; undefined when it cannot be asked (ended long ago, or not reachable). */
  status(versionId: string): Promise<TemplateReviewStatus | undefined>;
}

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
    decide: (versionId, decision) => refusalsOf(() => handle(versionId).executeUpdate(decideTemplateUpdate, { args: [decision] })),
    status: (versionId) => handle(versionId).query(templateReviewQuery).catch(() => undefined),
  };
}
