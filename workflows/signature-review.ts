import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SignatureReviewActivities } from '../activities/signature-review.ts';
import { documentsWaitDays, type SignatureDecision } from '../domain/reviews.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

export const decideSignatureSignal = defineSignal<[SignatureDecision]>('decide');
export const documentsUploadedSignal = defineSignal('documentsUploaded');

export type SignatureReviewState = 'in_review' | 'documents_requested' | 'approved' | 'rejected' | 'expired';
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
  setHandler(decideSignatureSignal, (d) => void (decision ??= accepting ? d : undefined));
  setHandler(documentsUploadedSignal, () => {
    if (!awaitingDocuments) return;
    uploaded = true;
    accepting = true;
  });
  const move = (state: SignatureReviewState) => {
    status.state = state;
    upsertState(state);
  };

  for (;;) {
    await condition(() => decision !== undefined);
    const current = decision as SignatureDecision;
    decision = undefined;
    if (current.decision !== 'request_documents') {
      await activities.decideSignature(signatureId, current);
      move(current.decision === 'approve' ? 'approved' : 'rejected');
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
      return status.state;
    }
    await activities.resumeSignatureReview(signatureId);
    delete status.expiresAt;
    move('in_review');
  }
}
