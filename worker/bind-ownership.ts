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
  let held: BindKey[] = [];
  let heldKeys = new Set<string>();
  let givingBack: BindKey[] = [];
  let remote = new Map<string, { usable: boolean }>();
  let heldCarriers = new Set<string>();
  let elsewhere: string[] = [];

  return {
    /**
     * One round: `configured` every bind of the carriers that are not off, `bound` the keys of this worker's bound
     * binds. Whether the binds this worker holds or gives back changed.
     */
    async round(configured: readonly BindKey[], bound: ReadonlySet<string>): Promise<boolean> {
      const keep = [...held, ...givingBack].map((b) => ({ ...b, bound: bound.has(bindKey(b)) }));
      const result = await leaseRound(db, { worker, configured, keep, ttlMs: options.ttlMs, startingMs: options.startingMs });
      const before = heldKeys;
      // The binds kept come first: what goes back beyond the share is never a bind just taken in their place.
      held = result.owned.slice(0, result.share);
      givingBack = result.owned.slice(result.share);
      heldKeys = new Set(held.map(bindKey));
      heldCarriers = new Set(held.map((b) => b.carrierId));
      remote = result.remote;
      elsewhere = [...remote.keys()].filter((id) => !heldCarriers.has(id));
      const gained = [...heldKeys].filter((k) => !before.has(k));
      const lost = [...before].filter((k) => !heldKeys.has(k));
      const changed = gained.length > 0 || lost.length > 0 || givingBack.length > 0;
      if (changed) {
        logger.info({ worker, gained, lost, givingBack: givingBack.map(bindKey), liveWorkers: result.liveWorkers, share: result.share }, 'bind ownership changed');
      }
      return changed;
    },
    holds(carrierId: string, position: number): boolean {
      return heldKeys.has(bindKey({ carrierId, position }));
    },
    /** A carrier another worker holds a bind of (and none here), with whether that bind is usable. */
    remoteLane(carrierId: string): { usable: boolean } | undefined {
      return heldCarriers.has(carrierId) ? undefined : remote.get(carrierId);
    },
    /** Carriers whose messages only other workers may send: this one holds none of their binds. */
    elsewhere(): readonly string[] {
      return elsewhere;
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
      held = [];
      heldKeys = new Set();
      givingBack = [];
      return leaveBinds(db, worker);
    },
  };
}

export type BindOwnership = ReturnType<typeof createBindOwnership>;
