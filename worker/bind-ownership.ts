import type { Logger } from 'pino';
import { bindKey, leaveBinds, leaseRound, releaseLeases, type BindKey } from '../db/bind-leases.ts';
import type { Db } from '../db/connect.ts';

export interface BindOwnershipOptions {
  db: Db;
  worker: string;
  logger: Logger;
  /** How long a lease holds unrenewed: a worker that dies gives its binds up this long after its last round. */
  ttlMs: number;
  /** How long a bind just taken counts as coming up for the other workers. */
  startingMs: number;
}

/**
 * Which carrier binds this worker may open (db/bind-leases.ts): renewed and taken each round, with what the other
 * workers hold. Binds held beyond this worker's even share are given back once the registry has closed them.
 */
export function createBindOwnership(options: BindOwnershipOptions) {
  const { db, worker, logger } = options;
  let held = new Set<string>();
  let givingBack: BindKey[] = [];
  let remote = new Map<string, { usable: boolean }>();
  let heldCarriers = new Set<string>();

  return {
    /** One round: `configured` every bind of the carriers that are not off, `bound` the keys of this worker's bound binds. */
    async round(configured: readonly BindKey[], bound: ReadonlySet<string>): Promise<void> {
      const keep = [...held, ...givingBack.map(bindKey)].map((k) => {
        const [carrierId = '', position = '0'] = k.split('#');
        return { carrierId, position: Number(position), bound: bound.has(k) };
      });
      const result = await leaseRound(db, { worker, configured, keep, ttlMs: options.ttlMs, startingMs: options.startingMs });
      // The binds kept come first: what goes back beyond the share is never a bind just taken in their place.
      const owned = result.owned;
      const before = held;
      givingBack = owned.slice(result.share);
      held = new Set(owned.slice(0, result.share).map(bindKey));
      heldCarriers = new Set(owned.slice(0, result.share).map((b) => b.carrierId));
      remote = result.remote;
      const gained = [...held].filter((k) => !before.has(k));
      const lost = [...before].filter((k) => !held.has(k));
      if (gained.length || lost.length) {
        logger.info({ worker, gained, lost, givingBack: givingBack.map(bindKey), liveWorkers: result.liveWorkers, share: result.share }, 'bind ownership changed');
      }
    },
    holds(carrierId: string, position: number): boolean {
      return held.has(bindKey({ carrierId, position }));
    },
    /** A carrier another worker holds a bind of (and none here), with whether that bind is usable. */
    remoteLane(carrierId: string): { usable: boolean } | undefined {
      return heldCarriers.has(carrierId) ? undefined : remote.get(carrierId);
    },
    /** Carriers whose messages only other workers may send: this one holds none of their binds. */
    elsewhere(): string[] {
      return [...remote.keys()].filter((id) => !heldCarriers.has(id));
    },
    /** Releases the leases beyond this worker's share; call once their binds are closed. */
    async giveBack(): Promise<void> {
      if (givingBack.length === 0) return;
      const binds = givingBack;
      await releaseLeases(db, worker, binds);
      givingBack = [];
      logger.info({ worker, released: binds.map(bindKey) }, 'binds given back for another worker to take');
    },
    /** On stop, after the binds are closed: every lease and the heartbeat go, so the binds move at once. */
    leave(): Promise<void> {
      held = new Set();
      givingBack = [];
      return leaveBinds(db, worker);
    },
  };
}

export type BindOwnership = ReturnType<typeof createBindOwnership>;
