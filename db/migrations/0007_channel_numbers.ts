import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Extensions route replies back to the app, so they are unique and never reused.
  await sql`create sequence app_extension_seq start 1001`.execute(db);
  await db.schema.alterTable('apps').addColumn('mainland_extension', 'text').execute();
  await sql`update apps set mainland_extension = nextval('app_extension_seq')::text`.execute(db);
  await sql`alter table apps alter column mainland_extension set default nextval('app_extension_seq')::text`.execute(db);
  await sql`alter table apps alter column mainland_extension set not null`.execute(db);
  await db.schema.createIndex('apps_mainland_extension').on('apps').column('mainland_extension').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('apps').dropColumn('mainland_extension').execute();
  await sql`drop sequence app_extension_seq`.execute(db);
}
