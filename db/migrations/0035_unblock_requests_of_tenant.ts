import { sql, type Kysely } from 'kysely';

/** A tenant's unblock requests, newest first (`GET /v1/unblock-requests`), without reading other tenants'. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index unblock_requests_of_tenant on unblock_requests (tenant_id, submitted_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index unblock_requests_of_tenant`.execute(db);
}
