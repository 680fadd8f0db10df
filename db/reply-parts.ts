import { sql, type RawBuilder } from 'kysely';
import { joinReplyParts, type InboundReply } from '../domain/replies.ts';
import type { ConcatInfo } from '../domain/segments.ts';
import type { Db } from './connect.ts';
import { storeReply } from './replies.ts';

/** What the parts of one concatenated reply share. */
interface PartSet {
  carrier: string;
  sender: string;
  recipient: string;
  reference: number;
  total: number;
}

interface StoredPart {
  seq: number;
  text_utf16: Buffer;
  received_at: Date;
}

/** A reply delivered without some of its parts, after the timeout. */
export interface IncompleteReply {
  replyId: string;
  carrier: string;
  reference: number;
  total: number;
  missingParts: number[];
}

/**
 * Stores one part of a concatenated reply; the part that completes its set turns the set into one reply in the
 * same transaction, and resolves true (the others false). Parts of one set are stored one at a time, so two last
 * parts arriving at once on two sessions make one reply. A copy of a part already stored (the SMSC sending it again,
 * before or after its reply was made) is dropped; so is a different text for a part that is waiting already (the
 * first stays). A part of a delivered set that is not a copy begins a new reply that reuses the reference.
 */
export async function storeReplyPart(db: Db, carrier: string, reply: InboundReply, part: ConcatInfo): Promise<boolean> {
  const set: PartSet = { carrier, sender: reply.from, recipient: reply.to, reference: part.reference, total: part.total };
  const text = Buffer.from(reply.text, 'utf16le');
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${lockKey(set)})`.execute(trx);
    const { rows: stored } = await sql<{ seq: number; same_text: boolean; delivered: boolean }>`
      select seq, text_utf16 = ${text} as same_text, delivered_at is not null as delivered
      from reply_parts where ${ofSet(set)}`.execute(trx);
    const earlier = stored.find((p) => p.seq === part.seq);
    if (earlier && (earlier.same_text || !earlier.delivered)) return false;
    // A set's parts are all waiting or all delivered; a delivered set's parts make way for the new reply's.
    const delivered = stored.some((p) => p.delivered);
    if (delivered) await sql`delete from reply_parts where ${ofSet(set)}`.execute(trx);
    const waiting = delivered ? 0 : stored.length;
    await sql`
      insert into reply_parts (carrier, sender, recipient, reference, total, seq, text_utf16, received_at)
      values (${set.carrier}, ${set.sender}, ${set.recipient}, ${set.reference}, ${set.total}, ${part.seq}, ${text}, ${reply.receivedAt})`.execute(trx);
    if (waiting + 1 < set.total) return false;
    const { rows } = await sql<StoredPart>`
      update reply_parts set delivered_at = now() where ${ofSet(set)}
      returning seq, text_utf16, received_at`.execute(trx);
    await storeReply(trx, carrier, joined(set, rows).reply);
    return true;
  });
}

/**
 * Delivers each set whose first part came more than `timeoutMs` ago as one reply, with the text of the parts that
 * came and the numbers of those that did not; at most `limit` sets. A set another worker is storing a part of or
 * delivering right now is skipped for this round, so every set becomes exactly one reply.
 */
export async function deliverOverdueReplyParts(db: Db, timeoutMs: number, limit: number): Promise<IncompleteReply[]> {
  const { rows: sets } = await sql<PartSet>`
    select distinct carrier, sender, recipient, reference, total from reply_parts
    where delivered_at is null and stored_at < now() - make_interval(secs => ${timeoutMs / 1000})
    limit ${limit}`.execute(db);
  const delivered: IncompleteReply[] = [];
  for (const set of sets) {
    const reply = await deliverOverdueSet(db, set, timeoutMs);
    if (reply) delivered.push(reply);
  }
  return delivered;
}

async function deliverOverdueSet(db: Db, set: PartSet, timeoutMs: number): Promise<IncompleteReply | null> {
  return db.transaction().execute(async (trx) => {
    const { rows: locks } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${lockKey(set)}) as locked`.execute(trx);
    if (!locks[0]?.locked) return null;
    // Read again under the lock: another worker may have delivered the set since it was found.
    const { rows } = await sql<StoredPart>`
      update reply_parts set delivered_at = now() where ${ofSet(set)} and delivered_at is null
        and exists (select from reply_parts where ${ofSet(set)} and delivered_at is null
                    and stored_at < now() - make_interval(secs => ${timeoutMs / 1000}))
      returning seq, text_utf16, received_at`.execute(trx);
    if (rows.length === 0) return null;
    const { reply, missingParts } = joined(set, rows);
    const replyId = await storeReply(trx, set.carrier, reply, missingParts);
    return { replyId, carrier: set.carrier, reference: set.reference, total: set.total, missingParts };
  });
}

/** Deletes at most `limit` parts whose reply was made more than `keptMs` ago: the SMSC will not send them again. */
export async function forgetDeliveredReplyParts(db: Db, keptMs: number, limit: number): Promise<number> {
  const result = await sql`
    delete from reply_parts where (carrier, sender, recipient, reference, total, seq) in (
      select carrier, sender, recipient, reference, total, seq from reply_parts
      where delivered_at < now() - make_interval(secs => ${keptMs / 1000}) limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The set's transaction-scoped advisory lock key, shared by the part store and the timeout. */
function lockKey(set: PartSet): RawBuilder<unknown> {
  return sql`hashtextextended(${['reply-parts', set.carrier, set.sender, set.recipient, set.reference, set.total].join(':')}, 0)`;
}

function ofSet(set: PartSet): RawBuilder<unknown> {
  return sql`carrier = ${set.carrier} and sender = ${set.sender} and recipient = ${set.recipient}
    and reference = ${set.reference} and total = ${set.total}`;
}

/** The reply a set's parts make: their texts in part order, received when its last part came. */
function joined(set: PartSet, parts: readonly StoredPart[]): { reply: InboundReply; missingParts: number[] } {
  const { text, missingParts } = joinReplyParts(
    set.total,
    parts.map((p) => ({ seq: p.seq, text: p.text_utf16.toString('utf16le') })),
  );
  const receivedAt = new Date(Math.max(...parts.map((p) => p.received_at.getTime())));
  return { reply: { from: set.sender, to: set.recipient, text, receivedAt }, missingParts };
}
