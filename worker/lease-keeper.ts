import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { renewLeases, type LeasedQueue } from '../db/leased-queue.ts';

export interface LeaseKeeper<Id extends string | number> {
  /** Keeps renewing this row's lease until the returned function is called. */
  hold(row: { id: Id; attempts: number }): () => void;
  /**
   * The rows held, when a heartbeat is overdue (the database was away): their leases may have run out, and a
   * claim must leave them out. Empty while the heartbeats keep up, so the usual claim stays lean.
   */
  lapsed(): Id[];
  stop(): void;
}

/**
 * Heartbeats for claimed queue rows. A claim holds for a short lease and the keeper renews it every third of the
 * lease while the worker is alive and the work in hand: a worker that dies leaves its rows to the others after one
 * short lease, while one that is merely slow (a throttling carrier, a callback server taking its time) keeps them.
 */
export function startLeaseKeeper<Id extends string | number>(db: Db, queue: LeasedQueue, leaseMs: number, logger: Logger): LeaseKeeper<Id> {
  const held = new Map<Id, { id: Id; attempts: number }>();
  const everyMs = Math.max(50, Math.floor(leaseMs / 3));
  let renewedAt = Date.now();
  const timer = setInterval(() => {
    if (held.size === 0) {
      renewedAt = Date.now();
      return;
    }
    const started = Date.now();
    renewLeases(db, queue, [...held.values()], leaseMs).then(() => (renewedAt = started)).catch((err: unknown) => {
      // A missed heartbeat is not fatal: the next one comes before the lease runs out, unless the database stays away.
      logger.warn({ err: (err as Error).message, queue: queue.table, held: held.size }, 'could not renew leases');
    });
  }, everyMs);
  timer.unref();
  return {
    hold(row) {
      held.set(row.id, row);
      return () => held.delete(row.id);
    },
    lapsed: () => (held.size && Date.now() - renewedAt > 2 * everyMs ? [...held.keys()] : []),
    stop: () => clearInterval(timer),
  };
}
