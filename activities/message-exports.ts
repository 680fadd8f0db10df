import { heartbeat } from '@temporalio/activity';
import type { Db } from '../db/connect.ts';
import { appendExportPart, expireMessageExport, failMessageExport, filtersOf, finishMessageExport, findMessageExport, resumeFrom } from '../db/message-exports.ts';
import { copyExportPage, messageExportHeader } from '../db/message-export-pages.ts';

/** Rows read at a time, and about how much of the file goes in one stored part. */
const pageRows = 5_000;
const partBytes = 1 << 20;

export interface ExportWritten {
  rows: number;
  bytes: number;
}

export function createMessageExportActivities({ db, now = () => new Date() }: { db: Db; now?: () => Date }) {
  return {
    /**
     * Writes an export's file in parts of about a megabyte, each stored with where it ends in one statement, so a
     * retry after a crash goes on from the last part stored; heartbeats as it goes. Holds one page and one part.
     */
    async writeMessageExport(id: string): Promise<ExportWritten> {
      const job = await findMessageExport(db, id);
      if (!job) throw new Error(`no export ${id}`);
      if (job.state === 'running') {
        const filters = filtersOf(job.filters);
        let after = resumeFrom(job);
        let partNo = job.parts;
        let chunks: Buffer[] = [];
        let size = 0;
        let rows = 0;
        const store = async () => {
          if (!after || rows === 0) return;
          const data = Buffer.concat(chunks);
          // Another attempt (one that missed its heartbeats but lives on) stored this part first: start again from
          // what is stored, rather than go on from a different place.
          if (!(await appendExportPart(db, id, { partNo, data, rows, after }))) throw new Error(`part ${partNo} of export ${id} was stored by another attempt`);
          heartbeat({ partNo });
          partNo += 1;
          chunks = [];
          size = 0;
          rows = 0;
        };
        for (;;) {
          const page = await copyExportPage(db, job.tenant_id, filters, pageRows, after);
          // Only a fresh start has no position: the header goes first in part 0, never again on a resume.
          const first = after === undefined;
          const text = first ? Buffer.concat([messageExportHeader(job.bom), page.csv]) : page.csv;
          chunks.push(text);
          size += text.length;
          rows += page.rows;
          if (page.last) after = page.last;
          if (page.rows < pageRows) {
            // An export of nothing still has its header line.
            if (first && page.rows === 0) await appendExportPart(db, id, { partNo, data: text, rows: 0, after: { micros: 0n, key: id } });
            await store();
            break;
          }
          if (size >= partBytes) await store();
        }
      }
      const done = await findMessageExport(db, id);
      if (!done) throw new Error(`no export ${id}`);
      return { rows: Number(done.rows), bytes: Number(done.bytes) };
    },
    /** The file written: served until `expiresAt` (the workflow's clock decides it, and deletes the file then). */
    async readyMessageExport(id: string, expiresAt: string): Promise<void> {
      await finishMessageExport(db, id, now(), new Date(expiresAt));
    },
    async failMessageExport(id: string, error: string): Promise<void> {
      await failMessageExport(db, id, error, now());
    },
    async expireMessageExport(id: string): Promise<void> {
      await expireMessageExport(db, id);
    },
  };
}

export type MessageExportActivities = ReturnType<typeof createMessageExportActivities>;
