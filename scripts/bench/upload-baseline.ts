import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { nowMs, perSecond } from './stats.ts';

export interface RawUploadResult {
  rows: number;
  batchSize: number;
  ms: number;
  rowsPerSecond: number;
}

/**
 * The raw baseline of the upload: the same file parsed with csv-parse and its rows bulk-loaded into a table shaped
 * like `campaign_recipients` (its columns, keys and the unique number per upload, no foreign key) with multi-row
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING`, a batch of `batchSize` rows per durable commit, one batch
 * being written while the next is parsed, as the API does. No checking of numbers or values, no counts: the least
 * work that loads the list. (COPY would be cheaper still, but needs a package the project does not have.)
 */
export async function runRawUpload(db: Db, file: string, options: { batchSize?: number } = {}): Promise<RawUploadResult> {
  const batchSize = options.batchSize ?? 5_000;
  await sql`drop table if exists bench_campaign_recipients`.execute(db);
  await sql`create table bench_campaign_recipients (like campaign_recipients including all)`.execute(db);
  const uploadId = randomUUID();
  const write = (lines: number[], numbers: string[], values: string[]) =>
    sql`
      insert into bench_campaign_recipients (upload_id, line, recipient, params, segments, country, scope)
      select ${uploadId}::uuid, r.line, r.recipient, array[r.v1], 1, 'CN', 'mainland'
      from unnest(${lines}::int[], ${numbers}::text[], ${values}::text[]) as r(line, recipient, v1)
      on conflict (upload_id, recipient) do nothing`.execute(db);

  let rows = 0;
  const started = nowMs();
  let inFlight: Promise<unknown> = Promise.resolve();
  let lines: number[] = [];
  let numbers: string[] = [];
  let values: string[] = [];
  const flush = async () => {
    await inFlight;
    inFlight = write(lines, numbers, values);
    // Its failure is taken at the next flush; until then it must not count as unhandled.
    inFlight.catch(() => undefined);
    lines = [];
    numbers = [];
    values = [];
  };
  const parser = fs.createReadStream(file).pipe(parse({ from_line: 2, relax_column_count: true, skip_empty_lines: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    lines.push(info.lines);
    numbers.push(record[0] ?? '');
    values.push(record[1] ?? '');
    rows++;
    if (lines.length >= batchSize) await flush();
  }
  if (lines.length > 0) await flush();
  await inFlight;
  const ms = nowMs() - started;
  const { rows: stored } = await sql<{ n: number }>`select count(*)::int as n from bench_campaign_recipients`.execute(db);
  await sql`drop table bench_campaign_recipients`.execute(db);
  if (stored[0]?.n !== rows) throw new Error(`the raw upload stored ${stored[0]?.n} of ${rows} rows`);
  return { rows, batchSize, ms: Math.round(ms), rowsPerSecond: perSecond(rows, ms) };
}
