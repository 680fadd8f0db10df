import type { Logger } from 'pino';
import type { AcceptLookups } from '../accept/lookups/index.ts';
import type { Db } from '../db/connect.ts';
import {
  createUpload,
  failUpload,
  finishUpload,
  storeUploadBatch,
  type UploadBatch,
  type UploadRecipient,
  type UploadRowError,
} from '../db/campaign-uploads.ts';
import type { AppRow } from '../db/schema.ts';
import { rowJudge } from './row-verdict.ts';
import { UploadFailure } from './upload-failure.ts';
import { uploadRows } from './upload-rows.ts';
import type { UploadTemplate } from './upload-template.ts';

export interface UploadDeps {
  db: Db;
  lookups: AcceptLookups;
  logger: Logger;
}

export interface UploadLimits {
  /** The file's size. */
  maxBytes: number;
  /** Accepted rows (copies of a number not counted). */
  maxRows: number;
  /** Rows per stored batch, and so between two progress updates. */
  batchRows: number;
}

export const uploadLimits: UploadLimits = {
  // A million rows of a number and a few values are 30–100 MB; this leaves room for long values and CRLF.
  maxBytes: 128 * 1024 * 1024,
  maxRows: 1_000_000,
  batchRows: 5_000,
};

export interface UploadRequest {
  app: AppRow;
  name: string;
  list: UploadTemplate;
}

interface PendingBatch extends UploadBatch {
  read: number;
  recipients: UploadRecipient[];
  errors: UploadRowError[];
}

const emptyBatch = (): PendingBatch => ({ read: 0, recipients: [], errors: [] });

/**
 * Stores batches one after another while the caller reads the next: parsing and checking (this process) overlap
 * with the inserts (Postgres), and batches still go in line order, so the first row of a number is the one kept.
 */
function batchWriter(store: (batch: UploadBatch) => Promise<{ rowsAccepted: number }>) {
  let inFlight: Promise<{ rowsAccepted: number }> | undefined;
  const settle = async () => {
    const stored = inFlight ? await inFlight : undefined;
    inFlight = undefined;
    return stored?.rowsAccepted;
  };
  return {
    /** Waits for the batch before, starts this one; resolves with the accepted rows once the batch before is in. */
    async write(batch: UploadBatch): Promise<number | undefined> {
      const before = await settle();
      inFlight = store(batch);
      // Its failure is taken at the next write or settle; until then it must not count as unhandled.
      inFlight.catch(() => undefined);
      return before;
    },
    /** Waits for the last batch; resolves with the accepted rows then. */
    settle,
  };
}

/**
 * Reads a recipient list into a new upload, batch by batch, and resolves with its id once the whole file is in and
 * the upload is `ready`. The file is never held whole, nor its numbers: copies are dropped by Postgres. If the file
 * cannot be read to its end, or it holds no row that can be sent, or more than `maxRows`, the upload is marked
 * `failed` (its recipients deleted) and an `UploadFailure` naming it is thrown; with more rows than allowed the rest
 * of the body is still read (not checked), so that the client, still sending, gets the answer.
 */
export async function receiveUpload(deps: UploadDeps, request: UploadRequest, body: ReadableStream<Uint8Array> | null, limits = uploadLimits): Promise<string> {
  const started = performance.now();
  const { app, list } = request;
  const id = await createUpload(deps.db, { tenantId: app.tenant_id, appId: app.id, name: request.name, templateId: list.templateId, signature: list.signature ?? null });
  const judge = await rowJudge(deps.lookups, app, list);
  const writer = batchWriter((batch) => storeUploadBatch(deps.db, id, batch));
  const overCap = (accepted: number | undefined) => accepted !== undefined && accepted > limits.maxRows;
  let failure: UploadFailure | undefined;
  let read = 0;
  try {
    let batch = emptyBatch();
    for await (const row of uploadRows(body, limits.maxBytes)) {
      if (failure) continue;
      const verdict = await judge(row);
      batch.read += 1;
      if (verdict.ok) batch.recipients.push(verdict.recipient);
      else batch.errors.push(verdict.error);
      if (batch.read < limits.batchRows) continue;
      read += batch.read;
      if (overCap(await writer.write(batch))) failure = tooManyRows(limits.maxRows);
      batch = emptyBatch();
    }
    if (!failure && batch.read > 0) {
      read += batch.read;
      await writer.write(batch);
    }
    const accepted = await writer.settle();
    if (overCap(accepted)) failure = tooManyRows(limits.maxRows);
    else if (!failure && !accepted) failure = noRecipients(read);
  } catch (err) {
    // Nothing may still be writing when the recipients are deleted.
    await writer.settle().catch(() => undefined);
    if (!(err instanceof UploadFailure)) {
      await failUpload(deps.db, id, { code: 'internal_error', message: 'The upload failed on our side; send the file again.' }).catch(() => undefined);
      throw err;
    }
    failure = err;
  }
  if (failure) {
    await failUpload(deps.db, id, failure);
    deps.logger.info({ uploadId: id, code: failure.code, rows: read }, 'recipient list refused');
    throw failure.of(id);
  }
  await finishUpload(deps.db, id);
  const seconds = (performance.now() - started) / 1000;
  deps.logger.info({ uploadId: id, rows: read, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(read / seconds) }, 'recipient list read');
  return id;
}

/** A list nothing can be sent to feeds no campaign; its refused rows stay, to say why. */
const noRecipients = (read: number) =>
  new UploadFailure(
    'no_recipients',
    read === 0
      ? 'The file holds no rows: one recipient per row, the number first, then the template’s values.'
      : `None of its ${read.toLocaleString('en')} rows can be sent; the refused rows say why.`,
  );

const tooManyRows = (maxRows: number) =>
  new UploadFailure('too_many_rows', `The file holds more than ${maxRows.toLocaleString('en')} recipients; split it into several lists.`);
