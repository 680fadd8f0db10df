import { z } from '@hono/zod-openapi';
import type { ListPosition } from '../db/list-position.ts';
import { ApiError } from './errors.ts';

/** Microseconds since 1970 for any time Postgres can hold: 1 to 16 digits, an optional minus. */
const micros = /^-?\d{1,16}$/;
export const uuidKey = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The paging parameters of every newest-first list. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'Entries a page, 1 to 500.' }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'a cursor this API gave (letters, digits, _ and -)')
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page; the first page when absent. Use it with the same filters.' }),
};

/** A filter of one or more of `values`, comma-separated (`undelivered,failed`): the document's pattern says which. */
export function commaList(values: readonly string[], description: string, example: string) {
  const one = `(${values.join('|')})`;
  return z
    .string()
    .regex(new RegExp(`^${one}(,${one})*$`), `one or more of ${values.join(', ')}, separated by commas`)
    .optional()
    .openapi({ description, example });
}

/** The `bom` parameter of every CSV export. */
export const csvBom = z
  .enum(['true', 'false'])
  .default('false')
  .openapi({ description: 'Start the file with a UTF-8 byte order mark, by which spreadsheets (Excel) read Chinese text right.' });

/** A list's `since` and `until` as dates; a `since` not before `until` is a 422 `invalid_time_range`. */
export function timeRange(since: string | undefined, until: string | undefined): { since?: Date; until?: Date } {
  const range = { ...(since ? { since: new Date(since) } : {}), ...(until ? { until: new Date(until) } : {}) };
  if (range.since && range.until && range.since >= range.until) throw new ApiError(422, 'invalid_time_range', '`since` must be before `until`.');
  return range;
}

export const NextCursor = z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' });

/** The position a `cursor` names, or a 422 `invalid_cursor` when it is not one this API gave for this list. */
export function positionOf(cursor: string | undefined, key: RegExp): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  const [time, value, ...rest] = Buffer.from(cursor, 'base64url').toString('latin1').split('.');
  if (rest.length > 0 || time === undefined || value === undefined || !micros.test(time) || !key.test(value)) {
    throw new ApiError(422, 'invalid_cursor', 'The cursor is not one this API gave: pass the nextCursor of the previous page unchanged.');
  }
  return { micros: BigInt(time), key: value };
}

/**
 * A page from rows read one beyond `limit` (the one beyond tells that another page follows), with the cursor of the
 * next page: where its last row is.
 */
export function pageOf<R>(rows: readonly R[], limit: number, position: (row: R) => ListPosition): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length <= limit || last === undefined) return { items, nextCursor: null };
  const { micros: time, key } = position(last);
  return { items, nextCursor: Buffer.from(`${time}.${key}`).toString('base64url') };
}
