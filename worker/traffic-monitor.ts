import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { notifyTenant } from '../accept/system-notices.ts';
import { findSuspension, recordTrafficEvent, trafficOfWatchedTenants, type TenantTraffic } from '../db/traffic.ts';
import { periodBounds, thresholdsReached } from '../domain/traffic.ts';
import type { Suspensions } from '../processes/sending-suspension.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface TrafficMonitorOptions {
  db: Db;
  logger: Logger;
  suspensions: Suspensions;
  /** How often the counts are checked (default 5 s): a tenant can overshoot its limit by what it sends meanwhile. */
  intervalMs?: number;
  now?: () => Date;
}

/**
 * Compares each watched tenant's messages this day and hour (Asia/Shanghai) with its thresholds: the alarm value
 * sends one alarm SMS to the tenant's contacts per period, the limit value starts the sending suspension.
 */
export function trafficCheck(options: TrafficMonitorOptions) {
  const { db, logger, suspensions } = options;
  async function alarm(traffic: TenantTraffic) {
    await db.transaction().execute(async (trx) => {
      if (!(await recordTrafficEvent(trx, traffic, 'alarm'))) return;
      const when = traffic.period === 'day' ? 'today' : 'this hour';
      await notifyTenant(trx, traffic.tenantId, `Tern traffic alarm: ${traffic.count} messages ${when}; the alarm value is ${traffic.alarm}.`);
      logger.warn({ tenantId: traffic.tenantId, period: traffic.period, count: traffic.count }, 'traffic alarm sent');
    });
  }
  async function limit(traffic: TenantTraffic, end: Date) {
    const existing = await findSuspension(db, traffic.tenantId, traffic.period, traffic.periodStart);
    // In force, lifted by an operator, or over: nothing to start. Ended by a raised limit: this is a new breach.
    if (existing && (existing.state === 'active' || existing.ended_reason !== 'limit_raised')) return;
    // Started before it is recorded: a crash in between starts it again (harmless), never not at all.
    await suspensions.start({ tenantId: traffic.tenantId, period: traffic.period, periodStart: traffic.periodStart.toISOString(), until: end.toISOString() });
    if (await recordTrafficEvent(db, traffic, 'limit')) logger.warn({ tenantId: traffic.tenantId, period: traffic.period, count: traffic.count }, 'traffic limit reached; sending suspended');
  }
  return async (): Promise<void> => {
    const now = options.now?.() ?? new Date();
    const bounds = [periodBounds('day', now), periodBounds('hour', now)];
    const traffic = await trafficOfWatchedTenants(db, bounds.map((b) => ({ period: b.period, start: b.start })));
    for (const t of traffic) {
      const reached = thresholdsReached(t.count, { alarm: t.alarm, limit: t.limit });
      if (reached.includes('alarm')) await alarm(t);
      if (reached.includes('limit')) await limit(t, bounds.find((b) => b.period === t.period)?.end ?? now);
    }
  };
}

export function startTrafficMonitor(options: TrafficMonitorOptions): RunningLoop {
  const check = trafficCheck(options);
  return startLoop({ name: 'traffic-monitor', logger: options.logger, idleMs: options.intervalMs ?? 5_000, step: async () => (await check(), false) });
}
