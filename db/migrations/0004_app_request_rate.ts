import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Null: the deployment's default rate.
  await db.schema
    .alterTable('apps')
    .addColumn('requests_per_second', 'integer', (c) => c.check(sql`requests_per_second > 0`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('apps').dropColumn('requests_per_second').execute();
}
