import type { Db } from '../db/connect.ts';
import { insertAcceptedRequests, type AcceptedBatch } from '../db/messages.ts';
import type { AppRow } from '../db/schema.ts';
import type { NewSendRequest } from '../db/send-requests.ts';
import { chargeMessages, type ChargeInput } from '../db/billing-charge.ts';
import { explainRefusals, screenInput, screenMainlandRecipients, type Rejection, type ScreenedMessage } from './mainland-screen.ts';
import type { ScheduledSends } from '../processes/scheduled-send.ts';
import { GroupCommit } from './group-commit.ts';

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
      const keep = g.ids.flatMap((id, i) => (rejected.has(id) ? [] : [i]));
      const pick = (values: readonly string[]) => keep.map((i) => values[i] ?? '');
      return { ...g, ids: pick(g.ids), recipients: pick(g.recipients), countries: pick(g.countries) };
    })
    .filter((g) => g.ids.length > 0);
  return { ...batch, groups };
}

/** What a plain accept's statement did with its request: stored or not, and the messages refused. */
interface PlainStored {
  stored: boolean;
  refused: Map<string, string>;
}

/** Gathers a tenant's concurrent plain accepts (immediate, without an idempotency key) into one statement. */
export type AcceptCommitter = GroupCommit<AcceptPlan, PlainStored>;

/** Messages a group of accepts may hold: a request of 1,000 numbers goes alone, single sends go by the hundred. */
const maxGroupMessages = 500;

const messagesOf = (plan: AcceptPlan) => plan.batch.groups.reduce((n, g) => n + g.ids.length, 0);

/** Plain accepts of one tenant in one statement: their screens and charges joined, each told its own outcome. */
async function storePlainGroup(db: Db, tenantId: string, plans: readonly AcceptPlan[]): Promise<PlainStored[]> {
  const first = plans[0];
  if (!first) return [];
  const screens = plans.map((p) => screenInput(tenantId, p.screened, first.at));
  const charges = plans.flatMap((p) => (p.charge ? [p.charge] : []));
  const charge = charges.length === 0 ? undefined : {
    tenantId,
    ids: charges.flatMap((c) => c.ids),
    scopes: charges.flatMap((c) => c.scopes),
    countries: charges.flatMap((c) => c.countries),
    segments: charges.flatMap((c) => c.segments),
    at: first.at,
  };
  const screen = { tenantId, at: first.at, numbers: screens.flatMap((x) => x.numbers), hashes: screens.flatMap((x) => x.hashes), ids: screens.flatMap((x) => x.ids) };
  const requests = plans.map((p) => ({ request: { ...p.request, response: null }, batch: p.batch }));
  const inserted = await retryingDeadlocks(() => insertAcceptedRequests(db, tenantId, requests, { notify: true, screen, charge }));
  return plans.map((p) => {
    const own = new Set(p.batch.groups.flatMap((g) => g.ids));
    return { stored: inserted.stored.has(p.request.id), refused: new Map([...inserted.refused].filter(([id]) => own.has(id))) };
  });
}

/** The API's group commit of plain accepts (see `group-commit.ts`), over `db`. */
export function acceptCommitter(db: Db, onGroup?: (size: number) => void): AcceptCommitter {
  return new GroupCommit((plans) => storePlainGroup(db, plans[0]?.request.tenantId ?? '', plans), { maxWeight: maxGroupMessages, ...(onGroup ? { onGroup } : {}) });
}

/** A keyed request whose key a concurrent request took: its transaction is undone. */
class KeyTaken extends Error {}

/**
 * Commits an accepted request, whichever API it came through: the mainland screen, the charge (when the plan has
 * one; the platform's own notices are not billed) and the store, all or nothing. The usual request (immediate,
 * without an idempotency key) is one statement, shared with the tenant's plain accepts that arrive while its
 * previous one runs (group commit, `group-commit.ts`): its mainland messages are screened under locks held until
 * commit, the rest charged, and the requests and the messages that pass both are stored (atomic on its own, the
 * dispatcher notified at commit). A keyed request must store its answer, rejections included, so it is screened and charged
 * first, in a transaction with the insert that is undone if a concurrent request took the key. A scheduled send
 * also starts its workflow in that transaction, before its commit: if the commit then fails, the workflow wakes to
 * find nothing to send, whereas the other order could leave committed messages that nothing releases.
 */
export async function storeAccepted(deps: StoreDeps, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  if (!plan.request.sendAt && !plan.request.idempotencyKey) return storePlain(deps, app, plan);
  return retryingDeadlocks(() => storeKeyedOrScheduled(deps, app, plan));
}

export interface StoreDeps {
  db: Db;
  scheduledSends?: ScheduledSends | undefined;
  /** Groups concurrent plain accepts; without it each is stored on its own. */
  committer?: AcceptCommitter | undefined;
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

/** The usual request: one statement, shared with the tenant's concurrent plain accepts. */
async function storePlain(deps: StoreDeps, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  const inserted = deps.committer
    ? await deps.committer.add(app.tenant_id, plan, messagesOf(plan))
    : (await storePlainGroup(deps.db, app.tenant_id, [plan]))[0];
  const rejected = explainRefusals(inserted?.refused ?? new Map(), plan.screened);
  plan.respond(rejected);
  return { fresh: true, stored: inserted?.stored === true, rejected };
}

async function storeKeyedOrScheduled(deps: StoreDeps, app: AppRow, plan: AcceptPlan): Promise<AcceptStored> {
  const { request } = plan;
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
      const { stored } = await insertAcceptedRequests(trx, app.tenant_id, [{ request: keyed, batch }], { notify: !sendAt });
      if (!stored.has(request.id)) throw new KeyTaken();
      if (sendAt && scheduledSends) await scheduledSends.schedule({ requestId: request.id, tenantId: app.tenant_id, sendAt });
      return { fresh: true, stored: true, rejected };
    });
  } catch (err) {
    if (err instanceof KeyTaken) return { fresh: false, stored: false, rejected: new Map() };
    throw err;
  }
}
