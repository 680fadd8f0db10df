import type { SignatureDecision } from '../domain/reviews.ts';

/** How the API reaches the signature approval process (a Temporal workflow per signature). */
export interface SignatureReviews {
  start(input: { signatureId: string; tenantId: string }): Promise<string>;
  decide(signatureId: string, decision: SignatureDecision): Promise<void>;
  documentsUploaded(signatureId: string): Promise<void>;
}
