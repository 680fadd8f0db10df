import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { withPgClient, type Db } from './connect.ts';
import { microsOf, type ListPosition } from './list-position.ts';
import { matchingMessages, type MessageFilters } from './message-list.ts';
import { formulaStarts } from '../domain/csv-cells.ts';

/** The columns of a messages export, in their order in the file. */
export const messageExportColumns = [
  'id', 'request_id', 'to', 'from', 'template_id', 'segments', 'status', 'error_code', 'error_message', 'reference', 'carrier', 'campaign_id', 'send_at', 'created_at',
  'submitted_at', 'completed_at', 'country', 'region', 'signature',
] as const;

type ExportColumn = (typeof messageExportColumns)[number];

/**
 * Text a client or a carrier wrote: a cell a spreadsheet would run as a formula gets a leading `'` (as
 * `domain/csv-cells.ts`). The first character is told by its code (`ascii`), at a third of the cost of `left(…, 1)`.
 */
const formulaCodes = sql.join(formulaStarts.map((c) => sql.lit(c.codePointAt(0) ?? 0)));
const guarded = (column: string) => sql<string>`case when ascii(${sql.ref(column)}) in (${formulaCodes}) then '''' || ${sql.ref(column)} else ${sql.ref(column)} end`;
/**
 * A time as Postgres writes it, ISO style in UTC (the page's transaction sets both): `2026-12-07 13:08:59.669123+00`,
 * to the microsecond. `to_char` to the JSON API's `2026-12-07T13:08:59.669Z` cost 1.5 µs a row more for the four times.
 */
const timeText = (column: string) => sql<string>`${sql.ref(column)}`;
const plainText = (column: string) => sql<string>`${sql.ref(column)}::text`;

const cells: Record<ExportColumn, RawBuilder<string>> = {
  id: plainText('id'),
  request_id: plainText('request_id'),
  to: guarded('recipient'),
  from: guarded('sender'),
  template_id: guarded('template_id'),
  segments: plainText('segments'),
  status: guarded('status'),
  error_code: guarded('error_code'),
  error_message: guarded('error_message'),
  reference: guarded('reference'),
  carrier: guarded('carrier'),
  campaign_id: plainText('campaign_id'),
  send_at: timeText('send_at'),
  created_at: timeText('created_at'),
  submitted_at: timeText('submitted_at'),
  completed_at: timeText('completed_at'),
  country: guarded('country'),
  region: guarded('region'),
  signature: guarded('signature'),
};

/** The file's first line: the header, after a byte order mark when asked for (spreadsheets tell UTF-8 by it). */
export function messageExportHeader(bom: boolean): Buffer {
  return Buffer.from(`${bom ? '\ufeff' : ''}${messageExportColumns.join(',')}\n`, 'utf8');
}

export interface ExportPage {
  /** The page's lines of CSV, as Postgres's COPY wrote them. */
  csv: Buffer;
  rows: number;
  /** Where the next page starts; none when the page is empty. */
  last: ListPosition | undefined;
}

/**
 * A page of a tenant's messages that match `filters`, newest first, after `after`, as CSV written by Postgres
 * (`COPY … TO STDOUT`), passed on as bytes: no row becomes an object in the api. Quoted as csv-stringify quotes (a
 * cell with the delimiter, a quote or a line break), but an empty text is written `""` and a missing value as nothing.
 * The next page starts after the last row: its id is the first cell of the page's last record, its time (to the
 * microsecond, which the file does not show) read by that id.
 */
export async function copyExportPage(db: Db, tenantId: string, filters: MessageFilters, limit: number, after: ListPosition | undefined): Promise<ExportPage> {
  const text = exportPageCopy(db, tenantId, filters, limit, after);
  const csv = await withPgClient(db, async (client) => {
    await client.query(`begin read only; set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'`);
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(text))) chunks.push(chunk as Buffer);
    await client.query('commit');
    return Buffer.concat(chunks);
  });
  const { rows, lastAt } = csvRecords(csv);
  if (rows === 0) return { csv, rows, last: undefined };
  const key = csv.subarray(lastAt, csv.indexOf(',', lastAt)).toString('latin1');
  const found = await db.selectFrom('messages').select(microsOf('created_at').as('micros')).where('tenant_id', '=', tenantId).where('id', '=', key).executeTakeFirst();
  if (!found) throw new Error(`copyExportPage: the page's last message ${key} is not there`);
  return { csv, rows, last: { micros: BigInt(found.micros), key } };
}

const quote = 0x22;
const newline = 0x0a;

/**
 * How many records CSV text holds and where the last one starts: a line break inside quotes is not a record's end.
 * It jumps from line break to line break and over quoted cells with `indexOf` (a page is megabytes).
 */
function csvRecords(csv: Buffer): { rows: number; lastAt: number } {
  let rows = 0;
  let lastAt = 0;
  let quoteAt = csv.indexOf(quote);
  for (let at = 0; at < csv.length; ) {
    const lineEnd = csv.indexOf(newline, at);
    if (quoteAt !== -1 && (lineEnd === -1 || quoteAt < lineEnd)) {
      // A quoted cell ends at its closing quote; a doubled quote inside it is a closing and an opening one.
      const closing = csv.indexOf(quote, quoteAt + 1);
      if (closing === -1) break;
      at = closing + 1;
      quoteAt = csv.indexOf(quote, at);
      continue;
    }
    if (lineEnd === -1) break;
    rows += 1;
    at = lineEnd + 1;
    if (at < csv.length) lastAt = at;
  }
  return { rows, lastAt };
}

/** The page's `COPY` statement. COPY takes no parameters, so the values are written in as literals by pg's own escaping. */
function exportPageCopy(db: Db, tenantId: string, filters: MessageFilters, limit: number, after: ListPosition | undefined): string {
  const page = matchingMessages(db, tenantId, filters, after)
    .select(messageExportColumns.map((column) => cells[column].as(column)))
    .limit(limit)
    .compile();
  return `copy (${withLiterals(page)}) to stdout (format csv)`;
}

/** The statement's text with each `$n` replaced by its value as a literal (pg's escaping), for COPY. */
function withLiterals(query: CompiledQuery): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.parameters[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  throw new Error(`copyExportPage: no literal for a ${typeof value}`);
}
