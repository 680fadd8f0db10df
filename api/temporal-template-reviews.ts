import type { Client } from '@temporalio/client';
import { processKey, stateKey, tenantKey } from '../workflows/search-attributes.ts';
import { decideTemplateSignal, templateReview, templateReviewQuery, withdrawTemplateSignal } from '../workflows/template-review.ts';
import type { TemplateReviews } from './template-reviews.ts';
import type { TemporalProcessOptions } from './temporal-scheduled-sends.ts';

export const templateReviewWorkflowId = (versionId: string) => `template-review-${versionId}`;

export function temporalTemplateReviews(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): TemplateReviews {
  const tagged = options.searchAttributes ?? true;
  const handle = (versionId: string) => client.workflow.getHandle(templateReviewWorkflowId(versionId));
  return {
    async start({ versionId, tenantId }) {
      const workflowId = templateReviewWorkflowId(versionId);
      await client.workflow.start(templateReview, {
        taskQueue,
        workflowId,
        args: [{ versionId }],
        ...(tagged
          ? {
              typedSearchAttributes: [
                { key: tenantKey, value: tenantId },
                { key: processKey, value: 'template-review' },
                { key: stateKey, value: 'scheduled' },
              ],
            }
          : {}),
      });
      return workflowId;
    },
    withdraw: (versionId) => handle(versionId).signal(withdrawTemplateSignal),
    decide: (versionId, decision) => handle(versionId).signal(decideTemplateSignal, decision),
    async status(versionId) {
      try {
        return await handle(versionId).query(templateReviewQuery);
      } catch {
        return undefined;
      }
    },
  };
}
