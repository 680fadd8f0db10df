import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export interface WaitProfile {
  samples: number;
  everyMs: number;
  /** Active client backends per sample, on average. */
  activeMean: number;
  /** `client: wait type/event` (`CPU` when not waiting) → share of the backend samples, largest first. */
  top: { what: string; share: number }[];
  /** The statements seen most (their first words), each with its share of the samples and what it was doing. */
  statements: { query: string; share: number; doing: Record<string, number> }[];
}

const share = (n: number, of: number) => Math.round((n / Math.max(1, of)) * 1000) / 1000;

/**
 * What Postgres's client backends are doing, sampled from pg_stat_activity every `everyMs`: running (`CPU`) or
 * waiting, and on what (a lock, WAL, I/O…), overall and per statement. Tells a statement that is slow because it
 * works from one that waits.
 */
export function sampleWaits(db: Db, everyMs = 200) {
  const byWait = new Map<string, number>();
  const byQuery = new Map<string, { n: number; doing: Map<string, number> }>();
  let samples = 0;
  let backends = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void sql<{ app: string; wait: string; query: string }>`
      select coalesce(nullif(application_name, ''), 'other') as app, coalesce(wait_event_type || '/' || wait_event, 'CPU') as wait,
             left(regexp_replace(regexp_replace(query, '/\\*.*?\\*/', '', 'g'), '\\s+', ' ', 'g'), 60) as query
      from pg_stat_activity
      where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`
      .execute(db)
      .then(({ rows }) => {
        samples++;
        backends += rows.length;
        for (const { app, wait, query } of rows) {
          byWait.set(`${app}: ${wait}`, (byWait.get(`${app}: ${wait}`) ?? 0) + 1);
          const q = byQuery.get(query.trim()) ?? { n: 0, doing: new Map<string, number>() };
          byQuery.set(query.trim(), q);
          q.n++;
          q.doing.set(wait, (q.doing.get(wait) ?? 0) + 1);
        }
      })
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  return {
    stop(): WaitProfile {
      clearInterval(timer);
      const top = [...byWait].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([what, n]) => ({ what, share: share(n, backends) }));
      const statements = [...byQuery]
        .sort((a, b) => b[1].n - a[1].n)
        .slice(0, 8)
        .map(([query, q]) => ({ query, share: share(q.n, backends), doing: Object.fromEntries([...q.doing].sort((a, b) => b[1] - a[1]).map(([w, n]) => [w, share(n, q.n)])) }));
      return { samples, everyMs, activeMean: Math.round((backends / Math.max(1, samples)) * 100) / 100, top, statements };
    },
  };
}
