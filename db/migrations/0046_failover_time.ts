import { sql, type Kysely } from 'kysely';

/** Operators list the latest failovers across messages (the console's carriers page): by time, on every partition. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index message_failovers_at on message_failovers (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index message_failovers_at`.execute(db);
}
