import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Mainland signatures (the name shown in 【】) and the documents that back them.
  await db.schema
    .createTable('signatures')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('verification', 'notification')`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('in_review', 'documents_requested', 'approved', 'rejected', 'expired')`),
    )
    .addColumn('reason', 'text')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('documents_requested_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid')
    .addColumn('workflow_id', 'text')
    .execute();
  // A tenant holds a name for one type once, unless the earlier application ended without approval.
  await sql`create unique index signatures_live_name on signatures (tenant_id, name, type)
            where state in ('in_review', 'documents_requested', 'approved')`.execute(db);
  await sql`create index signatures_queue on signatures (submitted_at) where state = 'in_review'`.execute(db);

  await db.schema
    .createTable('signature_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('signature_id', 'uuid', (c) => c.notNull().references('signatures.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('attorney_letter', 'business_license')`))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('signature_documents_signature').on('signature_documents').column('signature_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signature_documents').execute();
  await db.schema.dropTable('signatures').execute();
}
