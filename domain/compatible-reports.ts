import type { MessageStatus } from './message-status.ts';

/**
 * Status reports of the compatible API (spec §4). A part with a carrier receipt reports the receipt's own stat
 * (source 2, "the SMSC returned it"); a part the platform had to judge itself (refused at submit, or no receipt
 * in time) reports the generic status below with source 1 and no updateTime.
 */
export const platformReportStatus: Partial<Record<MessageStatus, string>> = {
  delivered: 'DELIVRD',
  undelivered: 'UNDELIV',
  expired: 'EXPIRED',
  rejected: 'REJECTD',
  // A message fails without a receipt only when the carrier refused it at submit.
  failed: 'REJECTD',
};

export const reportSource = { platform: '1', smsc: '2' } as const;

/** The compatible API's time format: UTC `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds. */
export function compatibleTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
