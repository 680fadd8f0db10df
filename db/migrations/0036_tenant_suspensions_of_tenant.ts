import { sql, type Kysely } from 'kysely';

/** A tenant's suspensions, past ones included, for its notices (`GET /v1/notices`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tenant_suspensions_of_tenant on tenant_suspensions (tenant_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tenant_suspensions_of_tenant`.execute(db);
}
