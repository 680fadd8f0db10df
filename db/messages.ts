import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { MessageRow, NewMessage } from './schema.ts';
import { predecessorsOf } from '../domain/message-status.ts';

/** Channel the dispatcher listens on, so a verification code does not wait for the next poll. */
export const acceptedChannel = 'tern_messages_accepted';

export async function insertMessages(db: Db, rows: NewMessage[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('messages').values(rows).execute();
}

export async function notifyAccepted(db: Db): Promise<void> {
  await sql`select pg_notify(${acceptedChannel}, '')`.execute(db);
}

export async function findTenantMessage(db: Db, tenantId: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function findMessageParts(db: Db, messageId: string) {
  return db.selectFrom('message_parts').selectAll().where('message_id', '=', messageId).orderBy('part_no').execute();
}

export async function findCallbackAttempts(db: Db, messageId: string) {
  return db
    .selectFrom('callback_attempts')
    .innerJoin('callback_outbox', 'callback_outbox.id', 'callback_attempts.outbox_id')
    .select([
      'callback_attempts.attempted_at',
      'callback_attempts.http_status',
      'callback_attempts.error',
      'callback_attempts.duration_ms',
      'callback_outbox.url',
    ])
    .where('callback_outbox.message_id', '=', messageId)
    .orderBy('callback_attempts.id')
    .execute();
}

/** Cancels one scheduled message; returns the row as it is afterwards, or undefined if it does not exist. */
export async function cancelScheduledMessage(db: Db, tenantId: string, id: string): Promise<MessageRow | undefined> {
  const cancelled = await db
    .updateTable('messages')
    .set({ status: 'cancelled', cancelled_at: new Date(), completed_at: new Date() })
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', predecessorsOf('cancelled'))
    .returningAll()
    .executeTakeFirst();
  return cancelled ?? findTenantMessage(db, tenantId, id);
}

export async function countScheduledInRequest(db: Db, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('request_id', '=', requestId)
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a request's scheduled messages into the dispatch queue; returns how many moved. */
export async function releaseScheduledRequest(db: Db, requestId: string): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ status: 'accepted', next_attempt_at: new Date() })
    .where('request_id', '=', requestId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Cancels whatever of a request is still scheduled; returns how many were cancelled. */
export async function cancelScheduledRequest(db: Db, requestId: string): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ status: 'cancelled', cancelled_at: new Date(), completed_at: new Date() })
    .where('request_id', '=', requestId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
