import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The account's contracted submit_sm per second; null for none.
  await db.schema
    .alterTable('carrier_binds')
    .addColumn('throughput', 'integer', (c) => c.check(sql`throughput between 1 and 10000`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('carrier_binds').dropColumn('throughput').execute();
}
