import { proxyActivities, sleep } from '@temporalio/workflow';
import type { MessageExportActivities } from '../activities/message-exports.ts';
import { exportKeptMs } from '../domain/exports.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

export interface MessageExportInput {
  exportId: string;
}

export type MessageExportResult = { state: 'expired'; rows: number; bytes: number } | { state: 'failed'; error: string };

// Writing a large file takes minutes; a worker that dies mid-way is noticed by its missed heartbeat, and the retry
// goes on from the last part stored. Five tries, then the export is marked failed.
const { writeMessageExport } = proxyActivities<MessageExportActivities>({
  startToCloseTimeout: '6 hours',
  heartbeatTimeout: '2 minutes',
  retry: { ...activityOptions.retry, maximumAttempts: 5 },
});
const { readyMessageExport, failMessageExport, expireMessageExport } = proxyActivities<MessageExportActivities>(activityOptions);

/** An export of the sending details: its file written in the background, kept for a day, then deleted. */
export async function messageExport(input: MessageExportInput): Promise<MessageExportResult> {
  let written;
  try {
    written = await writeMessageExport(input.exportId);
  } catch (err) {
    // The activity's own error (its cause), not the wrapper's "activity failed".
    const error = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    await failMessageExport(input.exportId, error);
    upsertState('failed');
    return { state: 'failed', error };
  }
  await readyMessageExport(input.exportId, new Date(Date.now() + exportKeptMs).toISOString());
  upsertState('ready');
  await sleep(exportKeptMs);
  await expireMessageExport(input.exportId);
  upsertState('expired');
  return { state: 'expired', rows: written.rows, bytes: written.bytes };
}
