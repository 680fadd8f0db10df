import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import { enqueueStatusCallbacks } from './callbacks.ts';
import { claimLeased } from './leased-queue.ts';
import { notifyAccepted } from './messages.ts';
import { moveTo } from '../domain/message-status.ts';

const toSubmitted = moveTo('submitted');
const toFailed = moveTo('failed');

export interface ClaimedMessage {
  id: string;
  sender: string;
  recipient: string;
  body: string;
  /** This claim's attempt number. */
  attempts: number;
  /** The last attempt whose outcome was recorded: those between it and this one were lost with their worker. */
  recorded_attempt: number;
  /** Set on a message being retried after a carrier took some of its parts: the retry stays with that carrier. */
  carrier: string | null;
  /** The parts a carrier has already taken (recorded), for a message pinned to that carrier; null otherwise. */
  taken: number[] | null;
  /** The carrier lane another worker handed it to; null when it was never handed over. */
  lane: string | null;
  /** Sent by a campaign (claimed in the campaigns' lane, after the API's messages). */
  from_campaign: boolean;
}

// A pinned message's taken parts are read only for it: the usual claim (first attempts) stays one index walk.
export const dispatchQueue = {
  table: 'messages',
  readyStatus: 'accepted',
  returning: `id, sender, recipient, body, attempts, recorded_attempt, carrier, lane, campaign_id is not null as from_campaign,
    case when carrier is not null then (select array_agg(distinct p.part_no) from message_parts p where p.message_id = messages.id) end as taken`,
} as const;

/**
 * Claims due accepted messages. The claim is a lease: `next_attempt_at` moves forward, so if this worker dies
 * mid-submit the messages become due again and another worker picks them up (at-least-once delivery). Messages
 * waiting in the lane of a carrier whose binds only other workers hold (`lanesNotHere`) are left to them.
 *
 * Two claim lanes share a round (one statement): the API's messages first, then campaigns' messages for what room is
 * left, at most `campaignRoom` of them, so that a verification code never queues behind a campaign
 * (docs/architecture.md). The API's come first in the answer too.
 */
export async function claimDueMessages(
  db: Db,
  limit: number,
  leaseMs: number,
  held: readonly string[] = [],
  lanesNotHere: readonly string[] = [],
  campaignRoom = limit,
): Promise<ClaimedMessage[]> {
  const lanes = lanesNotHere.length ? sql`(lane is null or not (lane = any(${lanesNotHere}::text[])))` : sql`true`;
  const claimed = await claimLeased<ClaimedMessage>(db, dispatchQueue, limit, leaseMs, held, [
    { where: sql`campaign_id is null and ${lanes}` },
    { where: sql`campaign_id is not null and ${lanes}`, max: campaignRoom },
  ]);
  return [...claimed.filter((m) => !m.from_campaign), ...claimed.filter((m) => m.from_campaign)];
}

export interface SubmittedPartRow {
  messageId: string;
  attempt: number;
  carrier: string;
  partNo: number;
  carrierMessageId: string;
  /** When the carrier took this part (its submit_sm_resp). */
  acceptedAt: Date;
}

/** Each entry names the claim's attempt, so that a round finishing after its lease ran out records only its own. */
export interface DispatchOutcome {
  submitted: { messageId: string; attempt: number; carrier: string }[];
  /** `carrier` is null when no route matched. */
  failed: { messageId: string; attempt: number; carrier: string | null; code: string; reason: string }[];
  /**
   * `carrier` gave the answer (null when no route matched); `pin` when it took some of the parts or may have
   * taken the message, so the retry goes to it again.
   */
  retry: { messageId: string; attempt: number; carrier: string | null; pin: boolean; code: string; reason: string; retryAt: Date; maybeSent: boolean }[];
  /** Every part a carrier accepted, including parts of messages that then failed. */
  parts: SubmittedPartRow[];
  /** Upstreams passed over (down, or no route there) before the one that answered. */
  failovers: { messageId: string; carrier: string; code: string; reason: string; at: Date }[];
  /** Earlier attempts whose worker stopped before recording them (the carrier may have taken the message then). */
  unrecorded: { messageId: string; attempt: number }[];
  /**
   * Messages handed to the lane of a carrier another worker holds the binds of: not an attempt, the claim is undone
   * and that worker sends it. `at`: when it is due there (later for one handed on again, while views settle).
   */
  handoffs: { messageId: string; attempt: number; lane: string; at: Date }[];
}

export const emptyDispatchOutcome = (): DispatchOutcome => ({ submitted: [], failed: [], retry: [], parts: [], failovers: [], unrecorded: [], handoffs: [] });

/** The attempts a claim finds that nobody recorded: between the last recorded one and this claim's. */
export function unrecordedAttempts(message: Pick<ClaimedMessage, 'id' | 'attempts' | 'recorded_attempt'>): DispatchOutcome['unrecorded'] {
  const lost: DispatchOutcome['unrecorded'] = [];
  for (let attempt = message.recorded_attempt + 1; attempt < message.attempts; attempt++) lost.push({ messageId: message.id, attempt });
  return lost;
}

const unrecordedReason = (attempt: number) =>
  `the worker of attempt ${attempt} stopped before recording what the carrier answered; the carrier may have taken the message then, so it may reach the handset twice`;

/**
 * Writes one dispatch round's results atomically. The usual round (every message submitted) is a single
 * statement; failures and retries add theirs in the same transaction.
 */
export async function recordDispatch(db: Db, outcome: DispatchOutcome): Promise<void> {
  const now = new Date();
  // Each message's carrier is looked up by position rather than by joining an unnest: with the worker's sessions
  // limited to nested loops, the join cost this statement 24 ms a round in the bench against 15 ms this way.
  const submittedIds = outcome.submitted.map((s) => s.messageId);
  // Every submission is a row of its own: recording the same round twice (its commit went through, the answer
  // did not) adds nothing, and a part sent again never overwrites its first submission or that one's receipt.
  const submittedAndParts = (trx: Db) => sql`${prepared}
    with parts as (
      insert into message_parts (message_id, part_no, attempt, carrier, carrier_message_id, submitted_at)
      select m, p, a, r, c, s
      from unnest(${outcome.parts.map((p) => p.messageId)}::uuid[], ${outcome.parts.map((p) => p.partNo)}::int[],
                  ${outcome.parts.map((p) => p.attempt)}::int[], ${outcome.parts.map((p) => p.carrier)}::text[],
                  ${outcome.parts.map((p) => p.carrierMessageId)}::text[], ${outcome.parts.map((p) => p.acceptedAt)}::timestamptz[]) as t(m, p, a, r, c, s)
      on conflict (message_id, part_no, attempt) do nothing
    )
    update messages set status = ${toSubmitted.to}, submitted_at = ${now}, error_code = null, error_message = null,
      carrier = (${outcome.submitted.map((s) => s.carrier)}::text[])[array_position(${submittedIds}::uuid[], id)],
      recorded_attempt = greatest(recorded_attempt, (${outcome.submitted.map((s) => s.attempt)}::int[])[array_position(${submittedIds}::uuid[], id)])
    where id = any(${submittedIds}::uuid[]) and status = any(${toSubmitted.from}::text[])`.execute(trx);

  if (outcome.failed.length === 0 && outcome.retry.length === 0 && outcome.failovers.length === 0 && outcome.unrecorded.length === 0 && outcome.handoffs.length === 0) {
    if (outcome.parts.length || outcome.submitted.length) await submittedAndParts(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    if (outcome.parts.length || outcome.submitted.length) await submittedAndParts(trx);
    if (outcome.failed.length) {
      await sql`
        update messages m set status = ${toFailed.to}, error_code = f.code, error_message = f.reason,
          carrier = coalesce(f.carrier, m.carrier), completed_at = ${now}, recorded_attempt = greatest(m.recorded_attempt, f.attempt)
        from unnest(${outcome.failed.map((f) => f.messageId)}::uuid[], ${outcome.failed.map((f) => f.carrier)}::text[],
                    ${outcome.failed.map((f) => f.code)}::text[], ${outcome.failed.map((f) => f.reason)}::text[],
                    ${outcome.failed.map((f) => f.attempt)}::int[]) as f(id, carrier, code, reason, attempt)
        where m.id = any(${outcome.failed.map((f) => f.messageId)}::uuid[]) and m.id = f.id
          and m.status = any(${toFailed.from}::text[])`.execute(trx);
      await enqueueStatusCallbacks(trx, outcome.failed.map((f) => f.messageId));
    }
    const setbacks = [
      ...outcome.retry.map((r) => ({ messageId: r.messageId, attempt: r.attempt, carrier: r.carrier, code: r.code, reason: r.reason, maybeSent: r.maybeSent })),
      ...outcome.unrecorded.map((u) => ({ messageId: u.messageId, attempt: u.attempt, carrier: null, code: 'ATTEMPT_UNRECORDED', reason: unrecordedReason(u.attempt), maybeSent: true })),
    ];
    if (setbacks.length) {
      await sql`
        insert into message_retries (message_id, attempt, at, carrier, code, reason, maybe_sent)
        select * from unnest(${setbacks.map((r) => r.messageId)}::uuid[], ${setbacks.map((r) => r.attempt)}::int[],
                             ${setbacks.map(() => now)}::timestamptz[], ${setbacks.map((r) => r.carrier)}::text[],
                             ${setbacks.map((r) => r.code)}::text[], ${setbacks.map((r) => r.reason)}::text[],
                             ${setbacks.map((r) => r.maybeSent)}::boolean[])
        on conflict (message_id, attempt) do nothing`.execute(trx);
    }
    if (outcome.retry.length) {
      // A round that outlived its lease finds the message claimed again (a later attempt): it leaves it alone.
      await sql`
        update messages m set next_attempt_at = r.at, error_code = r.code, error_message = r.reason,
          carrier = case when r.pin then r.carrier else m.carrier end, recorded_attempt = greatest(m.recorded_attempt, r.attempt)
        from unnest(${outcome.retry.map((r) => r.messageId)}::uuid[], ${outcome.retry.map((r) => r.retryAt)}::timestamptz[],
                    ${outcome.retry.map((r) => r.code)}::text[], ${outcome.retry.map((r) => r.reason)}::text[],
                    ${outcome.retry.map((r) => r.carrier)}::text[], ${outcome.retry.map((r) => r.attempt)}::int[],
                    ${outcome.retry.map((r) => r.pin)}::boolean[])
          as r(id, at, code, reason, carrier, attempt, pin)
        where m.id = r.id and m.status = 'accepted' and m.attempts = r.attempt`.execute(trx);
    }
    if (outcome.handoffs.length) {
      // The claim is undone (its attempt number is used again by the lane's worker) and that worker woken.
      await sql`
        update messages m set lane = h.lane, next_attempt_at = h.at, attempts = h.attempt - 1,
          recorded_attempt = greatest(m.recorded_attempt, h.attempt - 1)
        from unnest(${outcome.handoffs.map((h) => h.messageId)}::uuid[], ${outcome.handoffs.map((h) => h.lane)}::text[],
                    ${outcome.handoffs.map((h) => h.at)}::timestamptz[], ${outcome.handoffs.map((h) => h.attempt)}::int[]) as h(id, lane, at, attempt)
        where m.id = h.id and m.status = 'accepted' and m.attempts = h.attempt`.execute(trx);
      await notifyAccepted(trx);
    }
    if (outcome.failovers.length) {
      await trx
        .insertInto('message_failovers')
        .values(outcome.failovers.map((f) => ({ message_id: f.messageId, carrier: f.carrier, code: f.code, reason: f.reason, at: f.at })))
        .execute();
    }
  });
}

/** Retry codes that mean "the carrier was not there", as opposed to an answer about the message. */
const carrierAwayCodes = ['BIND_UNAVAILABLE', 'CARRIER_OFF'];

/**
 * Makes the messages waiting out a back-off because `carrier` was away due now, when it is back: their next try
 * would otherwise come up to the back-off's maximum later. Only messages nobody holds (their last claim is
 * recorded) are moved. Returns how many.
 */
export async function releaseRetriesFor(db: Db, carrier: string): Promise<number> {
  let released = 0;
  // A lane at a time: each walks its own queue index (messages_api_queue, messages_campaign_queue).
  for (const lane of [sql`m.campaign_id is null`, sql`m.campaign_id is not null`]) {
    const result = await sql`
      update messages m set next_attempt_at = now()
      from message_retries r
      where m.status = 'accepted' and m.next_attempt_at > now() and ${lane} and m.attempts = m.recorded_attempt
        and m.error_code = any(${carrierAwayCodes}::text[])
        and r.message_id = m.id and r.attempt = m.recorded_attempt and r.carrier = ${carrier}`.execute(db);
    released += Number(result.numAffectedRows ?? 0);
  }
  return released;
}
