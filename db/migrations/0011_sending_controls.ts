import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Where international SMS may go: ISO country codes, or '*' for all. The mainland is always allowed.
  await db.schema.alterTable('tenants').addColumn('allowed_countries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
  await db.schema.alterTable('apps').addColumn('allowed_countries', sql`text[]`).execute();
  await db.schema
    .createTable('region_rules')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('app_id', 'uuid', (c) => c.references('apps.id'))
    .addColumn('prefix', 'text', (c) => c.notNull().check(sql`prefix ~ '^\\+[0-9]{1,14}$'`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('allow', 'deny')`))
    .execute();
  await db.schema.createIndex('region_rules_tenant').on('region_rules').column('tenant_id').execute();

  // Messages accepted per tenant and mainland number, for the sliding-window frequency limits.
  await db.schema
    .createTable('recipient_sends')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recipient_sends_window').on('recipient_sends').columns(['tenant_id', 'recipient', 'sent_at']).execute();
  await db.schema.createIndex('recipient_sends_age').on('recipient_sends').column('sent_at').execute();

  // The platform blocklist, and each tenant's opt-outs (recipients who replied an unsubscribe word).
  await db.schema
    .createTable('blocklist')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('complaint', 'carrier', 'operator')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .execute();
  await db.schema
    .createTable('opt_outs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('reply_text', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('opt_outs_pk', ['tenant_id', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['opt_outs', 'blocklist', 'recipient_sends', 'region_rules']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('apps').dropColumn('allowed_countries').execute();
  await db.schema.alterTable('tenants').dropColumn('allowed_countries').execute();
}
