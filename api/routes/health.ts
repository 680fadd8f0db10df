import { Hono } from 'hono';
import type { Db } from '../../db/connect.ts';
import { databaseAnswers } from '../../db/health.ts';

export function healthRoutes(db: Db, temporalReachable?: () => Promise<boolean>) {
  const app = new Hono();
  // Liveness: the process answers. Readiness: it can reach what sending needs, the database. Temporal is reported
  // beside it, not required: without it only scheduled sends, reviews and suspensions wait (they answer 503).
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const [database, temporal] = await Promise.all([
      databaseAnswers(db).then((up) => (up ? ('up' as const) : ('down' as const))),
      temporalReachable ? temporalReachable().then((up) => (up ? 'up' : 'down')) : Promise.resolve('not configured'),
    ]);
    if (database === 'down') return c.json({ code: 'not_ready', message: 'The database cannot be reached.', database, temporal }, 503);
    return c.json({ status: 'ready', database, temporal });
  });
  return app;
}
