import { allHandlersFinished, condition, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SignatureReviewActivities } from '../activities/signature-review.ts';
import { documentsWaitDays, type SignatureDecision } from '../domain/reviews.ts';
import { activityOptions } from './activity-options.ts';
import { notAccepted } from './not-accepted.ts';
import { upsertState } from './search-attributes.ts';

export type SignatureReviewState = 'in_review' | 'documents_requested' | 'approved' | 'rejected' | 'expired';

/** A reviewer's decision; answers with the state it led to, once recorded, or is refused when not in review. */
export const decideSignatureUpdate = defineUpdate<SignatureReviewState, [SignatureDecision]>('decideReview');
/** The tenant uploaded the documents asked for; answers once the review has resumed, or is refused when none were asked. */
export const documentsUploadedUpdate = defineUpdate<SignatureReviewState>('uploadDocuments');
/** The same as signals, from before they were Updates: kept so that reviews started then still replay. */
export const decideSignatureSignal = defineSignal<[SignatureDecision]>('decide');
export const documentsUploadedSignal = defineSignal('documentsUploaded');
export const signatureReviewQuery = defineQuery<{ state: SignatureReviewState; expiresAt?: string }>('state');

const activities = proxyActivities<SignatureReviewActivities>(activityOptions);

const day = 24 * 3600 * 1000;

/**
 * The approval of one signature: a reviewer approves, rejects, or asks for more documents; asked, the tenant
 * uploads again and the review resumes, or the application expires after 30 days without documents.
 */
export async function signatureReview({ signatureId }: { signatureId: string }): Promise<SignatureReviewState> {
  const status: { state: SignatureReviewState; expiresAt?: string } = { state: 'in_review' };
  let decision: SignatureDecision | undefined;
  let uploaded = false;
  setHandler(signatureReviewQuery, () => status);
  // Decisions count while the application is (or is being put back) in review: the API sends one only once the
  // database shows it in review, which after an upload can reach here together with the result of the resume
  // activity, ahead of it. A decision racing a request for documents is ignored (the API answers it 409).
  // Likewise an upload can arrive together with the result of the activity that asked for documents.
  let accepting = true;
  let awaitingDocuments = false;
  // Each decision and upload moves the review on by one step; its Update answers once that step is recorded.
  let steps = 0;
  const stepTaken = (from: number) => () => steps > from;
  setHandler(
    decideSignatureUpdate,
    async (d) => {
      const from = steps;
      decision = d;
      await condition(stepTaken(from));
      return status.state;
    },
    {
      validator: (_decision: SignatureDecision) => {
        if (!accepting || decision !== undefined) throw notAccepted(`This signature is ${status.state === 'in_review' ? 'being decided' : status.state}; only one in review can be decided.`);
      },
    },
  );
  const upload = () => {
    uploaded = true;
    accepting = true;
  };
  setHandler(
    documentsUploadedUpdate,
    async () => {
      const from = steps;
      upload();
      await condition(stepTaken(from));
      return status.state;
    },
    {
      validator: () => {
        if (!awaitingDocuments || uploaded) throw notAccepted(`This signature is ${status.state}; documents can be uploaded only when a reviewer asks for them.`);
      },
    },
  );
  setHandler(decideSignatureSignal, (d) => void (decision ??= accepting ? d : undefined));
  setHandler(documentsUploadedSignal, () => void (awaitingDocuments && upload()));
  const move = (state: SignatureReviewState) => {
    status.state = state;
    steps++;
    upsertState(state);
  };

  for (;;) {
    await condition(() => decision !== undefined);
    const current = decision as SignatureDecision;
    decision = undefined;
    if (current.decision !== 'request_documents') {
      await activities.decideSignature(signatureId, current);
      move(current.decision === 'approve' ? 'approved' : 'rejected');
      await condition(allHandlersFinished);
      return status.state;
    }
    accepting = false;
    uploaded = false;
    awaitingDocuments = true;
    const expiresAt = new Date(Date.now() + documentsWaitDays * day).toISOString();
    await activities.requestSignatureDocuments(signatureId, current.reason, current.reviewerId, expiresAt);
    status.expiresAt = expiresAt;
    move('documents_requested');
    const arrived = await condition(() => uploaded, documentsWaitDays * day);
    awaitingDocuments = false;
    if (!arrived) {
      await activities.expireSignature(signatureId);
      move('expired');
      await condition(allHandlersFinished);
      return status.state;
    }
    await activities.resumeSignatureReview(signatureId);
    delete status.expiresAt;
    move('in_review');
  }
}
