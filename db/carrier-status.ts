import { sql } from 'kysely';
import type { Db } from './connect.ts';

export interface BindStatus {
  carrierId: string;
  position: number;
  bound: boolean;
  since: Date;
  lastFailure: string | null;
}

/** A worker's report of all its bind sessions: replaces its earlier one, so binds it closed disappear. */
export function reportBindStatus(db: Db, worker: string, statuses: BindStatus[]): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('carrier_bind_status').where('worker', '=', worker).execute();
    // Reports of workers gone for a day are dropped by whichever worker reports next.
    await trx.deleteFrom('carrier_bind_status').where('reported_at', '<', sql<Date>`now() - interval '1 day'`).execute();
    if (statuses.length === 0) return;
    await trx
      .insertInto('carrier_bind_status')
      .values(
        statuses.map((s) => ({ worker, carrier_id: s.carrierId, position: s.position, bound: s.bound, since: s.since, last_failure: s.lastFailure })),
      )
      .execute();
  });
}

export interface BindSession {
  carrierId: string;
  position: number;
  worker: string;
  bound: boolean;
  since: Date;
  lastFailure: string | null;
  reportedAt: Date;
}

/** The sessions workers reported within `freshMs`, per carrier and bind. */
export async function bindSessions(db: Db, carrierIds: string[], freshMs: number): Promise<BindSession[]> {
  if (carrierIds.length === 0) return [];
  const rows = await db
    .selectFrom('carrier_bind_status')
    .selectAll()
    .where('carrier_id', 'in', carrierIds)
    // Compared on the database's clock, the one that wrote reported_at.
    .where('reported_at', '>', sql<Date>`now() - make_interval(secs => ${freshMs / 1000})`)
    .orderBy('worker')
    .execute();
  return rows.map((r) => ({
    carrierId: r.carrier_id,
    position: r.position,
    worker: r.worker,
    bound: r.bound,
    since: r.since,
    lastFailure: r.last_failure,
    reportedAt: r.reported_at,
  }));
}
