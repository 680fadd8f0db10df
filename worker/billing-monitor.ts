import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { notifyTenant } from '../accept/system-notices.ts';
import { holdsAwaitingWorkflow, markHoldWorkflowStarted } from '../db/billing-holds.ts';
import { claimUnsentNotices, queueNoticeEvents } from '../db/tenant-notices.ts';
import { noticeText } from '../domain/billing.ts';
import type { QuotaHolds } from '../processes/quota-runout.ts';
import { startLoop, type RunningLoop } from './loop.ts';

export interface BillingMonitorOptions {
  db: Db;
  logger: Logger;
  holds: QuotaHolds;
  /** How often it looks for new holds and notices (default 1 s). */
  intervalMs?: number;
}

const batch = 20;

/**
 * What the charge function (in the API's accept) leaves for the worker: it starts the quota-runout workflow of each
 * new mode-2 hold, and sends each tenant notice (quota alarms, holds) as an SMS to the tenant's contact numbers and
 * a callback event to its apps, in the transaction that marks the notice sent: each is sent exactly once. Notices
 * go first: they need no Temporal.
 */
export function billingCheck({ db, logger, holds }: BillingMonitorOptions) {
  return async (): Promise<boolean> => {
    const sent = await db.transaction().execute(async (trx) => {
      const notices = await claimUnsentNotices(trx, batch);
      for (const notice of notices) {
        const messages = await notifyTenant(trx, notice.tenant_id, noticeText(notice));
        await queueNoticeEvents(trx, notice);
        logger.info({ tenantId: notice.tenant_id, kind: notice.kind, sms: messages.length }, 'tenant notice sent');
      }
      return notices.length;
    });
    const waiting = await holdsAwaitingWorkflow(db, batch);
    for (const hold of waiting) {
      // Started before it is marked: a crash in between starts it again (harmless), never not at all.
      await holds.start({ holdId: hold.id, tenantId: hold.tenant_id });
      await markHoldWorkflowStarted(db, hold.id);
      logger.info({ tenantId: hold.tenant_id, holdId: hold.id }, 'quota-runout workflow started');
    }
    return waiting.length === batch || sent === batch;
  };
}

export function startBillingMonitor(options: BillingMonitorOptions): RunningLoop {
  const check = billingCheck(options);
  return startLoop({ name: 'billing-monitor', logger: options.logger, idleMs: options.intervalMs ?? 1_000, step: check });
}
