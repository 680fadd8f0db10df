import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** One figure of the queues: a count and the age of the oldest, by kind (queue, callbacks, receipts) and label. */
export interface QueueFigure {
  kind: string;
  label: string;
  n: number;
  oldest: number | null;
}

/**
 * The queues' depths and ages in one query (a few indexed counts): messages waiting by status, reports not yet
 * delivered, receipts that matched nothing yet (retrying or parked).
 */
export async function queueFigures(db: Db): Promise<QueueFigure[]> {
  const result = await sql<QueueFigure>`
    select 'queue' as kind, status as label, count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as oldest
      from messages where status in ('scheduled', 'accepted', 'submitted') group by status
    union all
    select 'callbacks', '', count(*)::int, extract(epoch from now() - min(created_at))::float8 from callback_outbox where status = 'pending'
    union all
    select 'receipts', case when next_match_at = 'infinity' then 'parked' else 'retrying' end, count(*)::int, null
      from receipt_inbox where match_attempts > 0 group by 2`.execute(db);
  return result.rows;
}
