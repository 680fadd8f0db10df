import type { Db } from '../db/connect.ts';
import { insertAcceptedRequest, type AcceptedBatch } from '../db/messages.ts';
import type { AppRow } from '../db/schema.ts';
import type { NewSendRequest } from '../db/send-requests.ts';
import type { ScheduledSends } from './scheduled-sends.ts';

/**
 * Commits an accepted request, whichever API it came through: `false` (nothing written) when a concurrent
 * request already holds its idempotency key.
 */
export async function storeAccepted(
  deps: { db: Db; scheduledSends: ScheduledSends },
  app: AppRow,
  request: NewSendRequest,
  batch: AcceptedBatch,
): Promise<boolean> {
  const { sendAt } = request;
  // An immediate send is one statement (atomic on its own, one round trip, the dispatcher notified at commit).
  // A scheduled one also starts its workflow before the commit: if the commit then fails, the workflow wakes
  // to find nothing to send, whereas the other order could leave committed messages that nothing will release.
  if (!sendAt) return insertAcceptedRequest(deps.db, request, batch, { notify: true });
  return deps.db.transaction().execute(async (trx) => {
    const fresh = await insertAcceptedRequest(trx, request, batch, { notify: false });
    if (fresh) await deps.scheduledSends.schedule({ requestId: request.id, tenantId: app.tenant_id, sendAt });
    return fresh;
  });
}
