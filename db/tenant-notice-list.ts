import { sql } from 'kysely';
import type { Db } from './connect.ts';
import { olderThan, type ListPosition } from './list-position.ts';

/** What the platform told a tenant of, from where each is recorded. */
export const noticeKinds = ['traffic_alarm', 'suspended', 'suspension_ended', 'quota_alarm', 'quota_runout', 'quota_resumed'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticeListRow {
  /** Unique among the tenant's notices, and what orders notices of the same time. */
  key: string;
  kind: NoticeKind;
  at: Date;
  at_micros: string;
  details: Record<string, unknown>;
}

/**
 * A page of a tenant's notices, newest first, after `after` when given: the traffic alarms (`traffic_events`), the
 * suspensions and their ends (`tenant_suspensions`), and the billing notices (`tenant_notices`), each as recorded.
 */
export async function listTenantNotices(db: Db, tenantId: string, kinds: readonly NoticeKind[] | undefined, limit: number, after?: ListPosition): Promise<NoticeListRow[]> {
  const { rows } = await sql<NoticeListRow>`
    select key, kind, at, (extract(epoch from at) * 1000000)::bigint::text as at_micros, details from (
      select 'n' || id as key, kind, at, details from tenant_notices where tenant_id = ${tenantId}
      union all
      select 'a' || period || (extract(epoch from period_start) * 1000000)::bigint, 'traffic_alarm', created_at,
             jsonb_build_object('period', period, 'periodStart', period_start, 'count', count)
        from traffic_events where tenant_id = ${tenantId} and kind = 'alarm'
      union all
      select 's' || id, 'suspended', created_at, jsonb_build_object('reason', reason, 'until', until, 'period', period, 'periodStart', period_start)
        from tenant_suspensions where tenant_id = ${tenantId}
      union all
      select 'e' || id, 'suspension_ended', ended_at, jsonb_build_object('reason', ended_reason, 'liftedByOperator', lifted_by is not null)
        from tenant_suspensions where tenant_id = ${tenantId} and ended_at is not null
    ) notices
    where ${kinds?.length ? sql`kind = any(${[...kinds]}::text[])` : sql`true`} ${after ? sql`and ${olderThan('at', 'key', 'text', after)}` : sql``}
    order by at desc, key desc limit ${limit}`.execute(db);
  return rows;
}
