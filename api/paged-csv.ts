import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/** Cells a spreadsheet would run as a formula (`+86…` among them) get a leading `'`, which it shows as text. */
const formulaStart = /^[=+\-@\t\r]/;
const asText = (value: string) => (formulaStart.test(value) ? `'${value}` : value);

export interface CsvOptions {
  /** Prefix cells that would run as formulas (for files whose cells quote what a client sent). */
  guardFormulas?: boolean;
  /** `\r\n` between records, as spreadsheets on Windows write them; `\n` otherwise. */
  windowsLineEnds?: boolean;
  /** Start with a byte order mark, by which spreadsheets tell UTF-8 (Excel reads Chinese text as garbage without). */
  bom?: boolean;
}

export interface PagedCsvOptions extends CsvOptions {
  /** Rows read per page. */
  pageSize: number;
}

/** Rows as a CSV stream with a header line, pulled from `rows` only as the client takes them. */
export function csvOf<Row>(rows: Iterable<Row> | AsyncIterable<Row>, columns: readonly (keyof Row & string)[], options: CsvOptions): ReadableStream<Uint8Array> {
  const csv = Readable.from(rows).pipe(
    stringify({
      header: true,
      columns: [...columns],
      // A line break inside a cell is quoted whatever ends the records.
      quoted_match: /[\r\n]/,
      ...(options.windowsLineEnds ? { record_delimiter: 'windows' as const } : {}),
      ...(options.guardFormulas ? { cast: { string: asText } } : {}),
      ...(options.bom ? { bom: true } : {}),
    }),
  );
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/**
 * Rows as a CSV stream, read a page at a time after the position of the last row sent (`positionOf`), as the client
 * takes them (the stream pulls the next page only when the socket has room): however many there are, one page is held.
 */
export function pagedCsv<Row, Position>(
  readPage: (after: Position | undefined, limit: number) => Promise<Row[]>,
  positionOf: (row: Row) => Position,
  columns: readonly (keyof Row & string)[],
  options: PagedCsvOptions,
): ReadableStream<Uint8Array> {
  const rows = (async function* () {
    for (let after: Position | undefined; ; ) {
      const page = await readPage(after, options.pageSize);
      yield* page;
      const last = page.at(-1);
      if (page.length < options.pageSize || last === undefined) return;
      after = positionOf(last);
    }
  })();
  return csvOf(rows, columns, options);
}
