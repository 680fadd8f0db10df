import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { decideSignature, expireSignature, requestSignatureDocuments, resumeSignatureReview } from '../db/signatures.ts';
import type { ReviewDecision } from '../domain/reviews.ts';

/** The signature review's I/O: each step moves the signature only from the state it expects. */
export function createSignatureReviewActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    async decideSignature(signatureId: string, decision: ReviewDecision): Promise<boolean> {
      return decideSignature(db, signatureId, decision);
    },
    async requestSignatureDocuments(signatureId: string, reason: string, reviewerId: string, expiresAt: string): Promise<boolean> {
      return requestSignatureDocuments(db, signatureId, reason, reviewerId, new Date(expiresAt));
    },
    async resumeSignatureReview(signatureId: string): Promise<boolean> {
      return resumeSignatureReview(db, signatureId);
    },
    async expireSignature(signatureId: string): Promise<boolean> {
      const expired = await expireSignature(db, signatureId);
      if (expired) logger.info({ signatureId }, 'signature application expired waiting for documents');
      return expired;
    },
  };
}

export type SignatureReviewActivities = ReturnType<typeof createSignatureReviewActivities>;
