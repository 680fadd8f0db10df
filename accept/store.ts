import type { Db } from '../db/connect.ts';
import { insertAcceptedRequest, type AcceptedBatch } from '../db/messages.ts';
import type { AppRow } from '../db/schema.ts';
import type { NewSendRequest } from '../db/send-requests.ts';
import { chargeMessages, type ChargeInput } from '../db/billing-charge.ts';
import { explainRefusals, screenInput, screenMainlandRecipients, type Rejection, type ScreenedMessage } from './mainland-screen.ts';
import type { ScheduledSends } from '../processes/scheduled-send.ts';

export interface AcceptPlan {
  /** The request; its stored answer comes from `respond`. */
  request: Omit<NewSendRequest, 'response'>;
  batch: AcceptedBatch;
  /** Mainland messages, checked against the blocklist and the frequency limits (see `mainland-screen.ts`). */
  screened: readonly ScreenedMessage[];
  /** Every message, charged when stored (db/billing-charge.ts); absent for the platform's own notices. */
  charge?: ChargeInput | undefined;
  /** When the messages go: the send time, or now. */
  at: Date;
  /** Builds the answer (stored for idempotent replays) from the messages the screen refused; called once. */
  respond(rejected: ReadonlyMap<string, Rejection>): unknown;
}

export interface AcceptStored {
  /** False when a concurrent request already holds the idempotency key (nothing written). */
  fresh: boolean;
  /** False when every message was refused by the screen or the charge (nothing written). */
  stored: boolean;
  rejected: ReadonlyMap<string, Rejection>;
}

function withoutIds(charge: ChargeInput, rejected: ReadonlyMap<string, Rejection>): ChargeInput {
  if (rejected.size === 0) return charge;
  const keep = charge.ids.map((id, i) => i).filter((i) => !rejected.has(charge.ids[i] ?? ''));
  const pick = <T>(values: readonly T[]) => keep.map((i) => values[i] as T);
  return { ...charge, ids: pick(charge.ids), scopes: pick(charge.scopes), countries: pick(charge.countries), segments: pick(charge.segments) };
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

/** A keyed request whose key a concurrent request took: its transaction is undone. */
class KeyTaken extends Error {}

/**
 * Commits an accepted request, whichever API it came through: the mainland screen, the charge (when the plan has
 * one; the platform's own notices are not billed) and the store, all or nothing. The usual request (immediate,
 * without an idempotency key) is one statement: its mainland messages are screened under locks held until commit,
 * the rest charged, and the request and the messages that pass both are stored (atomic on its own, the dispatcher
 * notified at commit). A keyed request must store its answer, rejections included, so it is screened and charged
 * first, in a transaction with the insert that is undone if a concurrent request took the key. A scheduled send
 * also starts its workflow in that transaction, before its commit: if the commit then fails, the workflow wakes to
 * find nothing to send, whereas the other order could leave committed messages that nothing releases.
 */
export async function storeAccepted(deps: { db: Db; scheduledSends?: ScheduledSends }, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  return retryingDeadlocks(() => storeOnce(deps, app, plan));
}

/**
 * The charge locks package shards in one order, and never waits for one while it holds another, save in a race
 * Postgres allows (a shard a locking read skipped stays locked): the rare deadlock that follows undoes the whole
 * statement or transaction, and Postgres says so, so it is tried again, at most twice more.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= 3 || (err as { code?: string }).code !== '40P01') throw err;
    }
  }
}

async function storeOnce(deps: { db: Db; scheduledSends?: ScheduledSends }, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  const { request } = plan;
  const total = plan.batch.groups.reduce((n, g) => n + g.ids.length, 0);
  if (!request.sendAt && !request.idempotencyKey) {
    const screen = screenInput(app.tenant_id, plan.screened, plan.at);
    const inserted = await insertAcceptedRequest(deps.db, { ...request, response: null }, plan.batch, { notify: true, screen, charge: plan.charge });
    const rejected = explainRefusals(inserted.refused, plan.screened);
    plan.respond(rejected);
    const stored = rejected.size < total;
    return { fresh: true, stored, rejected };
  }
  const sendAt = request.sendAt;
  const scheduledSends = deps.scheduledSends;
  if (sendAt && !scheduledSends) throw new Error('a scheduled send needs the scheduled-send process');
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const rejected = await screenMainlandRecipients(trx, app.tenant_id, plan.screened, plan.at);
      if (plan.charge) {
        const unpaid = await chargeMessages(trx, withoutIds(plan.charge, rejected));
        for (const [id, refusal] of explainRefusals(unpaid, plan.screened)) rejected.set(id, refusal);
      }
      const batch = withoutRejected(plan.batch, rejected);
      if (batch.groups.length === 0) {
        plan.respond(rejected);
        return { fresh: true, stored: false, rejected };
      }
      const keyed = { ...request, response: plan.respond(rejected) };
      const { fresh } = await insertAcceptedRequest(trx, keyed, batch, { notify: !sendAt });
      if (!fresh) throw new KeyTaken();
      if (sendAt && scheduledSends) await scheduledSends.schedule({ requestId: request.id, tenantId: app.tenant_id, sendAt });
      return { fresh: true, stored: true, rejected };
    });
  } catch (err) {
    if (err instanceof KeyTaken) return { fresh: false, stored: false, rejected: new Map() };
    throw err;
  }
}
