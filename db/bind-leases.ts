import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';

export interface BindKey {
  carrierId: string;
  position: number;
}

export interface LeaseRoundInput {
  worker: string;
  /** Every bind configured on a carrier that is not off. */
  configured: readonly BindKey[];
  /** Leases this worker holds and keeps (its open binds, and binds it is still closing), with whether each is bound. */
  keep: readonly (BindKey & { bound: boolean })[];
  ttlMs: number;
  /** A lease taken this recently counts as a bind coming up: other workers route to it rather than pass it over. */
  startingMs: number;
}

export interface LeaseRound {
  /** The binds this worker holds now: those it kept (in key order), then those it took. */
  owned: BindKey[];
  /** Workers whose heartbeat is live, this one included. */
  liveWorkers: number;
  /** This worker's even share of the configured binds: it gives back what it holds beyond that. */
  share: number;
  /** Carriers other live workers hold a bind of, and whether one of those is bound (or just taken). */
  remote: Map<string, { usable: boolean }>;
}

const key = (b: BindKey) => `${b.carrierId}#${b.position}`;

/**
 * One round of bind ownership, in one transaction: this worker's heartbeat; its kept leases renewed (a lease another
 * worker took over meanwhile is lost, not taken back); free binds (never leased, or their lease ran out) taken up to
 * an even share of the configured binds among the live workers; and what the other workers hold. Two workers
 * taking the same free bind at once: the second's insert meets the first's row and takes nothing.
 */
export function leaseRound(db: Db, input: LeaseRoundInput): Promise<LeaseRound> {
  const { worker, ttlMs } = input;
  const ttl = sql`make_interval(secs => ${ttlMs / 1000})`;
  return db.transaction().execute(async (trx) => {
    await sql`insert into bind_workers (worker, seen_at) values (${worker}, now())
              on conflict (worker) do update set seen_at = now()`.execute(trx);
    await sql`delete from bind_workers where seen_at < now() - interval '1 day'`.execute(trx);
    const live = await sql<{ n: number }>`select count(*)::int as n from bind_workers where seen_at > now() - ${ttl}`.execute(trx);
    const liveWorkers = Math.max(1, live.rows[0]?.n ?? 1);

    // Leases of binds no longer configured (removed, or their carrier switched off) go, and do not count to the share.
    await sql`${prepared}
      delete from bind_leases l where l.owner = ${worker} and not exists (
        select 1 from unnest(${input.configured.map((b) => b.carrierId)}::text[], ${input.configured.map((b) => b.position)}::int[]) as c(carrier_id, position)
        where c.carrier_id = l.carrier_id and c.position = l.position)`.execute(trx);
    const kept = input.keep.length
      ? (
          await sql<{ carrier_id: string; position: number }>`${prepared}
            update bind_leases l set expires_at = now() + ${ttl}, bound = k.bound
            from unnest(${input.keep.map((k) => k.carrierId)}::text[], ${input.keep.map((k) => k.position)}::int[], ${input.keep.map((k) => k.bound)}::boolean[])
              as k(carrier_id, position, bound)
            where l.carrier_id = k.carrier_id and l.position = k.position and l.owner = ${worker}
            returning l.carrier_id, l.position`.execute(trx)
        ).rows
      : [];

    const share = Math.ceil(input.configured.length / liveWorkers);
    const room = share - kept.length;
    const keptKeys = new Set(kept.map((k) => key({ carrierId: k.carrier_id, position: k.position })));
    const free = input.configured.filter((b) => !keptKeys.has(key(b)));
    const taken =
      room > 0 && free.length
        ? (
            await sql<{ carrier_id: string; position: number }>`${prepared}
              insert into bind_leases as l (carrier_id, position, owner, acquired_at, expires_at)
              select f.carrier_id, f.position, ${worker}, now(), now() + ${ttl}
              from unnest(${free.map((b) => b.carrierId)}::text[], ${free.map((b) => b.position)}::int[]) with ordinality as f(carrier_id, position, n)
              where not exists (select 1 from bind_leases x where x.carrier_id = f.carrier_id and x.position = f.position and x.expires_at > now())
              order by f.n limit ${room}
              on conflict (carrier_id, position) do update set owner = excluded.owner, acquired_at = excluded.acquired_at,
                expires_at = excluded.expires_at, bound = false
                where l.expires_at <= now()
              returning l.carrier_id, l.position`.execute(trx)
          ).rows
        : [];

    const others = await sql<{ carrier_id: string; usable: boolean }>`${prepared}
      select carrier_id, bool_or(bound or acquired_at > now() - make_interval(secs => ${input.startingMs / 1000})) as usable
      from bind_leases where owner <> ${worker} and expires_at > now() group by carrier_id`.execute(trx);

    return {
      owned: [...kept.sort((a, b) => a.carrier_id.localeCompare(b.carrier_id) || a.position - b.position), ...taken].map((r) => ({ carrierId: r.carrier_id, position: r.position })),
      liveWorkers,
      share,
      remote: new Map(others.rows.map((r) => [r.carrier_id, { usable: r.usable }])),
    };
  });
}

/** Gives up these leases (their binds are closed), so another worker may take them at once. */
export async function releaseLeases(db: Db, worker: string, binds: readonly BindKey[]): Promise<void> {
  if (binds.length === 0) return;
  await sql`
    delete from bind_leases l using unnest(${binds.map((b) => b.carrierId)}::text[], ${binds.map((b) => b.position)}::int[]) as b(carrier_id, position)
    where l.carrier_id = b.carrier_id and l.position = b.position and l.owner = ${worker}`.execute(db);
}

/** A worker stopping: every lease it holds and its heartbeat go, so its binds move at once. */
export async function leaveBinds(db: Db, worker: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bind_leases').where('owner', '=', worker).execute();
    await trx.deleteFrom('bind_workers').where('worker', '=', worker).execute();
  });
}

/** Who holds each bind of these carriers now (a live lease), by `carrier#position`. */
export async function bindOwners(db: Db, carrierIds: readonly string[]): Promise<Map<string, { owner: string; since: Date }>> {
  if (carrierIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('bind_leases')
    .select(['carrier_id', 'position', 'owner', 'acquired_at'])
    .where('carrier_id', 'in', carrierIds)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
  return new Map(rows.map((r) => [key({ carrierId: r.carrier_id, position: r.position }), { owner: r.owner, since: r.acquired_at }]));
}

export { key as bindKey };
