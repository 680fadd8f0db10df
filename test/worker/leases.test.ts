import { sql } from 'kysely';
import { expect } from 'vitest';
import { claimDueMessages, dispatchQueue } from '../../db/dispatch-queue.ts';
import { renewLeases } from '../../db/leased-queue.ts';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';

describe('queue leases', () => {
  test('a heartbeat renews what it holds, passes over rows being written instead of waiting, and leaves a row claimed again alone', async ({ database, api, tenant }) => {
    const res = await sendCode(api.url, tenant, ['+8613700000001', '+8613700000002', '+8613700000003']);
    expect(res.status).toBe(202);
    const claimed = await claimDueMessages(database.db, 10, 30_000);
    expect(claimed).toHaveLength(3);
    const [locked, reclaimed, held] = claimed.map((m) => ({ id: m.id, attempts: m.attempts })) as [
      { id: string; attempts: number },
      { id: string; attempts: number },
      { id: string; attempts: number },
    ];
    // Another worker took this one over meanwhile (its lease ran out).
    await sql`update messages set attempts = attempts + 1 where id = ${reclaimed.id}`.execute(database.db);
    const leaseEnds = async () =>
      Object.fromEntries((await sql<{ id: string; ends: Date }>`select id, next_attempt_at as ends from messages`.execute(database.db)).rows.map((r) => [r.id, r.ends.getTime()]));
    const before = await leaseEnds();

    await database.db.transaction().execute(async (trx) => {
      // A write of this row's outcome is under way: the heartbeat must not wait for it (nor deadlock with it).
      await sql`select id from messages where id = ${locked.id} for update`.execute(trx);
      await renewLeases(database.db, dispatchQueue, [locked, reclaimed, held], 60_000);
    });

    const after = await leaseEnds();
    expect(after[held.id]).toBeGreaterThan(Date.now() + 50_000);
    expect(after[locked.id]).toBe(before[locked.id]);
    expect(after[reclaimed.id]).toBe(before[reclaimed.id]);
  });

  test('a claim leaves out the rows the claiming worker still holds, even once their lease has run out', async ({ database, api, tenant }) => {
    const res = await sendCode(api.url, tenant, ['+8613700000011', '+8613700000012']);
    expect(res.status).toBe(202);
    const first = await claimDueMessages(database.db, 10, 1);
    expect(first).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [kept, other] = first as [(typeof first)[number], (typeof first)[number]];
    const again = await claimDueMessages(database.db, 10, 60_000, [kept.id]);
    expect(again.map((m) => m.id)).toEqual([other.id]);
    expect(again[0]?.attempts).toBe(2);
    expect(again[0]?.recorded_attempt).toBe(0);
  });
});
