import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { TrafficPeriod } from './schema.ts';

export interface TenantTraffic {
  tenantId: string;
  period: TrafficPeriod;
  periodStart: Date;
  count: number;
  alarm: number | null;
  limit: number | null;
}

/**
 * Messages accepted in the current day and hour by every tenant that has thresholds, counted from the messages
 * themselves (index `messages_tenant_created`).
 */
export async function trafficOfWatchedTenants(db: Db, periods: { period: TrafficPeriod; start: Date }[]): Promise<TenantTraffic[]> {
  const rows: TenantTraffic[] = [];
  for (const { period, start } of periods) {
    const alarm = period === 'day' ? 'daily_alarm' : 'hourly_alarm';
    const limit = period === 'day' ? 'daily_limit' : 'hourly_limit';
    const { rows: counted } = await sql<{ tenant_id: string; count: string; alarm: number | null; limit: number | null }>`
      select t.id as tenant_id, t.${sql.ref(alarm)} as alarm, t.${sql.ref(limit)} as limit,
             (select count(*) from messages m where m.tenant_id = t.id and m.created_at >= ${start}) as count
      from tenants t
      where t.${sql.ref(alarm)} is not null or t.${sql.ref(limit)} is not null`.execute(db);
    for (const r of counted) rows.push({ tenantId: r.tenant_id, period, periodStart: start, count: Number(r.count), alarm: r.alarm, limit: r.limit });
  }
  return rows;
}

/** Records that something happened once for a tenant's period; false if it already had. */
export async function recordTrafficEvent(db: Db, traffic: TenantTraffic, kind: 'alarm' | 'limit'): Promise<boolean> {
  const result = await db
    .insertInto('traffic_events')
    .values({ tenant_id: traffic.tenantId, period: traffic.period, period_start: traffic.periodStart, kind, count: traffic.count })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A tenant's suspensions in force: active and not past their end, whatever became of their workflow. */
export async function activeSuspensions(db: Db, tenantId: string) {
  return db
    .selectFrom('tenant_suspensions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'active')
    .where('until', '>', new Date())
    .orderBy('until', 'desc')
    .execute();
}

/** Every tenant's suspensions in force, with the tenant's name, the latest first. */
export async function allActiveSuspensions(db: Db) {
  return db
    .selectFrom('tenant_suspensions as s')
    .innerJoin('tenants as t', 't.id', 's.tenant_id')
    .select(['s.id', 's.tenant_id', 't.name as tenant_name', 's.period', 's.period_start', 's.until', 's.reason', 's.created_at'])
    .where('s.state', '=', 'active')
    .where('s.until', '>', new Date())
    .orderBy('s.created_at', 'desc')
    .execute();
}

export async function findSuspension(db: Db, tenantId: string, period: TrafficPeriod, periodStart: Date) {
  return db
    .selectFrom('tenant_suspensions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('period', '=', period)
    .where('period_start', '=', periodStart)
    .executeTakeFirst();
}

/**
 * Suspends a tenant for a period. A period whose suspension ended because the tenant raised its limit is
 * suspended again when the new limit is reached too; one lifted by an operator or over stays as it is.
 */
export async function beginSuspension(db: Db, s: { tenantId: string; period: TrafficPeriod; periodStart: Date; until: Date; reason: string }) {
  await db
    .insertInto('tenant_suspensions')
    .values({ tenant_id: s.tenantId, period: s.period, period_start: s.periodStart, until: s.until, reason: s.reason })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'period', 'period_start'])
        .doUpdateSet({ state: 'active', ended_reason: null, ended_at: null, lifted_by: null, until: s.until })
        .where('tenant_suspensions.ended_reason', '=', 'limit_raised'),
    )
    .execute();
}

export async function endSuspension(db: Db, tenantId: string, period: TrafficPeriod, periodStart: Date, reason: string, liftedBy?: string): Promise<boolean> {
  const result = await db
    .updateTable('tenant_suspensions')
    .set({ state: 'ended', ended_reason: reason, ended_at: new Date(), lifted_by: liftedBy ?? null })
    .where('tenant_id', '=', tenantId)
    .where('period', '=', period)
    .where('period_start', '=', periodStart)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function tenantThresholds(db: Db, tenantId: string) {
  return db
    .selectFrom('tenants')
    .select(['daily_alarm', 'daily_limit', 'hourly_alarm', 'hourly_limit', 'contact_numbers'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

/** Messages a tenant has had accepted since `start`. */
export async function countTenantMessages(db: Db, tenantId: string, start: Date): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('created_at', '>=', start)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Thresholds {
  dailyAlarm: number | null;
  dailyLimit: number | null;
  hourlyAlarm: number | null;
  hourlyLimit: number | null;
  contactNumbers: string[];
}

/** Sets a tenant's alarm and limit values and where the notices go. */
export async function setThresholds(db: Db, tenantId: string, t: Thresholds): Promise<void> {
  await db
    .updateTable('tenants')
    .set({ daily_alarm: t.dailyAlarm, daily_limit: t.dailyLimit, hourly_alarm: t.hourlyAlarm, hourly_limit: t.hourlyLimit, contact_numbers: t.contactNumbers })
    .where('id', '=', tenantId)
    .execute();
}
