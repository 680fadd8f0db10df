import { sql, type Kysely } from 'kysely';

/**
 * Campaigns of the Group SMS Assistant (docs/api.md, "Campaigns"): a campaign sends the accepted rows of one upload
 * (`campaign_uploads`, migration 0027) from a template, fed into the hot path in chunks by its workflow. Its
 * messages carry `campaign_id` (its progress and report are counted from them); rows the accept step refused when
 * their chunk was queued (blocklist, frequency limits, billing) are kept in `campaign_refusals`. `cursor` is the
 * last line of the upload queued: chunks are the rows after it, in line order, so a chunk queued again is the same
 * chunk (its idempotency key is the campaign and the line it starts after).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaigns (
      id uuid primary key,
      tenant_id uuid not null references tenants (id),
      app_id uuid not null references apps (id),
      upload_id uuid not null references campaign_uploads (id),
      name text not null,
      template_id text not null,
      signature text,
      send_at timestamptz,
      rate_per_second int check (rate_per_second > 0),
      status text not null check (status in ('scheduled', 'running', 'paused', 'waiting', 'cancelled', 'stopped', 'completed')),
      -- Why a campaign stopped by itself (its template or signature can no longer be sent).
      stop_reason text,
      recipients int not null,
      cursor int not null default 0,
      queued int not null default 0,
      refused int not null default 0,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`create index campaigns_tenant_created on campaigns (tenant_id, created_at desc)`.execute(db);
  await sql`
    create table campaign_refusals (
      campaign_id uuid not null references campaigns (id) on delete cascade,
      line int not null,
      recipient text not null,
      code text not null,
      message text not null,
      primary key (campaign_id, line)
    )`.execute(db);
  await sql`alter table messages add column campaign_id uuid`.execute(db);
  // Progress (counts by status) and the report (a row's message by its number) read a campaign's messages; most
  // messages have none, so the index holds only those.
  await sql`create index messages_campaign on messages (campaign_id, recipient) include (status) where campaign_id is not null`.execute(db);
  // The campaigns' claim lane (db/dispatch-queue.ts): the API's lane walks `messages_queue`, past at most the
  // campaigns' bounded backlog; theirs walks only their own messages.
  await sql`create index messages_campaign_queue on messages (next_attempt_at) where status = 'accepted' and campaign_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index messages_campaign_queue`.execute(db);
  await sql`drop index messages_campaign`.execute(db);
  await sql`alter table messages drop column campaign_id`.execute(db);
  await sql`drop table campaign_refusals`.execute(db);
  await sql`drop table campaigns`.execute(db);
}
