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
 * Pages read one after another, the next (after `nextAfter` of this one) while this one is used: the database and the
 * writing overlap, two pages held. Ends after a page for which `nextAfter` says there is no more.
 */
export async function* pagesAhead<Page, Position>(
  readPage: (after: Position | undefined) => Promise<Page>,
  nextAfter: (page: Page) => Position | undefined,
): AsyncGenerator<Page> {
  // A client gone mid-file leaves the read ahead unawaited: its failure must not be an unhandled rejection.
  const ahead = (after: Position | undefined) => {
    const page = readPage(after);
    page.catch(() => undefined);
    return page;
  };
  let next = ahead(undefined);
  for (;;) {
    const page = await next;
    const after = nextAfter(page);
    if (after !== undefined) next = ahead(after);
    yield page;
    if (after === undefined) return;
  }
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
  const pages = pagesAhead(
    (after: Position | undefined) => readPage(after, options.pageSize),
    (page) => {
      const last = page.at(-1);
      return page.length === options.pageSize && last !== undefined ? positionOf(last) : undefined;
    },
  );
  const rows = (async function* () {
    for await (const page of pages) yield* page;
  })();
  return csvOf(rows, columns, options);
}
