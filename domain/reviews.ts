/** A reviewer's decision on an application (a template version or a signature). */
export type ReviewDecision = { decision: 'approve'; reviewerId: string } | { decision: 'reject'; reviewerId: string; reason: string };

/** Signature reviewers may also ask for more documents, saying which. */
export type SignatureDecision = ReviewDecision | { decision: 'request_documents'; reviewerId: string; reason: string };

/** How long an application asked for more documents waits for them before it expires. */
export const documentsWaitDays = 30;
