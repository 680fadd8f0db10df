import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { nowMs, perSecond } from './stats.ts';

export interface BulkInsertResult {
  rows: number;
  batchSize: number;
  connections: number;
  ms: number;
  rowsPerSecond: number;
}

/**
 * The database half of the raw baseline: the same number of rows written to a table shaped like `messages`
 * (its columns, defaults and indexes, without foreign keys) with multi-row `INSERT … SELECT FROM unnest(…)`
 * in big batches, each its own durable commit. COPY would be faster still, but needs a package we do not have.
 */
export async function runBulkInsert(
  db: Db,
  row: { tenantId: string; appId: string; templateId: string; sender: string; body: string; callbackUrl: string },
  recipients: readonly string[],
  options: { batchSize?: number; connections?: number } = {},
): Promise<BulkInsertResult> {
  const batchSize = options.batchSize ?? 5_000;
  const connections = options.connections ?? 2;
  await sql`drop table if exists bench_messages`.execute(db);
  await sql`create table bench_messages (like messages including all)`.execute(db);

  const batches: string[][] = [];
  for (let i = 0; i < recipients.length; i += batchSize) batches.push(recipients.slice(i, i + batchSize));
  let next = 0;
  const started = nowMs();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < batches.length; i = next++) {
        const batch = batches[i] ?? [];
        const requestId = randomUUID();
        await sql`
          insert into bench_messages (id, request_id, tenant_id, app_id, template_id, sender, recipient, body, encoding,
                                      segments, status, callback_url, next_attempt_at)
          select id, ${requestId}::uuid, ${row.tenantId}::uuid, ${row.appId}::uuid, ${row.templateId}, ${row.sender}, recipient,
                 ${row.body}, 'gsm7', 1, 'accepted', ${row.callbackUrl}, now()
          from unnest(${batch.map(() => randomUUID())}::uuid[], ${batch}::text[]) as t(id, recipient)`.execute(db);
      }
    }),
  );
  const ms = nowMs() - started;
  await sql`drop table bench_messages`.execute(db);
  return { rows: recipients.length, batchSize, connections, ms: Math.round(ms), rowsPerSecond: perSecond(recipients.length, ms) };
}
