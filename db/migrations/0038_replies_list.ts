import { sql, type Kysely } from 'kysely';

/**
 * The tenant's replies, newest first (`GET /v1/replies`), and the message each answers: the app's last message to
 * the number that replied, sent before the reply came. The same index of messages by recipient serves the `to`
 * filter of `GET /v1/messages`, which otherwise read every message of the tenant in its time range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index messages_tenant_recipient on messages (tenant_id, recipient, created_at)`.execute(db);
  await sql`create index inbound_replies_of_tenant on inbound_replies (tenant_id, received_at, id) where tenant_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index inbound_replies_of_tenant`.execute(db);
  await sql`drop index messages_tenant_recipient`.execute(db);
}
