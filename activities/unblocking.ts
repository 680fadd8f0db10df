import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import type { CarrierManagement } from '../carriers/management.ts';
import type { UnblockStatus } from '../domain/unblocking.ts';
import { removeFromBlocklist } from '../db/blocklist.ts';
import type { Db } from '../db/connect.ts';
import { notifyTenant } from '../accept/system-notices.ts';
import { findUnblockRequest, moveUnblockRequest } from '../db/unblock-requests.ts';

/** The unblocking workflow's I/O: the request's state, the carrier's management interface, the tenant's notice. */
export function createUnblockingActivities({ db, logger, carrier }: { db: Db; logger: Logger; carrier: CarrierManagement | undefined }) {
  async function request(id: string) {
    const row = await findUnblockRequest(db, id);
    if (!row) throw ApplicationFailure.nonRetryable(`no unblock request ${id}`);
    return row;
  }
  return {
    /** Asks the carrier to unblock the number; returns the carrier's ticket. */
    async requestCarrierUnblock(id: string, operatorId: string): Promise<string> {
      if (!carrier) throw ApplicationFailure.nonRetryable('no carrier management interface is configured (TERN_CARRIER_API_URL)');
      const row = await request(id);
      const ticket = row.carrier_ticket ?? (await carrier.requestUnblock(row.number, row.reason));
      await moveUnblockRequest(db, id, 'in_review', 'carrier_pending', { decidedBy: operatorId, ticket });
      return ticket;
    },
    async carrierUnblockStatus(ticket: string): Promise<UnblockStatus> {
      if (!carrier) throw ApplicationFailure.nonRetryable('no carrier management interface is configured (TERN_CARRIER_API_URL)');
      return carrier.unblockStatus(ticket);
    },
    /** Ends the request: unblocked takes the number off the platform blocklist; the tenant is told either way. */
    async finishUnblocking(id: string, result: 'unblocked' | 'refused', outcome: string, operatorId?: string): Promise<void> {
      const row = await request(id);
      const moved = await db.transaction().execute(async (trx) => {
        const done = (await moveUnblockRequest(trx, id, row.state, result, { outcome, ...(operatorId ? { decidedBy: operatorId } : {}) })) || row.state === result;
        if (done && result === 'unblocked') await removeFromBlocklist(trx, row.number);
        return done;
      });
      if (!moved) return;
      await notifyTenant(db, row.tenant_id, result === 'unblocked' ? `Tern: ${row.number} is unblocked.` : `Tern: unblocking ${row.number} was refused: ${outcome}`);
      logger.info({ requestId: id, result }, 'unblock request finished');
    },
  };
}

export type UnblockingActivities = ReturnType<typeof createUnblockingActivities>;
