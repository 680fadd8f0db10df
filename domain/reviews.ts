/** A reviewer's decision on an application (a template version or a signature). */
export type ReviewDecision = { decision: 'approve'; reviewerId: string } | { decision: 'reject'; reviewerId: string; reason: string };
