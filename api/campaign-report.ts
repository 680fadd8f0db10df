import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ReportRow } from '../db/campaigns.ts';

const pageSize = 5_000;
const columns = ['line', 'recipient', 'status', 'code', 'reason', 'message_id'] as const;

/**
 * The report as a CSV stream, read a page of rows at a time as the client takes it (the stream pulls the next page
 * only when the socket has room), so a report of a million rows is never held whole.
 */
export function reportCsv(page: (afterLine: number, limit: number) => Promise<ReportRow[]>): ReadableStream<Uint8Array> {
  let after = 0;
  const rows = Readable.from(
    (async function* () {
      for (;;) {
        const batch = await page(after, pageSize);
        for (const row of batch) yield row;
        if (batch.length < pageSize) return;
        after = batch.at(-1)?.line ?? after;
      }
    })(),
  );
  const csv = rows.pipe(stringify({ header: true, columns: [...columns] }));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
