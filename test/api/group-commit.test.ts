import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { acceptGroups, type AcceptDeps, type AcceptInput } from '../../accept/accept.ts';
import { GroupCommit } from '../../accept/group-commit.ts';
import { cachedLookups } from '../../accept/lookups/index.ts';
import { acceptCommitter } from '../../accept/store.ts';
import { findAppById } from '../../db/apps.ts';
import { addToBlocklist } from '../../db/blocklist.ts';
import { callbackTargetPolicyFromEnv } from '../../domain/callback-targets.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import { noScheduling } from '../support/scheduling.ts';

/** A store whose groups finish when the test says so; it records each group it was given. */
function heldStore(fails: (item: string) => boolean = () => false) {
  const groups: string[][] = [];
  const pending: (() => void)[] = [];
  const store = (items: readonly string[]) =>
    new Promise<string[]>((resolve, reject) => {
      groups.push([...items]);
      pending.push(() => (items.some(fails) ? reject(new Error(`cannot store ${items.join(',')}`)) : resolve(items.map((i) => `stored ${i}`))));
    });
  const finishNext = async () => {
    await new Promise((r) => setImmediate(r));
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { store, groups, finishNext, pending };
}

describe('group commit of plain accepts (accept/group-commit.ts)', () => {
  test('the first item goes at once; items arriving meanwhile go together next, up to the weight; keys do not wait for each other', async () => {
    const held = heldStore();
    const sizes: number[] = [];
    const commit = new GroupCommit(held.store, { maxWeight: 10, onGroup: (n) => sizes.push(n) });
    const a = commit.add('tenant-1', 'a', 1);
    const b = commit.add('tenant-1', 'b', 4);
    const c = commit.add('tenant-1', 'c', 5);
    const d = commit.add('tenant-1', 'd', 2);
    const other = commit.add('tenant-2', 'x', 1);
    assert.deepEqual(held.groups, [['a'], ['x']], 'one statement in flight per key; another key runs beside it');
    await held.finishNext();
    assert.equal(await a, 'stored a');
    assert.deepEqual(held.groups[2], ['b', 'c'], 'what waited goes in one group, up to the weight of 10');
    await held.finishNext();
    assert.equal(await other, 'stored x');
    await held.finishNext();
    assert.deepEqual([await b, await c], ['stored b', 'stored c']);
    assert.deepEqual(held.groups[3], ['d']);
    await held.finishNext();
    assert.equal(await d, 'stored d');
    assert.deepEqual(sizes, [1, 1, 2, 1]);

    const heavy = commit.add('tenant-1', 'heavy', 50);
    assert.deepEqual(held.groups[4], ['heavy'], 'an item over the weight still goes (alone)');
    await held.finishNext();
    assert.equal(await heavy, 'stored heavy');
  });

  test('a group that fails is stored item by item: only the item that fails alone is refused', async () => {
    const held = heldStore((item) => item === 'bad');
    const commit = new GroupCommit(held.store, { maxWeight: 10 });
    const first = commit.add('t', 'first', 1);
    const rest = ['ok-1', 'bad', 'ok-2'].map((item) => commit.add('t', item, 1).then((r) => r, (err: Error) => err.message));
    await held.finishNext();
    await first;
    await held.finishNext(); // the group of three fails
    while (held.pending.length > 0) await held.finishNext();
    assert.deepEqual(await Promise.all(rest), ['stored ok-1', 'cannot store bad', 'stored ok-2']);
    assert.deepEqual(held.groups.slice(1), [['ok-1', 'bad', 'ok-2'], ['ok-1'], ['bad'], ['ok-2']]);
  });

  test('concurrent single sends share statements; each request keeps its own messages, fields and refusals', async ({ database, tenant }) => {
    const sizes: number[] = [];
    const deps: AcceptDeps = {
      db: database.db,
      scheduledSends: noScheduling,
      logger: testLogger,
      lookups: cachedLookups(database.db),
      callbackTargets: callbackTargetPolicyFromEnv(),
      committer: acceptCommitter(database.db, (n) => sizes.push(n)),
    };
    const app = (await findAppById(database.db, tenant.appId))!;
    const blocked = freshMainlandNumber();
    await addToBlocklist(database.db, [{ number: blocked, source: 'operator', reason: 'test' }], randomUUID());
    const twice = freshMainlandNumber();
    // 24 single sends at once: fresh numbers, one blocked number, and the same text to one number three times (the
    // screen lets the same message through twice a minute, also when the three share a statement).
    const numbers = [...Array.from({ length: 20 }, () => freshMainlandNumber()), blocked, twice, twice, twice];
    const send = (to: string, i: number): Promise<Awaited<ReturnType<typeof acceptGroups>>> =>
      acceptGroups(deps, app, {
        groups: [{ templateId: tenant.templates.mainlandCode, params: ['4321'], to: [to] }],
        reference: `ref-${i}`,
        callbackUrl: `https://example.com/hook/${i}`,
        requestHash: `h${i}`,
        surface: i % 2 === 0 ? 'native' : 'compatible',
      } satisfies AcceptInput);
    const outcomes = await Promise.all(numbers.map(send));

    assert.ok(sizes.length < numbers.length, `24 requests in fewer statements (groups: ${sizes.join(', ')})`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), numbers.length);
    const verdict = (o: (typeof outcomes)[number]) => {
      const r = o.groups[0]?.recipients[0];
      return r?.status === 'rejected' ? r.error.code : r?.status;
    };
    assert.deepEqual(outcomes.slice(0, 20).map(verdict), Array(20).fill('accepted'));
    assert.equal(verdict(outcomes[20]!), 'number_blocked');
    assert.equal(outcomes[20]?.stored, false, 'a request whose only number is refused is not stored');
    assert.deepEqual(outcomes.slice(21).map(verdict).sort(), ['accepted', 'accepted', 'duplicate_limit_minute']);

    const rows = await database.db
      .selectFrom('messages')
      .innerJoin('send_requests', 'send_requests.id', 'messages.request_id')
      .select(['messages.id', 'messages.request_id', 'messages.recipient', 'messages.reference', 'messages.callback_url', 'messages.surface', 'send_requests.app_id'])
      .where('messages.request_id', 'in', outcomes.map((o) => o.requestId))
      .execute();
    assert.equal(rows.length, 22, 'every accepted message stored once, nothing of the refused ones');
    outcomes.forEach((o, i) => {
      const r = o.groups[0]?.recipients[0];
      const row = rows.find((x) => x.request_id === o.requestId);
      if (r?.status !== 'accepted') return assert.equal(row, undefined);
      assert.deepEqual(row, {
        id: r.id,
        request_id: o.requestId,
        recipient: numbers[i],
        reference: `ref-${i}`,
        callback_url: `https://example.com/hook/${i}`,
        surface: i % 2 === 0 ? 'native' : 'compatible',
        app_id: app.id,
      });
    });
    const charged = await database.db.selectFrom('billing_ledger').select('message_id').where('message_id', 'in', rows.map((r) => r.id)).execute();
    assert.equal(charged.length, 22, 'each stored message charged once');
  });
});
