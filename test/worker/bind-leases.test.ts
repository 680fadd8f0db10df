import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { leaseRound, releaseLeases, type BindKey } from '../../db/bind-leases.ts';
import { claimDueMessages } from '../../db/dispatch-queue.ts';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';

const binds: BindKey[] = ['a#1', 'a#2', 'b#1', 'c#1', 'c#2'].map((k) => ({ carrierId: k.slice(0, 1), position: Number(k.slice(2)) }));
const key = (b: BindKey) => `${b.carrierId}#${b.position}`;

describe('bind leases (one owner per bind)', () => {
  test('workers racing their rounds never hold one bind twice, and share the binds out evenly', async ({ database }) => {
    const held = new Map<string, BindKey[]>();
    const round = (worker: string) =>
      leaseRound(database.db, { worker, configured: binds, keep: (held.get(worker) ?? []).map((b) => ({ ...b, bound: true })), ttlMs: 5_000, startingMs: 1_000 }).then(
        async (r) => {
          // What is beyond the share is given back, as the worker does once it has closed those binds.
          held.set(worker, r.owned.slice(0, r.share));
          await releaseLeases(database.db, worker, r.owned.slice(r.share));
          return r;
        },
      );
    for (let i = 0; i < 20; i++) {
      await Promise.all(['w1', 'w2', 'w3'].map(round));
      const owners = await sql<{ carrier_id: string; position: number; owner: string }>`select carrier_id, position, owner from bind_leases`.execute(database.db);
      const keys = owners.rows.map((r) => `${r.carrier_id}#${r.position}`);
      assert.equal(new Set(keys).size, keys.length, 'one row, so one owner, per bind');
      const claimedByWorkers = [...held.values()].flat().map(key);
      assert.equal(new Set(claimedByWorkers).size, claimedByWorkers.length, `no bind held by two workers (round ${i})`);
    }
    // Five binds, three live workers: two, two and one, every bind held.
    assert.deepEqual([...held.values()].map((h) => h.length).sort(), [1, 2, 2]);
    const result = await round('w1');
    assert.equal(result.liveWorkers, 3);
    assert.deepEqual([...result.remote.keys()].sort(), ['a', 'b', 'c'].filter((c) => [...(held.get('w2') ?? []), ...(held.get('w3') ?? [])].some((b) => b.carrierId === c)).sort());
  });

  test('a lease that runs out is taken over; one given back is free at once; a bind no longer configured is dropped', async ({ database }) => {
    const one = [{ carrierId: 'x', position: 1 }];
    const first = await leaseRound(database.db, { worker: 'old', configured: one, keep: [], ttlMs: 200, startingMs: 0 });
    assert.deepEqual(first.owned, one);
    const early = await leaseRound(database.db, { worker: 'new', configured: one, keep: [], ttlMs: 5_000, startingMs: 0 });
    assert.deepEqual(early.owned, [], 'held by a live lease');
    assert.equal(early.remote.get('x')?.usable, false, 'held elsewhere, not bound');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual((await leaseRound(database.db, { worker: 'new', configured: one, keep: [], ttlMs: 5_000, startingMs: 0 })).owned, one, 'taken over once it ran out');
    const renew = await leaseRound(database.db, { worker: 'old', configured: one, keep: [{ ...one[0]!, bound: true }], ttlMs: 200, startingMs: 0 });
    assert.deepEqual(renew.owned, [], 'the old owner cannot renew what was taken over');

    await releaseLeases(database.db, 'new', one);
    assert.deepEqual((await leaseRound(database.db, { worker: 'old', configured: one, keep: [], ttlMs: 5_000, startingMs: 0 })).owned, one, 'free at once');
    await leaseRound(database.db, { worker: 'old', configured: [], keep: [], ttlMs: 5_000, startingMs: 0 });
    assert.equal(Number((await sql<{ n: number }>`select count(*)::int as n from bind_leases where carrier_id = 'x'`.execute(database.db)).rows[0]?.n), 0);
  });

  test('a worker leaves messages waiting in another worker’s lane to it', async ({ database, api, tenant }) => {
    const res = await sendCode(api.url, tenant, ['+8613700000011', '+8613700000012']);
    assert.equal(res.status, 202);
    const [first] = ((await res.json()) as { messages: { id: string }[] }).messages;
    await sql`update messages set lane = 'elsewhere' where id = ${first?.id ?? ''}`.execute(database.db);
    const mine = await claimDueMessages(database.db, 10, 30_000, [], ['elsewhere']);
    assert.deepEqual(mine.length, 1);
    assert.notEqual(mine[0]?.id, first?.id);
    const theirs = await claimDueMessages(database.db, 10, 30_000, [], []);
    assert.deepEqual(theirs.map((m) => [m.id, m.lane]), [[first?.id, 'elsewhere']]);
  });
});
