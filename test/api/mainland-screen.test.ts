// The set-based mainland screen (migration 0032) against the one-by-one screen it replaced (migration 0012) as the
// reference: the same verdicts and the same recorded sends, over random requests with repeated numbers, earlier
// sends in and out of every window, blocked and opted-out numbers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { up as screenOneByOne } from '../../db/migrations/0012_screen_function.ts';
import { frequencyLimits } from '../../domain/frequency-limits.ts';
import { describe, test } from '../support/fixtures.ts';

/** A seeded generator (mulberry32): a failure comes back with the same requests. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Verdicts {
  refused: string[];
  recorded: string[];
}

/** One call of `fn` in a transaction that is undone, so that every call sees the same earlier sends. */
async function screen(db: Db, fn: string, tenantId: string, numbers: string[], hashes: string[], at: Date): Promise<Verdicts> {
  let verdicts: Verdicts = { refused: [], recorded: [] };
  await db
    .transaction()
    .execute(async (trx) => {
      const { rows } = await sql<{ idx: number; code: string }>`
        select idx, code from ${sql.id(fn)}(${tenantId}::uuid, ${numbers}::text[], ${hashes}::text[], ${at}::timestamptz,
          ${frequencyLimits.map((l) => l.windowMs)}::bigint[], ${frequencyLimits.map((l) => l.max)}::int[],
          ${frequencyLimits.map((l) => l.sameText)}::boolean[], ${frequencyLimits.map((l) => l.code)}::text[])`.execute(trx);
      const recorded = await trx.selectFrom('recipient_sends').select(['recipient', 'content_hash']).where('tenant_id', '=', tenantId).where('sent_at', '=', at).execute();
      verdicts = {
        refused: rows.map((r) => `${r.idx}:${r.code}`).sort(),
        recorded: recorded.map((r) => `${r.recipient}:${r.content_hash}`).sort(),
      };
      throw new Undo();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Undo)) throw err;
    });
  return verdicts;
}
class Undo extends Error {}

describe('the mainland screen', () => {
  test('decides as the one-by-one screen did, over 300 random requests', async ({ database, tenant }) => {
    const { db } = database;
    // The reference: migration 0012's function under another name, beside the current one.
    await sql`alter function tern_screen_recipients(uuid, text[], text[], timestamptz, bigint[], int[], boolean[], text[]) rename to tern_screen_current`.execute(db);
    await screenOneByOne(db as unknown as Kysely<unknown>);
    await sql`alter function tern_screen_recipients(uuid, text[], text[], timestamptz, bigint[], int[], boolean[], text[]) rename to tern_screen_reference`.execute(db);
    await sql`alter function tern_screen_current(uuid, text[], text[], timestamptz, bigint[], int[], boolean[], text[]) rename to tern_screen_recipients`.execute(db);

    const next = random(17);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
    const numbers = Array.from({ length: 40 }, (_, i) => `+8613912${String(i).padStart(5, '0')}`);
    const hashes = ['a', 'b', 'c'].map((t) => createHash('md5').update(t).digest('hex'));
    const at = new Date('2031-03-03T12:00:00Z');
    const send = (recipient: number, hash: string, offsetMs: number) => ({ tenant_id: tenant.tenantId, recipient: numbers[recipient] as string, content_hash: hash, sent_at: new Date(at.getTime() + offsetMs) });
    const [a = '', b = ''] = hashes;
    const earlier = [
      // At or near each limit: 15 in the minute, 50 in the day, the same text twice in 59 s and five times in 59 min.
      ...Array.from({ length: 15 }, (_, i) => send(0, pick(hashes), -i * 3_000)),
      ...Array.from({ length: 14 }, (_, i) => send(6, pick(hashes), i * 3_000 - 20_000)),
      ...Array.from({ length: 50 }, (_, i) => send(1, pick(hashes), -(i + 2) * 600_000)),
      ...Array.from({ length: 48 }, (_, i) => send(7, pick(hashes), (i + 2) * 1_200_000 - 20 * 3600_000)),
      send(2, a, -10_000),
      send(2, a, 30_000),
      send(8, a, -10_000),
      ...Array.from({ length: 5 }, (_, i) => send(4, b, -(i + 2) * 300_000)),
      ...Array.from({ length: 4 }, (_, i) => send(9, b, (i + 2) * 300_000)),
      // The rest at random, in and out of every window (the windows look both ways from the send time).
      ...Array.from({ length: 300 }, () => send(10 + Math.floor(next() * 30), pick(hashes), pick([-25 * 3600_000, -3000_000, -600_000, -58_000, -1_000, 0, 20_000, 3600_000]))),
    ];
    await db.insertInto('recipient_sends').values(earlier).execute();
    await db.insertInto('blocklist').values([{ number: numbers[3] as string, source: 'operator', reason: 'test' }]).execute();
    await db.insertInto('opt_outs').values([{ tenant_id: tenant.tenantId, number: numbers[5] as string }]).execute();

    let refusedInAll = 0;
    for (let trial = 0; trial < 300; trial++) {
      const size = 1 + Math.floor(next() * 30);
      const request = Array.from({ length: size }, () => pick(numbers));
      const texts = request.map(() => pick(hashes));
      const reference = await screen(db, 'tern_screen_reference', tenant.tenantId, request, texts, at);
      const current = await screen(db, 'tern_screen_recipients', tenant.tenantId, request, texts, at);
      assert.deepEqual(current, reference, `trial ${trial}: ${JSON.stringify({ request, texts })}`);
      refusedInAll += reference.refused.length;
    }
    // The requests reach every rule, not only the plain accept.
    const codes = new Set<string>();
    for (let trial = 0; trial < 50; trial++) {
      const request = Array.from({ length: 30 }, () => pick(numbers));
      for (const r of (await screen(db, 'tern_screen_recipients', tenant.tenantId, request, request.map(() => pick(hashes)), at)).refused) codes.add(r.split(':')[1] ?? '');
    }
    expect(refusedInAll).toBeGreaterThan(100);
    expect([...codes].sort()).toEqual(['duplicate_limit_hour', 'duplicate_limit_minute', 'frequency_limit_day', 'frequency_limit_minute', 'number_blocked', 'number_opted_out']);
  });

  test('looks each number up by its own earlier sends, even on a generic plan made before the sends arrived', async ({ database, otherTenant }) => {
    const { db } = database;
    const at = new Date('2032-05-05T12:00:00Z');
    // Statistics taken while the table held old sends only; then 20,000 sends in the day before `at`, as a campaign
    // leaves them. PL/pgSQL may keep a generic plan, costed on those statistics (forced here, so the test does not
    // depend on when Postgres would switch to it).
    await sql`insert into recipient_sends (tenant_id, recipient, content_hash, sent_at)
      select ${otherTenant.tenantId}::uuid, '+86137' || lpad(g::text, 8, '0'), 'h', ${at}::timestamptz - interval '30 days' from generate_series(1, 1000) g`.execute(db);
    await sql`analyze recipient_sends`.execute(db);
    await sql`insert into recipient_sends (tenant_id, recipient, content_hash, sent_at)
      select ${otherTenant.tenantId}::uuid, '+86136' || lpad(g::text, 8, '0'), 'h', ${at}::timestamptz - (g % 80000) * interval '1 second' from generate_series(1, 20000) g`.execute(db);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const plans: string[] = [];
    client.on('notice', (notice) => plans.push(notice.message ?? ''));
    try {
      for (const setting of [
        'set plan_cache_mode = force_generic_plan',
        "load 'auto_explain'",
        'set auto_explain.log_min_duration = 0',
        'set auto_explain.log_nested_statements = on',
        'set auto_explain.log_level = notice',
      ]) await client.query(setting);
      const request = Array.from({ length: 1000 }, (_, i) => `+86135${String(i).padStart(8, '0')}`);
      const ten = request.slice(0, 10);
      for (const numbers of [request, request.slice(0, 1), [...ten, ...ten, ...ten]]) {
        await client.query('begin');
        const { rows } = await client.query<{ idx: number; code: string }>(
          `select idx, code from tern_screen_recipients($1::uuid, $2::text[], $3::text[], $4::timestamptz, $5::bigint[], $6::int[], $7::boolean[], $8::text[])`,
          [otherTenant.tenantId, numbers, numbers.map(() => 'h'), at, frequencyLimits.map((l) => l.windowMs), frequencyLimits.map((l) => l.max), frequencyLimits.map((l) => l.sameText), frequencyLimits.map((l) => l.code)],
        );
        await client.query('rollback');
        // Each repeated number's third copy is refused (the same text at most twice in 59 s), nothing else.
        expect(rows.map((r) => r.code)).toEqual(numbers.length === 30 ? Array(10).fill('duplicate_limit_minute') : []);
      }
    } finally {
      await client.end();
    }
    const lookups = plans.filter((plan) => plan.includes('recipient_sends'));
    expect(lookups.length).toBeGreaterThan(0);
    for (const plan of lookups.filter((plan) => !/insert into recipient_sends/i.test(plan))) {
      // A scan of the time index reads every send in the window to find the few of the numbers asked about.
      expect(plan).not.toContain('recipient_sends_age');
      expect(plan).toContain('recipient_sends_window');
    }
  });
});
