import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { deliverOverdueReplyParts, forgetDeliveredReplyParts, storeReplyPart } from '../../db/reply-parts.ts';
import { startReplyRouter } from '../../worker/reply-router.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { waitFor } from '../support/wait.ts';

const sets = 20;
const texts = ['a', 'b', 'c'];

/** Stores part `seq` of 3 of the reply from handset `i` (reference 7), as the hot path does for a deliver_sm. */
const storePart = (db: Db, prefix: string, i: number, seq: number, text = texts[seq - 1] ?? '') =>
  storeReplyPart(db, 'sim', { from: `${prefix}${i}`, to: '106900001001', text, receivedAt: new Date() }, { reference: 7, total: 3, seq });

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function repliesFrom(db: Db, prefix: string) {
  const { rows } = await sql<{ sender: string; text: string; missing_parts: number[] | null }>`
    select sender, text, missing_parts from inbound_replies where sender like ${`${prefix}%`} order by sender`.execute(db);
  return rows;
}

/** Parts of these handsets still waiting for the rest of their set. */
async function partsWaiting(db: Db, prefix: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from reply_parts where sender like ${`${prefix}%`} and delivered_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Makes the parts of these handsets an hour old (and their reply, when made). */
const ageParts = (db: Db, prefix: string) =>
  sql`update reply_parts set stored_at = now() - interval '1 hour', delivered_at = delivered_at - interval '1 hour'
      where sender like ${`${prefix}%`}`.execute(db);

describe('reply parts in Postgres: one reply per set under concurrency', () => {
  test('the last parts of a set arriving at once (and one of them twice) make exactly one reply', async ({ database }) => {
    const { db } = database;
    const prefix = '+861380000';
    await Promise.all(range(sets).map((i) => storePart(db, prefix, i, 1)));
    const completed = await Promise.all(range(sets).flatMap((i) => [storePart(db, prefix, i, 2), storePart(db, prefix, i, 3), storePart(db, prefix, i, 3)]));
    assert.equal(completed.filter(Boolean).length, sets, 'one stored part per set completed it');
    const replies = await repliesFrom(db, prefix);
    assert.equal(replies.length, sets);
    assert.ok(replies.every((r) => r.text === 'abc' && r.missing_parts === null), JSON.stringify(replies));
    assert.equal(await partsWaiting(db, prefix), 0);
  });

  test('a copy of a part sent after its reply was made is dropped, until the parts are forgotten', async ({ database }) => {
    const { db } = database;
    const prefix = '+861380003';
    for (const seq of [1, 2, 3]) await storePart(db, prefix, 0, seq);
    assert.equal(await storePart(db, prefix, 0, 3), false);
    assert.equal(await storePart(db, prefix, 0, 1), false);
    assert.equal(await partsWaiting(db, prefix), 0, 'no new set begun by a copy');
    assert.equal(await forgetDeliveredReplyParts(db, 60_000, 100), 0, 'kept while the SMSC may send a copy');
    await ageParts(db, prefix);
    assert.equal(await forgetDeliveredReplyParts(db, 60_000, 100), 3);
    assert.equal(await storePart(db, prefix, 0, 3), false);
    assert.equal(await partsWaiting(db, prefix), 1, 'once forgotten, the same part begins a set of its own');
    assert.equal((await repliesFrom(db, prefix)).length, 1);
  });

  test('a part of a delivered set with a different text begins a new reply under the same reference', async ({ database }) => {
    const { db } = database;
    const prefix = '+861380004';
    for (const seq of [1, 2, 3]) await storePart(db, prefix, 0, seq);
    for (const seq of [2, 1, 3]) await storePart(db, prefix, 0, seq, `new ${seq}`);
    assert.deepEqual((await repliesFrom(db, prefix)).map((r) => r.text), ['abc', 'new 1new 2new 3']);
  });

  test('an overdue set is delivered once when two workers look for it at the same time', async ({ database }) => {
    const { db } = database;
    const prefix = '+861380001';
    await Promise.all(range(sets).flatMap((i) => [storePart(db, prefix, i, 1), storePart(db, prefix, i, 3)]));
    assert.deepEqual(await deliverOverdueReplyParts(db, 60_000, 100), [], 'nothing is overdue before the timeout');
    await ageParts(db, prefix);
    const rounds = await Promise.all([deliverOverdueReplyParts(db, 60_000, 100), deliverOverdueReplyParts(db, 60_000, 100)]);
    const delivered = rounds.flat();
    const ids = new Set(delivered.map((d) => d.replyId));
    assert.equal(ids.size, delivered.length, 'no reply delivered by both');
    const replies = await repliesFrom(db, prefix);
    // A set skipped by both (each saw the other's lock) waits for the next round; none is ever delivered twice.
    assert.equal(replies.length, delivered.length);
    assert.ok(replies.every((r) => r.text === 'ac' && JSON.stringify(r.missing_parts) === '[2]'), JSON.stringify(replies));
    assert.ok(delivered.every((d) => d.total === 3 && d.reference === 7 && JSON.stringify(d.missingParts) === '[2]'));
  });

  test('two reply routers deliver each overdue set once and route it', async ({ database }) => {
    const { db } = database;
    const prefix = '+861380002';
    await Promise.all(range(sets).map((i) => storePart(db, prefix, i, 2)));
    await ageParts(db, prefix);
    const routers = [0, 1].map(() => startReplyRouter({ db, logger: testLogger, idleMs: 50, partsTimeoutMs: 60_000 }));
    try {
      await waitFor('every set delivered and routed', async () => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from inbound_replies where sender like ${`${prefix}%`} and routed_at is not null`.execute(db);
        return rows[0]?.n === sets && (await partsWaiting(db, prefix)) === 0;
      });
    } finally {
      await Promise.all(routers.map((r) => r.stop()));
    }
    const replies = await repliesFrom(db, prefix);
    assert.equal(replies.length, sets);
    assert.equal(new Set(replies.map((r) => r.sender)).size, sets);
    assert.ok(replies.every((r) => r.text === 'b' && JSON.stringify(r.missing_parts) === '[1,3]'));
  });
});
