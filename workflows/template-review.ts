import { allHandlersFinished, condition, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { TemplateReviewActivities } from '../activities/template-review.ts';
import type { ReviewDecision } from '../domain/reviews.ts';
import { activityOptions, boundedActivityOptions } from './activity-options.ts';
import { notAccepted } from './not-accepted.ts';
import { upsertState } from './search-attributes.ts';

/** A reviewer's decision; answers with the state it led to, once recorded, or is refused when the review is not open. */
export const decideTemplateUpdate = defineUpdate<TemplateReviewState, [ReviewDecision]>('decideReview');
/** Decisions as signals, from before decisions were Updates: kept so that reviews started then still replay. */
export const decideTemplateSignal = defineSignal<[ReviewDecision]>('decide');
export const withdrawTemplateSignal = defineSignal('withdraw');

export type TemplateReviewState = 'waiting' | 'in_review' | 'overdue' | 'approved' | 'rejected' | 'withdrawn';
export interface TemplateReviewStatus {
  state: TemplateReviewState;
  opensAt?: string;
  dueAt?: string;
}
export const templateReviewQuery = defineQuery<TemplateReviewStatus>('state');

export interface TemplateReviewInput {
  versionId: string;
}

const activities = proxyActivities<TemplateReviewActivities>(activityOptions);
// The version is committed just after the workflow starts; if that commit failed, give up after a few minutes.
const { scheduleTemplateReview } = proxyActivities<TemplateReviewActivities>(boundedActivityOptions('30 seconds', 10));

/**
 * The review of one template version: wait for the next review window (workdays only), enter the reviewers'
 * queue, escalate when undecided for too many workdays, and end with a reviewer's decision or a withdrawal.
 */
export async function templateReview({ versionId }: TemplateReviewInput): Promise<TemplateReviewState> {
  const status: TemplateReviewStatus = { state: 'waiting' };
  let decision: ReviewDecision | undefined;
  let withdrawn = false;
  setHandler(templateReviewQuery, () => status);
  // Decisions count from the moment the review is being opened: the API sends one only once the database shows
  // the review open, and it can reach this workflow together with the result of the opening activity, ahead of
  // it. Only the first decision counts; the validator refuses the others, and any after a withdrawal.
  let accepting = false;
  const decided = () => status.state === 'approved' || status.state === 'rejected' || status.state === 'withdrawn';
  setHandler(
    decideTemplateUpdate,
    async (d) => {
      decision = d;
      await condition(decided);
      return status.state;
    },
    {
      validator: (_decision: ReviewDecision) => {
        if (!accepting) throw notAccepted('This review has not opened yet.');
        if (decision !== undefined) throw notAccepted('This review was decided meanwhile.');
        if (withdrawn) throw notAccepted('This version was withdrawn meanwhile.');
      },
    },
  );
  setHandler(decideTemplateSignal, (d) => void (decision ??= accepting ? d : undefined));
  setHandler(withdrawTemplateSignal, () => void (withdrawn = true));
  const move = (state: TemplateReviewState) => {
    status.state = state;
    upsertState(state);
  };

  const { opensAt } = await scheduleTemplateReview(versionId);
  status.opensAt = opensAt;
  if (await condition(() => withdrawn, Math.max(0, Date.parse(opensAt) - Date.now()))) return withdraw();
  accepting = true;
  const opened = await activities.openTemplateReview(versionId, opensAt);
  if (!opened) return withdraw();
  status.dueAt = opened.dueAt;
  move('in_review');

  const decidedInTime = await condition(() => withdrawn || decision !== undefined, Math.max(0, Date.parse(opened.dueAt) - Date.now()));
  if (!decidedInTime) {
    await activities.escalateTemplateReview(versionId);
    move('overdue');
    await condition(() => withdrawn || decision !== undefined);
  }
  if (withdrawn && decision === undefined) return withdraw();
  const final = decision as ReviewDecision;
  await activities.decideTemplateReview(versionId, final);
  move(final.decision === 'approve' ? 'approved' : 'rejected');
  await condition(allHandlersFinished);
  return status.state;

  async function withdraw(): Promise<TemplateReviewState> {
    await activities.withdrawTemplateReview(versionId);
    move('withdrawn');
    await condition(allHandlersFinished);
    return status.state;
  }
}
