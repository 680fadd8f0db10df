import { sql, type Kysely } from 'kysely';

/**
 * How each carrier writes its message ids (domain/carrier-message-ids.ts): in its submit_sm_resp (and
 * receipted_message_id) and in its receipts' text; `text` matches them byte for byte, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table carriers
      add column response_id_format text not null default 'text' check (response_id_format in ('text', 'hex', 'decimal')),
      add column receipt_id_format text not null default 'text' check (receipt_id_format in ('text', 'hex', 'decimal'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table carriers drop column response_id_format, drop column receipt_id_format`.execute(db);
}
