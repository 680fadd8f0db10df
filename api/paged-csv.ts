import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { csvStringifyOptions, type CsvOptions } from '../domain/csv-cells.ts';

export interface PagedCsvOptions extends CsvOptions {
  /** Rows read per page. */
  pageSize: number;
}

/** Rows as a CSV stream with a header line, pulled from `rows` only as the client takes them. */
export function csvOf<Row>(rows: Iterable<Row> | AsyncIterable<Row>, columns: readonly (keyof Row & string)[], options: CsvOptions): ReadableStream<Uint8Array> {
  const csv = Readable.from(rows).pipe(stringify(csvStringifyOptions(columns, options)));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/**
 * Rows as a CSV stream, read a page at a time after the position of the last row sent (`positionOf`), as the client
 * takes them (the stream pulls the next page only when the socket has room): however many there are, two pages are held.
 */
export function pagedCsv<Row, Position>(
  readPage: (after: Position | undefined, limit: number) => Promise<Row[]>,
  positionOf: (row: Row) => Position,
  columns: readonly (keyof Row & string)[],
  options: PagedCsvOptions,
): ReadableStream<Uint8Array> {
  const rows = (async function* () {
    // The next page is read while this one is written out: the database and the CSV overlap, two pages held.
    // A client gone mid-file leaves the read ahead unawaited: its failure must not be an unhandled rejection.
    const ahead = (after: Position | undefined) => {
      const page = readPage(after, options.pageSize);
      page.catch(() => undefined);
      return page;
    };
    let next = ahead(undefined);
    for (;;) {
      const page = await next;
      const last = page.at(-1);
      const more = page.length === options.pageSize && last !== undefined;
      if (more) next = ahead(positionOf(last));
      yield* page;
      if (!more) return;
    }
  })();
  return csvOf(rows, columns, options);
}
