/**
 * How long the details of a message (the message, its parts and receipts, retries, failovers, report callbacks)
 * are kept; statistics and the billing ledger stay. Whole months go (migration 0042), so a message is kept
 * between `retentionDays` and a month more.
 */
export const defaultRetentionDays = 180;
/** A message may be scheduled 90 days ahead and then wait for its receipt: nothing shorter than this is accepted. */
export const minRetentionDays = 100;
/** Months made ahead of the sends that will fill them: a missing month would refuse every send. */
export const partitionMonthsAhead = 2;

/** The end of the months the retention loop keeps made ahead of `now`. */
export function partitionsUntil(now: Date): Date {
  const until = new Date(now);
  until.setUTCMonth(until.getUTCMonth() + partitionMonthsAhead);
  return until;
}

/** `TERN_MESSAGE_RETENTION_DAYS`, checked: a whole number of days, at least `minRetentionDays`. */
export function retentionDaysFrom(text: string | undefined): number {
  if (text === undefined || text === '') return defaultRetentionDays;
  const days = Number(text);
  if (!Number.isInteger(days) || days < minRetentionDays) {
    throw new Error(`TERN_MESSAGE_RETENTION_DAYS must be a whole number of days, at least ${minRetentionDays} (a message may be scheduled 90 days ahead), not ${text}`);
  }
  return days;
}
