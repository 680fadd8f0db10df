import { sql, type Kysely } from 'kysely';

/** The platform's own sender for alarm and notice SMS: a system tenant, an app without a secret, two templates. */
// The platform's own tenant and app (domain/system-tenant.ts has the same ids for the code that uses them).
const systemTenantId = '00000000-0000-4000-8000-00000000000a';
const systemAppId = '00000000-0000-4000-8000-00000000000b';
const systemTemplates = { international: 'tern0system0notice0international', mainland: 'tern0system0notice0mainland0000' } as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Per tenant: alarm and limit values for messages a day (Asia/Shanghai) and, optionally, an hour.
  await db.schema
    .alterTable('tenants')
    .addColumn('daily_alarm', 'integer')
    .addColumn('daily_limit', 'integer')
    .addColumn('hourly_alarm', 'integer')
    .addColumn('hourly_limit', 'integer')
    .addColumn('contact_numbers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  // What was done once per tenant and period: the alarm sent, the limit reached.
  await db.schema
    .createTable('traffic_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('day', 'hour')`))
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('alarm', 'limit')`))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('traffic_events_pk', ['tenant_id', 'period', 'period_start', 'kind'])
    .execute();
  await db.schema
    .createTable('tenant_suspensions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active').check(sql`state in ('active', 'ended')`))
    .addColumn('ended_reason', 'text')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('lifted_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('tenant_suspensions_period', ['tenant_id', 'period', 'period_start'])
    .execute();
  await sql`create index tenant_suspensions_active on tenant_suspensions (tenant_id) where state = 'active'`.execute(db);

  await sql`insert into tenants (id, name, allowed_countries) values (${systemTenantId}, 'Tern (system)', '{*}')`.execute(db);
  await sql`insert into apps (id, tenant_id, name, app_key, secret_sealed, sender_id)
            values (${systemAppId}, ${systemTenantId}, 'system notices', 'tern-system', null, 'Tern')`.execute(db);
  for (const [region, id] of Object.entries(systemTemplates)) {
    await sql`insert into templates (id, tenant_id, name, region, type, body, variables, status, approved_version)
              values (${id}, ${systemTenantId}, ${`notice (${region})`}, ${region}, 'notification', ${'${1}'}, '[]'::jsonb, 'approved', 1)`.execute(db);
    await sql`insert into template_versions (template_id, tenant_id, version, name, body, variables, state, decided_at)
              values (${id}, ${systemTenantId}, 1, ${`notice (${region})`}, ${'${1}'}, '[]'::jsonb, 'approved', now())`.execute(db);
  }
  await sql`insert into signatures (tenant_id, name, type, state, decided_at) values (${systemTenantId}, 'Tern', 'notification', 'approved', now())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['signatures', 'template_versions', 'templates', 'apps']) {
    await sql`delete from ${sql.table(table)} where tenant_id = ${systemTenantId}`.execute(db);
  }
  await sql`delete from tenants where id = ${systemTenantId}`.execute(db);
  await db.schema.dropTable('tenant_suspensions').execute();
  await db.schema.dropTable('traffic_events').execute();
  await db.schema
    .alterTable('tenants')
    .dropColumn('daily_alarm')
    .dropColumn('daily_limit')
    .dropColumn('hourly_alarm')
    .dropColumn('hourly_limit')
    .dropColumn('contact_numbers')
    .execute();
}
