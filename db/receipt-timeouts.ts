import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { enqueueStatusCallbacks } from './callbacks.ts';
import { transition } from '../domain/message-status.ts';

/** No receipt in time: a submitted message expires. */
const expired = transition('submitted', 'expired');

/**
 * Ends messages whose receipt never came: after `timeoutMs` a submitted message is `expired`, with the code
 * RECEIPT_TIMEOUT, and its report is queued. Returns how many it ended.
 */
export async function expireMessagesWithoutReceipt(db: Db, timeoutMs: number, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await sql<{ id: string }>`
      update messages set status = ${expired.to}, completed_at = now(), error_code = 'RECEIPT_TIMEOUT',
        error_message = 'The carrier sent no delivery receipt in time.'
      where id in (
        select id from messages
        where status = any(${expired.from}::text[]) and submitted_at < now() - make_interval(secs => ${timeoutMs / 1000})
        order by submitted_at limit ${limit}
        for update skip locked)
      returning id`.execute(trx);
    await enqueueStatusCallbacks(trx, ended.rows.map((r) => r.id));
    return ended.rows.length;
  });
}
