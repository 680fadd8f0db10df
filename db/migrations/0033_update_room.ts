import { sql, type Kysely } from 'kysely';

/**
 * The queue's rows are updated where they lie: a message three times after its insert (claimed, submitted, reported),
 * a callback twice (claimed, delivered). On a full page each new version goes to another page and its whole tuple,
 * report payload and body included, is written to the WAL; with room on its own page Postgres logs only the bytes
 * that changed. The room only applies to pages filled from now on.
 */
const tables = { messages: 70, callback_outbox: 70, message_parts: 80 } as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, fillfactor] of Object.entries(tables)) {
    await sql`alter table ${sql.table(table)} set (fillfactor = ${sql.raw(String(fillfactor))})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(tables)) {
    await sql`alter table ${sql.table(table)} reset (fillfactor)`.execute(db);
  }
}
