import { sql, type Kysely } from 'kysely';

/**
 * A campaign's failed messages by reason, read on every `GET /v1/campaigns/{id}`: through this index the reasons
 * cost what the failures are, not a walk over every message of the campaign (a million).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index messages_campaign_failures on messages (campaign_id) include (error_code, status)
    where campaign_id is not null and status in ('undelivered', 'expired', 'rejected', 'failed')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index messages_campaign_failures`.execute(db);
}
