import { sql, type Kysely } from 'kysely';

/**
 * Recipient lists of the Group SMS Assistant (docs/api.md, "Group SMS Assistant: uploading a recipient list"). An
 * upload is a tenant's file read row by row: each accepted row becomes a `campaign_recipients` row (the campaign
 * workflow reads them in line order, in chunks), each refused one a `campaign_upload_errors` row. A number is kept
 * once per upload (the unique key drops later copies), so no API process has to hold the file's numbers.
 * `segments_by_country` sums the accepted rows' segments per billing scope and country, for the cost estimate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign_uploads (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants (id),
      app_id uuid not null references apps (id),
      name text not null,
      template_id text not null,
      signature text,
      status text not null check (status in ('receiving', 'ready', 'failed')),
      rows_read int not null default 0,
      rows_accepted int not null default 0,
      duplicates int not null default 0,
      invalid int not null default 0,
      segments_mainland bigint not null default 0,
      segments_international bigint not null default 0,
      segments_by_country jsonb not null default '[]',
      error_code text,
      error_message text,
      created_at timestamptz not null default now(),
      -- When a batch of rows last came in: an upload still receiving that has not moved for long was abandoned.
      touched_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index campaign_uploads_tenant on campaign_uploads (tenant_id, created_at desc)`.execute(db);
  await sql`create index campaign_uploads_receiving on campaign_uploads (touched_at) where status = 'receiving'`.execute(db);
  await sql`
    create table campaign_recipients (
      upload_id uuid not null references campaign_uploads (id) on delete cascade,
      line int not null,
      recipient text not null,
      params text[] not null,
      segments int not null,
      country text not null,
      scope text not null check (scope in ('mainland', 'international')),
      primary key (upload_id, line),
      unique (upload_id, recipient)
    )`.execute(db);
  await sql`
    create table campaign_upload_errors (
      upload_id uuid not null references campaign_uploads (id) on delete cascade,
      line int not null,
      code text not null,
      message text not null,
      primary key (upload_id, line)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table campaign_upload_errors`.execute(db);
  await sql`drop table campaign_recipients`.execute(db);
  await sql`drop table campaign_uploads`.execute(db);
}
