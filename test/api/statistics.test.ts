// GET /v1/statistics and its export over messages stored as the accept step stores them and moved by SQL as the
// worker moves them: periods in the tenant's zone, groups, filters, figures, folded or not, and bad queries refused.
import assert from 'node:assert/strict';
import { newMessageId } from '../../domain/message-ids.ts';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { chargeInput } from '../../db/billing-charge.ts';
import type { Db } from '../../db/connect.ts';
import { readMessageStats, rollMessageStats } from '../../db/message-stats.ts';
import { insertAcceptedRequests } from '../../db/messages.ts';
import { deliveryBucketOf, deliveryPercentile } from '../../domain/message-stats.ts';
import { describe, test } from '../support/fixtures.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestTenant } from '../support/tenant.ts';
import type { StatisticsModel } from '../../api/schemas/statistics.ts';

interface Batch {
  sendAt: string;
  count: number;
  region?: 'mainland' | 'international';
  country?: string;
  templateId?: string;
  campaignId?: string | null;
  segments?: number;
}

/** Stores `count` scheduled messages going at `sendAt`, as an accept stores them (charged); returns their ids. */
async function store(db: Db, tenant: TestTenant, batch: Batch): Promise<string[]> {
  const ids = Array.from({ length: batch.count }, () => newMessageId());
  const region = batch.region ?? 'mainland';
  const country = batch.country ?? 'CN';
  const segments = batch.segments ?? 1;
  await insertAcceptedRequests(
    db,
    tenant.tenantId,
    [
      {
        request: { id: newMessageId(), tenantId: tenant.tenantId, appId: tenant.appId, idempotencyKey: undefined, requestHash: 'h', response: null, sendAt: new Date(batch.sendAt) },
        batch: {
          status: 'scheduled',
          reference: null,
          callbackUrl: null,
          nextAttemptAt: new Date(batch.sendAt),
          surface: 'native',
          campaignId: batch.campaignId ?? null,
          groups: [
            {
              templateId: batch.templateId ?? (region === 'mainland' ? tenant.templates.mainlandCode : tenant.templates.code),
              region,
              signature: region === 'mainland' ? tenant.signature : null,
              sender: '106',
              body: 'x',
              encoding: 'gsm7',
              segments,
              ids,
              recipients: ids.map(() => freshMainlandNumber()),
              countries: ids.map(() => country),
            },
          ],
        },
      },
    ],
    { notify: false, charge: chargeInput(tenant.tenantId, ids.map((id) => ({ id, scope: region, country, segments })), new Date()) },
  );
  return ids;
}

/** Moves messages on as the worker does: submitted through `carrier`, then to `status` `afterMs` after their send time. */
async function finish(db: Db, ids: readonly string[], status: 'delivered' | 'undelivered' | 'expired' | 'cancelled', afterMs: number, carrier = 'sim') {
  if (status === 'cancelled') {
    await sql`update messages set status = 'cancelled', completed_at = send_at where id = any(${ids}::uuid[])`.execute(db);
    return;
  }
  await sql`update messages set status = 'accepted' where id = any(${ids}::uuid[])`.execute(db);
  await sql`update messages set status = 'submitted', carrier = ${carrier} where id = any(${ids}::uuid[])`.execute(db);
  const error = status === 'delivered' ? null : `CARRIER_${status.toUpperCase()}`;
  await sql`update messages set status = ${status}, error_code = ${error}, completed_at = send_at + ${afterMs} * interval '1 millisecond'
            where id = any(${ids}::uuid[])`.execute(db);
}

async function statistics(apiUrl: string, tenant: TestTenant, query: Record<string, string>) {
  const res = await fetch(`${apiUrl}/v1/statistics?${new URLSearchParams(query)}`, { headers: { authorization: tenant.authorization } });
  return { status: res.status, body: (await res.json()) as StatisticsBody };
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** `npm run tern -- stats rebuild …` on the test's database: its exit code and what it printed. */
const rebuildCommand = (url: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/tern-cli.ts', 'stats', 'rebuild', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } }).then(
    (ok) => ({ code: 0, out: ok.stdout }),
    (err: { code: number; stderr: string }) => ({ code: err.code, out: err.stderr }),
  );

/** The answer, or an error's body (`code`). */
type StatisticsBody = StatisticsModel & { code?: string };

const range = { since: '2026-11-29T00:00:00Z', until: '2026-12-03T00:00:00Z' };

describe('GET /v1/statistics: the cube kept by the triggers on messages (migration 0037)', () => {
  test('counts by day in the tenant’s zone, by hour, and in total, each figure from what the messages did', async ({ database, api, tenant }) => {
    const { db } = database;
    // 23:30 and 00:30 in Shanghai on either side of its midnight; the same UTC day.
    const lateOn30th = await store(db, tenant, { sendAt: '2026-11-30T15:30:00Z', count: 6 });
    const earlyOn1st = await store(db, tenant, { sendAt: '2026-11-30T16:30:00Z', count: 4, segments: 2 });
    await finish(db, lateOn30th.slice(0, 3), 'delivered', 800);
    await finish(db, lateOn30th.slice(3, 5), 'delivered', 2_500);
    await finish(db, lateOn30th.slice(5), 'undelivered', 4_000);
    await finish(db, earlyOn1st.slice(0, 1), 'expired', 60_000);
    await finish(db, earlyOn1st.slice(1, 2), 'cancelled', 0);
    // two still queued

    const shanghai = await statistics(api.url, tenant, { ...range, granularity: 'day' });
    assert.equal(shanghai.status, 200);
    assert.equal(shanghai.body.timeZone, 'Asia/Shanghai');
    assert.deepEqual(
      shanghai.body.rows.map((r) => [r.period, r.start, r.messages, r.segments, r.delivered, r.failed, r.pending, r.cancelled]),
      [
        ['2026-11-30', '2026-11-29T16:00:00.000Z', 6, 6, 5, 1, 0, 0],
        ['2026-12-01', '2026-11-30T16:00:00.000Z', 4, 8, 0, 1, 2, 1],
      ],
    );
    const [first] = shanghai.body.rows;
    assert.ok(first);
    assert.equal(first.deliveryRate, 5 / 6);
    assert.deepEqual(first.failures, [{ reason: 'CARRIER_UNDELIVERED', count: 1 }]);
    const times = new Map<number, number>([
      [deliveryBucketOf(800), 3],
      [deliveryBucketOf(2_500), 2],
    ]);
    assert.deepEqual(first.deliveryTimeMs, { p50: deliveryPercentile(times, 0.5), p95: deliveryPercentile(times, 0.95) });
    const { p50, p95 } = first.deliveryTimeMs ?? { p50: NaN, p95: NaN };
    assert.ok(p50 < 1_000 && p95 >= 2_000 && p95 < 3_000);
    assert.equal(shanghai.body.rows[1]?.deliveryTimeMs, null);
    assert.equal(shanghai.body.rows[1]?.deliveryRate, 0);

    const utc = await statistics(api.url, tenant, { ...range, granularity: 'day', timeZone: 'UTC' });
    assert.deepEqual(utc.body.rows.map((r) => [r.period, r.messages]), [['2026-11-30', 10]]);
    const hours = await statistics(api.url, tenant, { ...range, granularity: 'hour', timeZone: 'Asia/Shanghai' });
    assert.deepEqual(hours.body.rows.map((r) => [r.period, r.messages]), [['2026-11-30T23:00', 6], ['2026-12-01T00:00', 4]]);
    const total = await statistics(api.url, tenant, { ...range, granularity: 'total' });
    assert.deepEqual(total.body.rows.map((r) => [r.period, r.start, r.messages]), [[null, null, 10]]);
    const [row] = total.body.rows;
    assert.ok(row);
    const { period: _p, start: _s, key: _k, ...onlyRow } = row;
    assert.deepEqual(total.body.totals, onlyRow);
    assert.equal(total.body.totals.segments, 14);
    assert.deepEqual(total.body.totals.failures, [
      { reason: 'CARRIER_EXPIRED', count: 1 },
      { reason: 'CARRIER_UNDELIVERED', count: 1 },
    ]);
    // The range is rounded out to whole days in the zone.
    const partial = await statistics(api.url, tenant, { since: '2026-11-30T17:00:00+08:00', until: '2026-12-01T00:10:00+08:00' });
    assert.equal(partial.body.since, '2026-11-29T16:00:00.000Z');
    assert.equal(partial.body.until, '2026-12-01T16:00:00.000Z');
    assert.equal(partial.body.totals.messages, 10);
  });

  test('groups by any dimension and narrows by filters; folded or not, the figures are the same', async ({ database, api, otherTenant }) => {
    const { db } = database;
    const tenant = otherTenant;
    const campaignId = randomUUID();
    const at = '2026-12-02T03:00:00Z';
    const mainland = await store(db, tenant, { sendAt: at, count: 5, campaignId });
    const british = await store(db, tenant, { sendAt: at, count: 3, region: 'international', country: 'GB' });
    const hongKong = await store(db, tenant, { sendAt: at, count: 2, region: 'international', country: 'HK', templateId: tenant.templates.notice });
    await finish(db, mainland, 'delivered', 1_500, 'cmcc');
    await finish(db, british, 'delivered', 3_000, 'intl');
    await finish(db, hongKong.slice(0, 1), 'undelivered', 3_000, 'intl');

    const grouped = async (groupBy: string, extra: Record<string, string> = {}) => {
      const { status, body } = await statistics(api.url, tenant, { ...range, granularity: 'total', groupBy, ...extra });
      assert.equal(status, 200, JSON.stringify(body));
      return Object.fromEntries(body.rows.map((r) => [String(r.key), r.messages]));
    };
    assert.deepEqual(await grouped('country'), { CN: 5, GB: 3, HK: 2 });
    assert.deepEqual(await grouped('region'), { international: 5, mainland: 5 });
    assert.deepEqual(await grouped('template'), { [tenant.templates.mainlandCode]: 5, [tenant.templates.code]: 3, [tenant.templates.notice]: 2 });
    assert.deepEqual(await grouped('signature'), { null: 5, [tenant.signature]: 5 });
    assert.deepEqual(await grouped('carrier'), { cmcc: 5, intl: 4, null: 1 });
    assert.deepEqual(await grouped('campaign'), { null: 5, [campaignId]: 5 });
    assert.deepEqual(await grouped('status'), { delivered: 8, failed: 1, pending: 1 });
    assert.deepEqual(await grouped('country', { region: 'international' }), { GB: 3, HK: 2 });
    assert.deepEqual(await grouped('status', { country: 'HK' }), { failed: 1, pending: 1 });
    assert.deepEqual(await grouped('carrier', { campaignId }), { cmcc: 5 });
    assert.deepEqual(await grouped('country', { templateId: tenant.templates.code, carrier: 'intl' }), { GB: 3 });
    assert.deepEqual(await grouped('region', { signature: tenant.signature }), { mainland: 5 });

    const unfolded = await statistics(api.url, tenant, { ...range, groupBy: 'country' });
    assert.ok(Number((await sql<{ n: string }>`select count(*) as n from message_stat_deltas`.execute(db)).rows[0]?.n) > 0);
    while ((await rollMessageStats(db, 7)) > 0);
    assert.equal(Number((await sql<{ n: string }>`select count(*) as n from message_stat_deltas`.execute(db)).rows[0]?.n), 0);
    assert.deepEqual((await statistics(api.url, tenant, { ...range, groupBy: 'country' })).body, unfolded.body);
    // Keys whose messages all moved on are not kept as zeros.
    const { rows } = await sql<{ n: string }>`select count(*) as n from message_stats where messages = 0 and segments = 0`.execute(db);
    assert.equal(Number(rows[0]?.n), 0);

    // Details deleted (retention) leave the statistics as they were; rolled back, for the ledger's check at the end.
    const query = { tenantId: tenant.tenantId, since: new Date(range.since), until: new Date(range.until), granularity: 'total', timeZone: 'UTC', groupBy: 'country', filters: {}, daily: false } as const;
    const before = await readMessageStats(db, query);
    const rolledBack = new Error('rolled back');
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`delete from messages where tenant_id = ${tenant.tenantId}`.execute(trx);
        assert.deepEqual(await readMessageStats(trx, query), before);
        throw rolledBack;
      }),
      rolledBack,
    );
  });

  test('the export is the same rows as CSV; each tenant sees only its own', async ({ database, api, tenant }) => {
    const ids = await store(database.db, tenant, { sendAt: '2026-12-02T10:00:00Z', count: 2 });
    await finish(database.db, ids, 'delivered', 500);
    const query = new URLSearchParams({ ...range, groupBy: 'status', bom: 'true' });
    const res = await fetch(`${api.url}/v1/statistics/export?${query}`, { headers: { authorization: tenant.authorization } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf');
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    assert.equal(lines[0], 'period,start,key,messages,segments,pending,delivered,failed,cancelled,delivery_rate,delivery_p50_ms,delivery_p95_ms,failures');
    const json = await statistics(api.url, tenant, { ...range, groupBy: 'status' });
    assert.equal(lines.length, json.body.rows.length + 1);
    const times = json.body.rows.find((r) => r.period === '2026-12-02' && r.key === 'delivered')?.deliveryTimeMs;
    assert.ok(times);
    assert.ok(lines.includes(`2026-12-02,2026-12-01T16:00:00.000Z,delivered,2,2,0,2,0,0,1.0000,${times.p50},${times.p95},`));
  });

  test('the rebuild command recomputes a cube that went wrong, for one tenant or all, and refuses bad arguments', async ({ database, api, tenant }) => {
    const ids = await store(database.db, tenant, { sendAt: '2026-12-01T08:00:00Z', count: 3 });
    await finish(database.db, ids, 'delivered', 1_200);
    const before = await statistics(api.url, tenant, { ...range, groupBy: 'status' });
    await sql`update message_stats set messages = messages + 5 where tenant_id = ${tenant.tenantId}`.execute(database.db);
    await sql`delete from message_stat_deltas where tenant_id = ${tenant.tenantId}`.execute(database.db);
    assert.notDeepEqual((await statistics(api.url, tenant, { ...range, groupBy: 'status' })).body, before.body);

    const rebuilt = await rebuildCommand(database.url, ['--since', '2026-11-01T00:00:00Z', '--tenant', tenant.tenantId]);
    assert.equal(rebuilt.code, 0, rebuilt.out);
    assert.match(rebuilt.out, new RegExp(`stats rebuilt from 2026-11-01T00:00:00.000Z for ${tenant.tenantId}: \\d+ cube rows`));
    assert.deepEqual((await statistics(api.url, tenant, { ...range, groupBy: 'status' })).body, before.body);

    for (const args of [[], ['--since', 'yesterday'], ['--since', '2026-11-01T00:00:00Z', '--tenant', 'acme']]) {
      const refused = await rebuildCommand(database.url, args);
      assert.equal(refused.code, 2, args.join(' '));
      assert.match(refused.out, /stats rebuild --since <ISO time>/);
    }
  });

  test('the tenant’s zone keeps its days: moved to another, the days are summed again there, exactly', async ({ api, tenant }) => {
    const zone = (method: 'GET' | 'PUT', body?: unknown) =>
      fetch(`${api.url}/v1/statistics/time-zone`, {
        method,
        headers: { authorization: tenant.authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { timeZone?: string; code?: string } }));
    assert.deepEqual((await zone('GET')).body, { timeZone: 'Asia/Shanghai' });
    const days = { ...range, granularity: 'day', groupBy: 'status' };
    // In the tenant's zone the days come from the daily cube; in another, from the hours.
    const shanghai = await statistics(api.url, tenant, days);
    const utcFromHours = await statistics(api.url, tenant, { ...days, timeZone: 'UTC' });
    assert.notDeepEqual(shanghai.body.rows, utcFromHours.body.rows);

    assert.deepEqual(await zone('PUT', { timeZone: 'UTC' }), { status: 200, body: { timeZone: 'UTC' } });
    const utcFromDays = await statistics(api.url, tenant, days);
    assert.equal(utcFromDays.body.timeZone, 'UTC');
    assert.deepEqual(utcFromDays.body, utcFromHours.body);
    assert.deepEqual((await statistics(api.url, tenant, { ...days, timeZone: 'Asia/Shanghai' })).body, shanghai.body);

    for (const [body, status, code] of [
      [{ timeZone: 'Asia/Kolkata' }, 422, 'unsupported_time_zone'],
      [{ timeZone: 'Nowhere/Land' }, 422, 'unknown_time_zone'],
      [{ timeZone: 8 }, 400, 'invalid_request'],
    ] as const) {
      const res = await zone('PUT', body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.code, code);
    }
    assert.deepEqual((await zone('GET')).body, { timeZone: 'UTC' });
    await zone('PUT', { timeZone: 'Asia/Shanghai' });
    assert.deepEqual((await statistics(api.url, tenant, days)).body, shanghai.body);
  });

  test('a query it cannot answer is refused with the reason, and changes nothing', async ({ api, tenant }) => {
    const cases: [Record<string, string>, number, string][] = [
      [{ timeZone: 'Mars/Olympus' }, 422, 'unknown_time_zone'],
      [{ timeZone: 'Asia/Kolkata' }, 422, 'unsupported_time_zone'],
      [{ since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' }, 422, 'invalid_time_range'],
      [{ since: '2026-01-01T00:00:00Z', until: '2026-12-01T00:00:00Z', granularity: 'hour' }, 422, 'range_too_long'],
      [{ granularity: 'week' }, 400, 'invalid_request'],
      [{ groupBy: 'app' }, 400, 'invalid_request'],
      [{ country: 'cn' }, 400, 'invalid_request'],
      [{ timeZone: '../etc/passwd' }, 400, 'invalid_request'],
    ];
    for (const [query, status, code] of cases) {
      const res = await statistics(api.url, tenant, query);
      assert.equal(res.status, status, JSON.stringify(query));
      assert.equal(res.body.code, code, JSON.stringify(query));
    }
    const anonymous = await fetch(`${api.url}/v1/statistics`);
    assert.equal(anonymous.status, 401);
  });
});
