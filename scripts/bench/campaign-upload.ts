import fs from 'node:fs';
import http from 'node:http';
import { collectAnswer } from './http-client.ts';
import { nowMs, perSecond } from './stats.ts';

export interface UploadSummary {
  id: string;
  status: string;
  rows: { read: number; accepted: number; duplicates: number; invalid: number };
  estimate: unknown;
  invalidRows: { line: number; code: string; message: string }[];
}

export interface UploadResult {
  rows: number;
  bytes: number;
  /** From the first byte sent to the answer (the API answers once the whole file is read, checked and stored). */
  ms: number;
  rowsPerSecond: number;
  summary: UploadSummary;
}

/**
 * Streams a CSV file to `POST /v1/campaigns/uploads` (text/csv, with its Content-Length) and waits for the answer:
 * the upload, read to the end. Fails unless it answers 201 with every row accepted.
 */
export async function uploadList(options: { apiUrl: string; authorization: string; templateId: string; name: string; file: string; rows: number }): Promise<UploadResult> {
  const bytes = fs.statSync(options.file).size;
  const target = new URL(options.apiUrl);
  const query = new URLSearchParams({ templateId: options.templateId, name: options.name });
  const started = nowMs();
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: `/v1/campaigns/uploads?${query}`,
        headers: { 'content-type': 'text/csv', 'content-length': bytes, authorization: options.authorization },
      },
      collectAnswer(resolve, reject),
    );
    req.on('error', reject);
    const file = fs.createReadStream(options.file, { highWaterMark: 256 * 1024 });
    file.on('error', reject);
    file.pipe(req);
  });
  const ms = nowMs() - started;
  if (answer.status !== 201) throw new Error(`POST /v1/campaigns/uploads answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  const summary = JSON.parse(answer.body) as UploadSummary;
  const { rows } = summary;
  if (summary.status !== 'ready' || rows.accepted !== options.rows || rows.invalid !== 0 || rows.duplicates !== 0) {
    throw new Error(`the upload did not take every row: ${JSON.stringify({ status: summary.status, rows, invalidRows: summary.invalidRows.slice(0, 5) })}`);
  }
  return { rows: options.rows, bytes, ms: Math.round(ms), rowsPerSecond: perSecond(options.rows, ms), summary };
}
