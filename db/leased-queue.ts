import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';

export interface LeasedQueue {
  table: 'messages' | 'callback_outbox';
  /** The status of rows waiting in the queue (each table has a partial index on it). */
  readyStatus: string;
  /** The columns a claim returns. */
  returning: string;
}

/**
 * Claims up to `limit` due rows of a queue table. The claim is a lease: `next_attempt_at` moves `leaseMs`
 * forward and `attempts` counts up, so rows held by a worker that dies become due again by themselves.
 */
export async function claimLeased<Row>(db: Db, queue: LeasedQueue, limit: number, leaseMs: number): Promise<Row[]> {
  const table = sql.table(queue.table);
  // The status is a literal, not a parameter, so that a prepared (generic) plan can still use the partial index.
  const result = await sql<Row>`${prepared}
    update ${table} set next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    where id in (
      select id from ${table}
      where status = ${sql.lit(queue.readyStatus)} and next_attempt_at <= now()
      order by next_attempt_at limit ${limit}
      for update skip locked)
    returning ${sql.raw(queue.returning)}`.execute(db);
  return result.rows;
}
