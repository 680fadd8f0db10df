import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { CsvError, parse } from 'csv-parse';
import { limitBytes } from './byte-limit.ts';
import { UploadFailure } from './upload-failure.ts';

/** A row of a recipient list: the number first, then the template's values; `line` is 1-based, as an editor shows it. */
export interface UploadRow {
  line: number;
  cells: string[];
}

/**
 * The longest row taken: a number and a template's values are well under it. A longer one is no recipient list (a
 * quote never closed swallows the rest of the file), and it is the most the parser ever holds.
 */
const maxRowChars = 64 * 1024;

const csvOptions = {
  bom: true,
  trim: true,
  relax_column_count: true,
  skip_empty_lines: true,
  // Spreadsheets end their files with rows of empty cells.
  skip_records_with_empty_values: true,
  // Excel on a Mac still writes \r; a file may mix them once edited.
  record_delimiter: ['\r\n', '\n', '\r'],
  max_record_size: maxRowChars,
  info: true,
};

/** A first row whose first cell holds no digit is a header (`phone,code`), not a recipient. */
const isHeader = (cells: readonly string[]) => !/\d/.test(cells[0] ?? '');

/**
 * The rows of a CSV (or TXT: one column) file as it streams in (no body: no rows), never the whole file: the parser holds at most a
 * row, the pipeline a few chunks. The body is counted as it comes; past `maxBytes` the rows stop with
 * `payload_too_large`. A file that is not CSV stops them with `invalid_csv`, a body that breaks off (the client went
 * away) with `upload_interrupted`.
 */
export async function* uploadRows(body: ReadableStream<Uint8Array> | null, maxBytes: number): AsyncGenerator<UploadRow> {
  const parser = parse(csvOptions);
  const source = body ? Readable.fromWeb(body as NodeWebStream<Uint8Array>) : Readable.from([]);
  const flowing = pipeline(source, limitBytes(maxBytes), parser);
  // A stage's failure destroys the parser with it, which ends the loop below with that error.
  flowing.catch(() => undefined);
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const header = first && isHeader(record);
      first = false;
      if (!header) yield { line: info.lines, cells: record };
    }
  } catch (err) {
    throw readingFailure(err);
  }
}

function readingFailure(err: unknown): UploadFailure {
  if (err instanceof UploadFailure) return err;
  if (err instanceof CsvError) return new UploadFailure('invalid_csv', `The file is not valid CSV: ${err.message}.`);
  return new UploadFailure('upload_interrupted', 'The upload stopped before the end of the file; send the whole file again.');
}
