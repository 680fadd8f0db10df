import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export function healthRoutes(db: Db) {
  const app = new Hono();
  // Liveness: the process answers. Readiness: it can reach what a request needs.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ code: 'not_ready', message: 'The database cannot be reached.' }, 503);
    }
  });
  return app;
}
