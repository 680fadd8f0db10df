// The raw baseline of single-send capacity: the same HTTP server (Hono on @hono/node-server) and the same pool as
// the api, and a handler that does nothing but one durable INSERT of the row an accepted message makes, into a
// table shaped like `messages` (its columns, defaults and indexes, no foreign keys or triggers). Run by stack.ts.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { connectDb } from '../../db/connect.ts';

const env = process.env;
const db = connectDb({ connectionString: env.DATABASE_URL ?? '', max: Number(env.TERN_DB_POOL ?? 20), applicationName: 'tern-raw-accept' });
const row = JSON.parse(env.TERN_RAW_ROW ?? '{}') as { tenantId: string; appId: string; templateId: string; sender: string; body: string; callbackUrl: string };
await sql`drop table if exists bench_raw_messages`.execute(db);
await sql`create table bench_raw_messages (like messages including all)`.execute(db);

const app = new Hono();
app.get('/readyz', (c) => c.text('ready'));
app.post('/raw', async (c) => {
  const { to } = await c.req.json<{ to: string }>();
  const id = randomUUID();
  await sql`
    insert into bench_raw_messages (id, request_id, tenant_id, app_id, template_id, sender, recipient, body, encoding, segments, status, callback_url, next_attempt_at)
    values (${id}::uuid, ${randomUUID()}::uuid, ${row.tenantId}::uuid, ${row.appId}::uuid, ${row.templateId}, ${row.sender}, ${to}, ${row.body},
            'gsm7', 1, 'accepted', ${row.callbackUrl}, now())`.execute(db);
  return c.json({ id }, 202);
});

const server = serve({ fetch: app.fetch, port: Number(env.TERN_RAW_PORT), hostname: '127.0.0.1' });
process.once('SIGTERM', () => {
  server.close();
  void sql`drop table if exists bench_raw_messages`
    .execute(db)
    .finally(() => void db.destroy().then(() => process.exit(0)));
});
