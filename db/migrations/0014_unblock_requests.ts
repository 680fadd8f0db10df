import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A tenant's request to take a number off the platform blocklist, followed by the unblocking workflow.
  await db.schema
    .createTable('unblock_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('in_review', 'carrier_pending', 'unblocked', 'refused')`),
    )
    .addColumn('outcome', 'text')
    .addColumn('decided_by', 'uuid')
    .addColumn('carrier_ticket', 'text')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('workflow_id', 'text')
    .execute();
  await sql`create unique index unblock_requests_open on unblock_requests (tenant_id, number)
            where state in ('in_review', 'carrier_pending')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unblock_requests').execute();
}
