import { sql, type Kysely } from 'kysely';

// App secrets move from a hash to encryption under the master key (WSSE needs the secret itself), with room for
// the previous secret during a rotation's grace period. A hash cannot be turned into a ciphertext: apps made
// before this migration get a new secret (none exist outside development yet).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('apps')
    .addColumn('secret_sealed', 'text')
    .addColumn('previous_secret_sealed', 'text')
    .addColumn('previous_secret_until', 'timestamptz')
    .execute();
  await db.schema.alterTable('apps').dropColumn('secret_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('apps')
    .addColumn('secret_hash', 'text', (c) => c.notNull().defaultTo(sql`''`))
    .dropColumn('secret_sealed')
    .dropColumn('previous_secret_sealed')
    .dropColumn('previous_secret_until')
    .execute();
}
