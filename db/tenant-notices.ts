import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { callbackRetentionHours } from './callbacks.ts';
import type { TenantNotice } from '../domain/billing.ts';

export interface NoticeRow {
  id: number;
  tenant_id: string;
  kind: string;
  details: unknown;
  at: Date;
}

/** Records a notice for the worker to send (see `claimUnsentNotices`), unless the same one was recorded before. */
export async function addNoticeOnce(db: Db, tenantId: string, notice: TenantNotice): Promise<void> {
  const details = JSON.stringify(notice.details);
  await sql`
    insert into tenant_notices (tenant_id, kind, details)
    select ${tenantId}, ${notice.kind}, ${details}::jsonb
    where not exists (select 1 from tenant_notices where tenant_id = ${tenantId} and kind = ${notice.kind} and details = ${details}::jsonb)`.execute(db);
}

/** Unsent notices, locked for the caller's transaction (others pass over them). */
export async function claimUnsentNotices(db: Db, limit: number): Promise<NoticeRow[]> {
  const { rows } = await sql<NoticeRow>`
    select id, tenant_id, kind, details, at from tenant_notices
    where sent_at is null order by id limit ${limit} for update skip locked`.execute(db);
  return rows;
}

/** The notice as a callback event to each callback URL of the tenant's apps (once per URL), and marked sent. */
export async function queueNoticeEvents(db: Db, notice: NoticeRow): Promise<void> {
  await sql`
    with targets as (
      select distinct on (callback_url) id as app_id, callback_url as url from apps
      where tenant_id = ${notice.tenant_id} and callback_url is not null order by callback_url, created_at
    )
    insert into callback_outbox (notice_id, app_id, url, payload, give_up_at)
    select ${notice.id}::bigint, t.app_id, t.url,
      jsonb_build_object('event', 'tenant.notice', 'noticeId', ${notice.id}::text, 'kind', ${notice.kind}::text,
                         'details', ${JSON.stringify(notice.details)}::jsonb, 'at', ${notice.at}::timestamptz),
      now() + make_interval(hours => ${callbackRetentionHours})
    from targets t`.execute(db);
  await db.updateTable('tenant_notices').set({ sent_at: new Date() }).where('id', '=', notice.id).execute();
}
