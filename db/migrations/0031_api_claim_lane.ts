import { sql, type Kysely } from 'kysely';

/**
 * The API's claim lane gets an index of its own: `messages_queue` held campaigns' waiting messages too (up to 2,000
 * a campaign), and every claim for a verification code walked past them, a heap visit each, to find them not its
 * own. The campaigns' lane has had its own since 0028; together the two cover every message waiting for dispatch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index messages_api_queue on messages (next_attempt_at) where status = 'accepted' and campaign_id is null`.execute(db);
  await sql`drop index messages_queue`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index messages_queue on messages (next_attempt_at) where status = 'accepted'`.execute(db);
  await sql`drop index messages_api_queue`.execute(db);
}
