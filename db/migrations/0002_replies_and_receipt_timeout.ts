import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Replies (mobile-originated messages) are stored as they arrive; routing them to a tenant needs the
  // channel numbers and their extensions, so they wait here until that is known.
  await db.schema
    .createTable('inbound_replies')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('tenant_id', 'uuid')
    .addColumn('routed_at', 'timestamptz')
    .execute();
  await sql`create index inbound_replies_unrouted on inbound_replies (received_at) where routed_at is null`.execute(db);

  // Finds submitted messages whose receipt never came, without scanning the finished ones.
  await sql`create index messages_awaiting_receipt on messages (submitted_at) where status = 'submitted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index messages_awaiting_receipt`.execute(db);
  await db.schema.dropTable('inbound_replies').execute();
}
