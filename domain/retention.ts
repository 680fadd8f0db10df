/**
 * How long the details of a message (the message, its parts and receipts, retries, failovers, report callbacks)
 * are kept; statistics and the billing ledger stay. Whole weeks go (migration 0042), so a week's messages are kept
 * between `retentionDays` and seven days more.
 */
export const defaultRetentionDays = 180;
/** A message may be scheduled 90 days ahead and then wait for its receipt: nothing shorter than this is accepted. */
export const minRetentionDays = 100;
/** Weeks made ahead of the sends that will fill them: a missing week would refuse every send. */
export const partitionWeeksAhead = 8;

/** `TERN_MESSAGE_RETENTION_DAYS`, checked: a whole number of days, at least `minRetentionDays`. */
export function retentionDaysFrom(text: string | undefined): number {
  if (text === undefined || text === '') return defaultRetentionDays;
  const days = Number(text);
  if (!Number.isInteger(days) || days < minRetentionDays) {
    throw new Error(`TERN_MESSAGE_RETENTION_DAYS must be a whole number of days, at least ${minRetentionDays} (a message may be scheduled 90 days ahead), not ${text}`);
  }
  return days;
}
