// The workflows the worker loads; one file per long process.
export { scheduledSend } from './scheduled-send.ts';
export { templateReview } from './template-review.ts';
export { signatureReview } from './signature-review.ts';
export { sendingSuspension } from './sending-suspension.ts';
export { blocklistUnblocking } from './blocklist-unblocking.ts';
export { quotaRunout } from './quota-runout.ts';
export { campaign } from './campaign.ts';
export { messageExport } from './message-export.ts';
