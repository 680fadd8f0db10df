import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Apps get a reply (uplink) URL, and may turn off WSSE nonce-replay protection for a legacy client.
  await db.schema
    .alterTable('apps')
    .addColumn('uplink_url', 'text')
    .addColumn('wsse_nonce_check', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  // Which API a message came through decides the format of its status reports.
  await db.schema
    .alterTable('messages')
    .addColumn('surface', 'text', (c) => c.notNull().defaultTo('native').check(sql`surface in ('native', 'compatible')`))
    .execute();

  // The outbox carries replies as well as status reports, as JSON or form-encoded.
  await db.schema
    .alterTable('inbound_replies')
    .addColumn('public_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('app_id', 'uuid', (c) => c.references('apps.id'))
    .execute();
  await sql`alter table callback_outbox alter column message_id drop not null`.execute(db);
  await db.schema
    .alterTable('callback_outbox')
    .addColumn('reply_id', 'bigint', (c) => c.references('inbound_replies.id'))
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('json').check(sql`format in ('json', 'form')`))
    .execute();
  await db.schema
    .alterTable('callback_outbox')
    .addCheckConstraint('callback_outbox_subject', sql`(message_id is null) <> (reply_id is null)`)
    .execute();

  // WSSE nonces seen, kept until their Created time leaves the allowed window (then a replay fails on time).
  await db.schema
    .createTable('wsse_nonces')
    .addColumn('app_id', 'uuid', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('wsse_nonces_pk', ['app_id', 'nonce'])
    .execute();
  await db.schema.createIndex('wsse_nonces_expiry').on('wsse_nonces').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wsse_nonces').execute();
  await sql`delete from callback_outbox where message_id is null`.execute(db);
  await db.schema.alterTable('callback_outbox').dropConstraint('callback_outbox_subject').execute();
  await db.schema.alterTable('callback_outbox').dropColumn('reply_id').dropColumn('format').execute();
  await sql`alter table callback_outbox alter column message_id set not null`.execute(db);
  await db.schema.alterTable('inbound_replies').dropColumn('public_id').dropColumn('app_id').execute();
  await db.schema.alterTable('messages').dropColumn('surface').execute();
  await db.schema.alterTable('apps').dropColumn('uplink_url').dropColumn('wsse_nonce_check').execute();
}
