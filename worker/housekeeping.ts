import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { failAbandonedUploads } from '../db/campaign-uploads.ts';
import { deleteOldRecipientSends } from '../db/controls.ts';
import { deleteParkedReceipts } from '../db/receipts.ts';
import { deleteExpiredNonces } from '../db/wsse-nonces.ts';
import { frequencyLimits } from '../domain/frequency-limits.ts';
import { startLoop, type RunningLoop } from './loop.ts';

const batch = 5000;
// Kept an hour past the longest frequency window, so a late scheduled send still sees its neighbours.
const recipientSendsKeptMs = Math.max(...frequencyLimits.map((l) => l.windowMs)) + 3600_000;
/** How long a receipt that matched no message stays in the inbox for support to look at. */
export const parkedReceiptsKeptMs = 30 * 24 * 3600_000;
/** A recipient list that took no rows for this long lost its API process (a live one stores rows every few seconds). */
export const abandonedUploadMs = 15 * 60_000;

/**
 * Deletes what has aged out: WSSE nonces past their window, per-number send records past every limit's window,
 * receipts parked unmatched for longer than `parkedReceiptsKeptMs`; and fails recipient lists abandoned mid-file.
 */
export function startHousekeeping(options: { db: Db; logger: Logger; idleMs?: number }): RunningLoop {
  return startLoop({
    name: 'housekeeping',
    logger: options.logger,
    idleMs: options.idleMs ?? 60_000,
    step: async () => {
      const nonces = await deleteExpiredNonces(options.db, batch);
      const sends = await deleteOldRecipientSends(options.db, new Date(Date.now() - recipientSendsKeptMs), batch);
      const parked = await deleteParkedReceipts(options.db, new Date(Date.now() - parkedReceiptsKeptMs), batch);
      await failAbandonedUploads(options.db, new Date(Date.now() - abandonedUploadMs), 10);
      return nonces === batch || sends === batch || parked === batch;
    },
  });
}
