import type { Db } from '../db/connect.ts';
import { insertAcceptedRequest, type AcceptedBatch } from '../db/messages.ts';
import type { AppRow } from '../db/schema.ts';
import type { NewSendRequest } from '../db/send-requests.ts';
import { screenRecipients, type Rejection, type ScreenedMessage } from './recipient-screen.ts';
import type { ScheduledSends } from './scheduled-sends.ts';

export interface AcceptPlan {
  /** The request; its stored answer comes from `respond`. */
  request: Omit<NewSendRequest, 'response'>;
  batch: AcceptedBatch;
  /** Mainland messages, checked against the blocklist and the frequency limits inside the transaction. */
  screened: readonly ScreenedMessage[];
  /** When the messages go: the send time, or now. */
  at: Date;
  /** The answer to store (for idempotent replays), given the messages the screen refused. */
  respond(rejected: ReadonlyMap<string, Rejection>): unknown;
}

export interface AcceptStored {
  /** False when a concurrent request already holds the idempotency key (nothing written). */
  fresh: boolean;
  /** False when every message was refused by the screen (nothing written). */
  stored: boolean;
  rejected: ReadonlyMap<string, Rejection>;
}

function withoutRejected(batch: AcceptedBatch, rejected: ReadonlyMap<string, Rejection>): AcceptedBatch {
  if (rejected.size === 0) return batch;
  const groups = batch.groups
    .map((g) => {
      const keep = g.ids.map((id, i) => [id, g.recipients[i] ?? ''] as const).filter(([id]) => !rejected.has(id));
      return { ...g, ids: keep.map(([id]) => id), recipients: keep.map(([, r]) => r) };
    })
    .filter((g) => g.ids.length > 0);
  return { ...batch, groups };
}

/**
 * Commits an accepted request, whichever API it came through. A plain immediate send is one statement (atomic on
 * its own, one round trip, the dispatcher notified at commit). Mainland recipients add the screen, and a
 * scheduled send its workflow, in one transaction: the workflow is started before the commit, so a failed commit
 * leaves a workflow that finds nothing to send, whereas the other order could leave committed messages that
 * nothing releases.
 */
export async function storeAccepted(deps: { db: Db; scheduledSends: ScheduledSends }, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  const { request } = plan;
  const none = new Map<string, Rejection>();
  if (!request.sendAt && plan.screened.length === 0) {
    const fresh = await insertAcceptedRequest(deps.db, { ...request, response: plan.respond(none) }, plan.batch, { notify: true });
    return { fresh, stored: fresh, rejected: none };
  }
  return deps.db.transaction().execute(async (trx) => {
    const rejected = await screenRecipients(trx, app.tenant_id, plan.screened, plan.at);
    const batch = withoutRejected(plan.batch, rejected);
    if (batch.groups.length === 0) return { fresh: true, stored: false, rejected };
    // NOTIFY inside a transaction is delivered at commit.
    const fresh = await insertAcceptedRequest(trx, { ...request, response: plan.respond(rejected) }, batch, { notify: !request.sendAt });
    if (fresh && request.sendAt) await deps.scheduledSends.schedule({ requestId: request.id, tenantId: app.tenant_id, sendAt: request.sendAt });
    return { fresh, stored: fresh, rejected };
  });
}
