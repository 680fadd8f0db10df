import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SignatureReviewActivities } from '../activities/signature-review.ts';
import { documentsWaitDays, type SignatureDecision } from '../domain/reviews.ts';
import { upsertState } from './search-attributes.ts';

export const decideSignatureSignal = defineSignal<[SignatureDecision]>('decide');
export const documentsUploadedSignal = defineSignal('documentsUploaded');

export type SignatureReviewState = 'in-review' | 'documents-requested' | 'approved' | 'rejected' | 'expired';
export const signatureReviewQuery = defineQuery<{ state: SignatureReviewState; expiresAt?: string }>('state');

const activities = proxyActivities<SignatureReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const day = 24 * 3600 * 1000;

/**
 * The approval of one signature: a reviewer approves, rejects, or asks for more documents; asked, the tenant
 * uploads again and the review resumes, or the application expires after 30 days without documents.
 */
export async function signatureReview({ signatureId }: { signatureId: string }): Promise<SignatureReviewState> {
  const status: { state: SignatureReviewState; expiresAt?: string } = { state: 'in-review' };
  let decision: SignatureDecision | undefined;
  let uploaded = false;
  setHandler(signatureReviewQuery, () => status);
  setHandler(decideSignatureSignal, (d) => void (decision ??= status.state === 'in-review' ? d : undefined));
  setHandler(documentsUploadedSignal, () => void (uploaded = status.state === 'documents-requested'));
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
    const expiresAt = new Date(Date.now() + documentsWaitDays * day).toISOString();
    await activities.requestSignatureDocuments(signatureId, current.reason, current.reviewerId, expiresAt);
    status.expiresAt = expiresAt;
    move('documents-requested');
    uploaded = false;
    if (!(await condition(() => uploaded, documentsWaitDays * day))) {
      await activities.expireSignature(signatureId);
      move('expired');
      return status.state;
    }
    await activities.resumeSignatureReview(signatureId);
    delete status.expiresAt;
    move('in-review');
  }
}
