import { sql, type RawBuilder } from 'kysely';
import { prepared, type Db } from './connect.ts';

export interface LeasedQueue {
  table: 'messages' | 'callback_outbox';
  /** The status of rows waiting in the queue (each table has a partial index on it). */
  readyStatus: string;
  /** The columns a claim returns. */
  returning: string;
}

/** One lane of a claim: the rows it may take (a further condition), and at most how many. */
export interface ClaimLane {
  where?: RawBuilder<unknown>;
  max?: number;
}

/**
 * Claims up to `limit` due rows of a queue table. The claim is a lease: `next_attempt_at` moves `leaseMs`
 * forward and `attempts` counts up, so rows held by a worker that dies become due again by themselves.
 *
 * With several lanes, each takes what room the lanes before it left (at most its own `max`), all in one statement:
 * one commit, so a row of the first lane waits for no second round trip.
 */
export async function claimLeased<Row>(
  db: Db,
  queue: LeasedQueue,
  limit: number,
  leaseMs: number,
  /** Rows this worker still holds though their lease may have lapsed (heartbeats missed): never claimed twice. */
  held: readonly (string | number)[] = [],
  lanes: readonly ClaimLane[] = [{}],
): Promise<Row[]> {
  const table = sql.table(queue.table);
  const idType = sql.raw(queue.table === 'messages' ? 'uuid' : 'bigint');
  const notHeld = held.length ? sql`and not (id = any(${held.map(String)}::${idType}[]))` : sql``;
  const names = lanes.map((_, i) => sql.raw(`lane${i}`));
  const picks = lanes.map((lane, i) => {
    const cap = Math.max(0, Math.min(limit, lane.max ?? limit));
    const taken = names.slice(0, i).map((name) => sql` - (select count(*) from ${name})`);
    // The status is a literal, not a parameter, so that a prepared (generic) plan can still use the partial index.
    return sql`${names[i]} as (
      select id from ${table}
      where status = ${sql.lit(queue.readyStatus)} and next_attempt_at <= now() ${notHeld} ${lane.where ? sql`and ${lane.where}` : sql``}
      order by next_attempt_at limit greatest(0, least(${cap}::int, ${limit}::int ${sql.join(taken, sql` `)}))
      for update skip locked)`;
  });
  const result = await sql<Row>`${prepared}
    with ${sql.join(picks)}
    update ${table} set next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    where id in (${sql.join(names.map((name) => sql`select id from ${name}`), sql` union all `)})
    returning ${sql.raw(queue.returning)}`.execute(db);
  return result.rows;
}

/**
 * Moves the lease of rows a worker still holds forward by `leaseMs` (a heartbeat), leaving `attempts` alone. A row
 * claimed again meanwhile (its attempts moved on) is someone else's now and is not touched.
 */
export async function renewLeases(db: Db, queue: LeasedQueue, held: readonly { id: string | number; attempts: number }[], leaseMs: number): Promise<void> {
  if (held.length === 0) return;
  const table = sql.table(queue.table);
  const idType = sql.raw(queue.table === 'messages' ? 'uuid' : 'bigint');
  // Rows locked by another statement (their outcome being written) are passed over, not waited for: a heartbeat
  // that waited could deadlock with that write, and Postgres would cancel one of the two.
  // The rows are looked up by key (`q.id = any(…)`): joined to the list instead, the planner walked the whole queue
  // once per held row (350 ms a heartbeat with 600 held and a backlog of 20,000 in the bench).
  const ids = held.map((h) => String(h.id));
  await sql`${prepared}
    update ${table} t set next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    where t.id in (
      select q.id from ${table} q
      where q.id = any(${ids}::${idType}[]) and q.status = ${sql.lit(queue.readyStatus)}
        and q.attempts = (${held.map((h) => h.attempts)}::int[])[array_position(${ids}::${idType}[], q.id)]
      for update of q skip locked)`.execute(db);
}
