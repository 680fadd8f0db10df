import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { endHold, findHold, holdEndingNow } from '../db/billing-holds.ts';
import { addNoticeOnce } from '../db/tenant-notices.ts';
import type { HoldEndReason } from '../db/schema.ts';

export interface QuotaHoldInput {
  holdId: number;
  tenantId: string;
}

/** The quota-runout workflow's I/O: the hold row the charge function checks, and the notices to the tenant. */
export function createBillingActivities({ db, logger }: { db: Db; logger: Logger }) {
  return {
    /** Tells the tenant its international sending is held (once per hold, however often retried). */
    async beginHold(input: QuotaHoldInput): Promise<void> {
      await addNoticeOnce(db, input.tenantId, { kind: 'quota_runout', details: { holdId: input.holdId } });
      logger.warn({ tenantId: input.tenantId, holdId: input.holdId }, 'international packages used up; sending held (billing mode 2)');
    },
    /** Why the hold can end at `at` (a top-up, a mode change, or it already ended), or null while it holds. */
    async whyHoldEnds(input: QuotaHoldInput, at: string): Promise<HoldEndReason | null> {
      const hold = await findHold(db, input.holdId);
      if (!hold) return 'released';
      if (hold.ended_reason) return hold.ended_reason;
      return holdEndingNow(db, hold, new Date(at));
    },
    async endHold(input: QuotaHoldInput, reason: HoldEndReason, operatorId?: string): Promise<void> {
      if (await endHold(db, input.holdId, reason, operatorId ?? null)) {
        await addNoticeOnce(db, input.tenantId, { kind: 'quota_resumed', details: { holdId: input.holdId, reason } });
        logger.info({ tenantId: input.tenantId, holdId: input.holdId, reason }, 'international sending resumed');
      }
    },
  };
}

export type BillingActivities = ReturnType<typeof createBillingActivities>;
