import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Peers } from './peers.ts';
import { accounts } from './peers.ts';

export interface LaneFigures {
  /** Sessions the SMSC has of the platform's account, by bind mode. */
  sessions: number;
  /** Who holds the carrier's binds (bind leases), by worker. */
  bindsByWorker: Record<string, number>;
  /** Per carrier lane: messages sent through it since the phase began, and how many were handed to it by another worker. */
  lanes: { carrier: string; messages: number; handedOver: number }[];
}

/** Sessions, bind owners and lanes as they stand after a phase that began at `since`. */
export async function laneFigures(db: Db, peers: Peers, since: Date): Promise<LaneFigures> {
  const sessions = (await peers.sessions()).filter((s) => s.systemId === accounts.platform.systemId).length;
  const owners = await sql<{ owner: string; n: number }>`
    select owner, count(*)::int as n from bind_leases where expires_at > now() group by owner order by owner`.execute(db);
  const lanes = await sql<{ carrier: string; messages: number; handed_over: number }>`
    select coalesce(carrier, '(none)') as carrier, count(*)::int as messages, count(*) filter (where lane is not null)::int as handed_over
    from messages where created_at >= ${since} group by 1 order by 1`.execute(db);
  return {
    sessions,
    bindsByWorker: Object.fromEntries(owners.rows.map((r) => [r.owner, r.n])),
    lanes: lanes.rows.map((r) => ({ carrier: r.carrier, messages: r.messages, handedOver: r.handed_over })),
  };
}
