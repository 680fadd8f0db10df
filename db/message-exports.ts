import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { ListPosition } from './list-position.ts';
import type { MessageFilters } from './message-list.ts';
import type { StoredMessageFilters } from './schema.ts';
import { exportKeptMs } from '../domain/exports.ts';

export function storedFilters(filters: MessageFilters): StoredMessageFilters {
  const { since, until, ...rest } = filters;
  return { ...rest, ...(since ? { since: since.toISOString() } : {}), ...(until ? { until: until.toISOString() } : {}) };
}

export function filtersOf(stored: StoredMessageFilters): MessageFilters {
  const { since, until, ...rest } = stored;
  return { ...rest, ...(since ? { since: new Date(since) } : {}), ...(until ? { until: new Date(until) } : {}) };
}

export async function createMessageExport(db: Db, e: { id: string; tenantId: string; appId: string; filters: MessageFilters; bom: boolean; now: Date }) {
  return db
    .insertInto('message_exports')
    .values({
      id: e.id,
      tenant_id: e.tenantId,
      app_id: e.appId,
      filters: JSON.stringify(storedFilters(e.filters)),
      bom: e.bom,
      // A day from now for the while it is written; its workflow sets the day of the file when it is ready.
      expires_at: new Date(e.now.getTime() + exportKeptMs),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findMessageExport(db: Db, id: string, tenantId?: string) {
  let query = db.selectFrom('message_exports').selectAll().where('id', '=', id);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  return query.executeTakeFirst();
}

/** Where the export stopped writing: after this position, with this part next. */
export function resumeFrom(row: { after_micros: string | null; after_id: string | null }): ListPosition | undefined {
  return row.after_micros && row.after_id ? { micros: BigInt(row.after_micros), key: row.after_id } : undefined;
}

/**
 * Stores the next part of a running export and where it ends, in one statement: a part written twice (the
 * activity retried after its commit) is not stored again, and the export moves on only from the part it expects.
 */
export async function appendExportPart(db: Db, id: string, part: { partNo: number; data: Buffer; rows: number; after: ListPosition }): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    with part as (
      insert into message_export_parts (export_id, part_no, data)
      select id, ${part.partNo}, ${part.data} from message_exports where id = ${id} and state = 'running' and parts = ${part.partNo}
      on conflict do nothing
      returning export_id
    )
    update message_exports set parts = parts + 1, rows = rows + ${part.rows}, bytes = bytes + ${part.data.length},
      after_micros = ${part.after.micros.toString()}, after_id = ${part.after.key}
    where id in (select export_id from part)
    returning id`.execute(db);
  return rows.length > 0;
}

/** Marks a running export written, its file kept until `expiresAt`. */
export async function finishMessageExport(db: Db, id: string, finishedAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('message_exports').set({ state: 'ready', finished_at: finishedAt, expires_at: expiresAt }).where('id', '=', id).where('state', '=', 'running').execute();
}

export async function failMessageExport(db: Db, id: string, error: string, now: Date): Promise<void> {
  await db.updateTable('message_exports').set({ state: 'failed', error, finished_at: now }).where('id', '=', id).where('state', '=', 'running').execute();
}

/** Deletes the file of an export and marks it expired; the row stays as a record. */
export async function expireMessageExport(db: Db, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('message_export_parts').where('export_id', '=', id).execute();
    await trx.updateTable('message_exports').set({ state: 'expired' }).where('id', '=', id).where('state', 'in', ['ready', 'failed']).execute();
  });
}

/** One part of an export's file. */
export async function readExportPart(db: Db, id: string, partNo: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('message_export_parts').select('data').where('export_id', '=', id).where('part_no', '=', partNo).executeTakeFirst();
  return row?.data;
}
