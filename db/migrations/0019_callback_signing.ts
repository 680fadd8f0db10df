import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each app's callback signing secret, sealed under the master key like its app secret; the one before a rotation
  // keeps signing alongside until its grace period ends. Apps made before this sign nothing until an operator issues one.
  await db.schema
    .alterTable('apps')
    .addColumn('signing_secret_sealed', 'text')
    .addColumn('previous_signing_secret_sealed', 'text')
    .addColumn('previous_signing_secret_until', 'timestamptz')
    .execute();
  // Whose secret signs a report.
  await db.schema.alterTable('callback_outbox').addColumn('app_id', 'uuid').execute();
  await sql`update callback_outbox o set app_id = m.app_id from messages m where o.message_id = m.id`.execute(db);
  await sql`update callback_outbox o set app_id = r.app_id from inbound_replies r where o.reply_id = r.id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('callback_outbox').dropColumn('app_id').execute();
  await db.schema
    .alterTable('apps')
    .dropColumn('signing_secret_sealed')
    .dropColumn('previous_signing_secret_sealed')
    .dropColumn('previous_signing_secret_until')
    .execute();
}
