import { sql, type Kysely } from 'kysely';

/**
 * Each carrier's SMPP settings (domain/smpp-settings.ts): bind mode, system_type, address_range, TON/NPI rules,
 * default data coding, concatenation style, validity, enquire_link and response timeouts, TLS. Only what an
 * operator gave is stored; the rest takes the defaults, so a default can improve without a migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table carriers add column smpp_settings jsonb not null default '{}' check (jsonb_typeof(smpp_settings) = 'object')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table carriers drop column smpp_settings`.execute(db);
}
