import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { microsOf, olderThan, type ListPosition } from './list-position.ts';

export interface ReplyFilters {
  /** Received at or after. */
  since?: Date;
  /** Received before. */
  until?: Date;
  /** The number that replied, exactly (E.164). */
  from?: string;
}

export interface ReplyListRow {
  id: string;
  public_id: string;
  sender: string;
  recipient: string;
  text: string;
  received_at: Date;
  received_micros: string;
  missing_parts: number[] | null;
  app_id: string | null;
  /** The message it answers: the app's last one to the number that replied, sent before the reply came. */
  message_id: string | null;
  message_template_id: string | null;
  message_sent_at: Date | null;
}

/** A page of a tenant's replies, newest first, after `after` when given, each with the message it answers. */
export async function listTenantReplies(db: Db, tenantId: string, filters: ReplyFilters, limit: number, after?: ListPosition): Promise<ReplyListRow[]> {
  const conditions = [
    sql`r.tenant_id = ${tenantId}::uuid`,
    ...(filters.since ? [sql`r.received_at >= ${filters.since}`] : []),
    ...(filters.until ? [sql`r.received_at < ${filters.until}`] : []),
    ...(filters.from ? [sql`r.sender = ${filters.from}`] : []),
    ...(after ? [olderThan('r.received_at', 'r.id', 'bigint', after)] : []),
  ];
  const { rows } = await sql<ReplyListRow>`
    select r.id::text, r.public_id, r.sender, r.recipient, r.text, r.received_at, r.missing_parts, r.app_id,
           ${microsOf('r.received_at')} as received_micros,
           m.id as message_id, m.template_id as message_template_id, m.created_at as message_sent_at
    from inbound_replies r
    left join lateral (
      select id, template_id, created_at from messages
      where tenant_id = r.tenant_id and recipient = r.sender and created_at <= r.received_at and app_id = r.app_id
      order by created_at desc limit 1
    ) m on true
    where ${sql.join(conditions, sql` and `)}
    order by r.received_at desc, r.id desc
    limit ${limit}`.execute(db);
  return rows;
}
