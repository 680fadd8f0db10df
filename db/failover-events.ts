import type { Db } from './connect.ts';

/** The latest failovers (a carrier passed over for a message, and why), newest first; of one carrier when given. */
export async function recentFailovers(db: Db, options: { limit: number; carrier?: string; since: Date }) {
  let query = db
    .selectFrom('message_failovers')
    .select(['message_id', 'at', 'carrier', 'code', 'reason'])
    .where('at', '>=', options.since)
    .orderBy('message_failovers.at', 'desc')
    .limit(options.limit);
  if (options.carrier) query = query.where('carrier', '=', options.carrier);
  return query.execute();
}
