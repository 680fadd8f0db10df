import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { notifyTenant } from '../accept/system-notices.ts';
import { beginSuspension, countTenantMessages, endSuspension, tenantThresholds } from '../db/traffic.ts';
import type { TrafficPeriod } from '../db/schema.ts';

export interface SuspensionInput {
  tenantId: string;
  period: TrafficPeriod;
  /** ISO times: the period that reached its limit, and when it ends. */
  periodStart: string;
  until: string;
}

/** The sending suspension's I/O: the suspension row that the accept step checks, and notices to the tenant. */
export function createTrafficActivities({ db, logger }: { db: Db; logger: Logger }) {
  async function notify(tenantId: string, text: string): Promise<void> {
    const sent = await notifyTenant(db, tenantId, text);
    logger.info({ tenantId, notices: sent.length }, 'tenant notified');
  }
  return {
    async beginSuspension(input: SuspensionInput): Promise<void> {
      const reason = `The ${input.period === 'day' ? 'daily' : 'hourly'} limit was reached.`;
      await beginSuspension(db, { tenantId: input.tenantId, period: input.period, periodStart: new Date(input.periodStart), until: new Date(input.until), reason });
      await notify(input.tenantId, `Tern: sending is suspended until ${input.until}: the ${input.period === 'day' ? 'daily' : 'hourly'} limit was reached.`);
    },
    /** Whether the tenant's count for the period is still at or over its limit (after the tenant changed it). */
    async stillOverLimit(input: SuspensionInput): Promise<boolean> {
      const t = await tenantThresholds(db, input.tenantId);
      const limit = input.period === 'day' ? t?.daily_limit : t?.hourly_limit;
      if (limit === null || limit === undefined) return false;
      return (await countTenantMessages(db, input.tenantId, new Date(input.periodStart))) >= limit;
    },
    async endSuspension(input: SuspensionInput, reason: 'period_ended' | 'limit_raised' | 'lifted', operatorId?: string): Promise<void> {
      if (await endSuspension(db, input.tenantId, input.period, new Date(input.periodStart), reason, operatorId)) {
        await notify(input.tenantId, 'Tern: sending has resumed.');
      }
    },
  };
}

export type TrafficActivities = ReturnType<typeof createTrafficActivities>;
