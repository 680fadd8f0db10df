import type { ReviewDecision } from '../domain/reviews.ts';
import type { TemplateReviewStatus } from '../workflows/template-review.ts';

/** How the API reaches the template review process (a Temporal workflow per version). */
export interface TemplateReviews {
  start(input: { versionId: string; tenantId: string }): Promise<string>;
  withdraw(versionId: string): Promise<void>;
  decide(versionId: string, decision: ReviewDecision): Promise<void>;
  /** The live state from the workflow; undefined when it cannot be asked (ended long ago, or not reachable). */
  status(versionId: string): Promise<TemplateReviewStatus | undefined>;
}
