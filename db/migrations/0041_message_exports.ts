import { sql, type Kysely } from 'kysely';

/**
 * Exports of the sending details as background jobs (issue 18): the job's row (its filters, where it is, how much
 * it wrote) and the file in parts of about a megabyte, so neither the writer nor a download ever holds it whole.
 * The parts go when the export expires; the row stays as a record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table message_exports (
      id uuid primary key,
      tenant_id uuid not null references tenants (id),
      app_id uuid not null references apps (id),
      filters jsonb not null,
      bom boolean not null,
      state text not null default 'running' check (state in ('running', 'ready', 'failed', 'expired')),
      rows bigint not null default 0,
      bytes bigint not null default 0,
      parts integer not null default 0,
      after_micros text,
      after_id uuid,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index message_exports_of_tenant on message_exports (tenant_id, created_at)`.execute(db);
  await sql`
    create table message_export_parts (
      export_id uuid not null references message_exports (id) on delete cascade,
      part_no integer not null,
      data bytea not null,
      primary key (export_id, part_no)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table message_export_parts, message_exports`.execute(db);
}
