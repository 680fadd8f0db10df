import { sql, type RawBuilder } from 'kysely';

/**
 * Where a page of a newest-first list ended: its last row's time in microseconds since 1970 (Postgres keeps
 * microseconds, which a JavaScript date would round away) and its key, which orders rows of the same time (the
 * messages of one request were accepted at one time).
 */
export interface ListPosition {
  micros: bigint;
  key: string;
}

/** A time column as microseconds since 1970, as text: what a position is made of. */
export function microsOf(column: string): RawBuilder<string> {
  return sql<string>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`;
}

/**
 * Rows after `position` in newest-first order of (time, key). The time alone is said first: the lists' indexes are by
 * (owner, time), where the pair cannot bound a scan, so without it every page walked all the rows newer than it
 * (an export of a million messages read pages in quadratic time).
 */
export function olderThan(timeColumn: string, keyColumn: string, keyType: 'uuid' | 'bigint' | 'text', position: ListPosition): RawBuilder<boolean> {
  const time = sql`timestamptz 'epoch' + ${position.micros.toString()}::bigint * interval '1 microsecond'`;
  return sql<boolean>`(${sql.ref(timeColumn)} <= ${time} and (${sql.ref(timeColumn)}, ${sql.ref(keyColumn)}) < (${time}, ${position.key}::${sql.raw(keyType)}))`;
}
