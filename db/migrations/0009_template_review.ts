import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The template row carries what sending uses: the approved text (the first version's while none is approved)
  // and its variable types. Every text ever applied for is a version, reviewed on its own.
  await db.schema
    .alterTable('templates')
    .addColumn('variables', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('approved_version', 'integer')
    .execute();
  await sql`update templates set approved_version = 1 where status = 'approved'`.execute(db);

  await db.schema
    .createTable('template_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('template_id', 'text', (c) => c.notNull().references('templates.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 500`))
    .addColumn('variables', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('waiting', 'in_review', 'approved', 'rejected', 'withdrawn', 'superseded')`),
    )
    .addColumn('overdue', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('opens_at', 'timestamptz')
    .addColumn('due_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid')
    .addColumn('reason', 'text')
    .addColumn('calendar_fallback_days', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('workflow_id', 'text')
    .addUniqueConstraint('template_versions_number', ['template_id', 'version'])
    .execute();
  // At most one version of a template is under review at a time.
  await sql`create unique index template_versions_one_open on template_versions (template_id)
            where state in ('waiting', 'in_review')`.execute(db);
  await sql`create index template_versions_queue on template_versions (opens_at) where state = 'in_review'`.execute(db);
  await sql`
    insert into template_versions (template_id, tenant_id, version, name, body, variables, state, submitted_at, decided_at)
    select id, tenant_id, 1, name, body, variables, case status when 'approved' then 'approved' else 'rejected' end,
           created_at, created_at
    from templates`.execute(db);

  // Holidays and make-up workdays operators declare for a year, replacing the calendar package's for that year.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', sql`text[]`, (c) => c.notNull())
    .addColumn('workdays', sql`text[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_years').execute();
  await db.schema.dropTable('template_versions').execute();
  await db.schema.alterTable('templates').dropColumn('variables').dropColumn('approved_version').execute();
}
