// The statistics under a real load (HTTP → Postgres → SMPP simulator → receipts): at every moment they are what the
// messages say, folded or not, and a rebuild run while messages are sent and delivered changes nothing.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startApi } from '../../api/start-api.ts';
import { startSimulator } from '../../carriers/simulator/simulator.ts';
import type { Db } from '../../db/connect.ts';
import { rebuildMessageStats, rollMessageStats } from '../../db/message-stats.ts';
import { releaseScheduledRequest } from '../../db/messages.ts';
import { deliveryBucketOf, deliveryPercentile, statDimensions, statOutcomeOf, type StatDimension } from '../../domain/message-stats.ts';
import type { MessageStatus } from '../../domain/message-status.ts';
import type { ScheduledSends } from '../../processes/scheduled-send.ts';
import { describe, test } from '../support/fixtures.ts';
import { startSimulatorHotPath } from '../support/hot-path.ts';
import { testLogger } from '../support/logger.ts';
import { testSecrets } from '../support/secrets.ts';
import type { TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

interface StoredMessage {
  status: MessageStatus;
  error_code: string | null;
  segments: number;
  region: string | null;
  country: string | null;
  template_id: string;
  signature: string | null;
  carrier: string | null;
  campaign_id: string | null;
  delivery_ms: number | null;
}

const keyOf: Record<StatDimension, (m: StoredMessage) => string | null> = {
  region: (m) => m.region,
  country: (m) => m.country,
  template: (m) => m.template_id,
  signature: (m) => m.signature,
  carrier: (m) => m.carrier,
  campaign: (m) => m.campaign_id,
  status: (m) => statOutcomeOf(m.status),
};

/** The figures the statistics should show, counted here from the tenant's messages with the domain's own rules. */
async function expectedFigures(db: Db, tenantId: string, groupBy: StatDimension) {
  const { rows } = await sql<StoredMessage>`
    select status, error_code, segments, region, country, template_id, signature, carrier, campaign_id,
           extract(epoch from completed_at - coalesce(send_at, created_at)) * 1000 as delivery_ms
    from messages where tenant_id = ${tenantId}`.execute(db);
  const groups = new Map<string, StoredMessage[]>();
  for (const m of rows) {
    const key = String(keyOf[groupBy](m));
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return Object.fromEntries(
    [...groups].map(([key, messages]) => {
      const count = (outcome: string) => messages.filter((m) => statOutcomeOf(m.status) === outcome).length;
      const times = new Map<number, number>();
      for (const m of messages) if (m.status === 'delivered') times.set(deliveryBucketOf(Number(m.delivery_ms)), (times.get(deliveryBucketOf(Number(m.delivery_ms))) ?? 0) + 1);
      const failures = new Map<string, number>();
      for (const m of messages) if (statOutcomeOf(m.status) === 'failed') failures.set(m.error_code ?? m.status, (failures.get(m.error_code ?? m.status) ?? 0) + 1);
      const p50 = deliveryPercentile(times, 0.5);
      const p95 = deliveryPercentile(times, 0.95);
      return [
        key,
        {
          messages: messages.length,
          segments: messages.reduce((n, m) => n + m.segments, 0),
          pending: count('pending'),
          delivered: count('delivered'),
          failed: count('failed'),
          cancelled: count('cancelled'),
          deliveryTimeMs: p50 === null || p95 === null ? null : { p50, p95 },
          failures: Object.fromEntries(failures),
        },
      ];
    }),
  );
}

/**
 * The same figures as the API answers them over the whole test's day: in UTC from the hourly cube, in the tenant's
 * own zone (Asia/Shanghai) from the daily one.
 */
async function reportedFigures(apiUrl: string, tenant: TestTenant, groupBy: StatDimension, zone: 'UTC' | 'tenant' = 'UTC') {
  const until = new Date(Date.now() + 2 * 3600_000).toISOString();
  const since = new Date(Date.now() - 3600_000).toISOString();
  const res = await fetch(`${apiUrl}/v1/statistics?${new URLSearchParams({ since, until, granularity: 'total', groupBy, ...(zone === 'UTC' ? { timeZone: 'UTC' } : {}) })}`, {
    headers: { authorization: tenant.authorization },
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { rows: { key: string | null; [figure: string]: unknown }[] };
  return Object.fromEntries(
    body.rows.map(({ key, messages, segments, pending, delivered, failed, cancelled, deliveryTimeMs, failures }) => [
      String(key),
      { messages, segments, pending, delivered, failed, cancelled, deliveryTimeMs, failures: Object.fromEntries((failures as { reason: string; count: number }[]).map((f) => [f.reason, f.count])) },
    ]),
  );
}

/** Both cubes, each row in key order. */
async function cubes(db: Db) {
  const order = sql`order by 1, 2, rollup, region, country, template_id, signature, carrier, campaign_id, outcome, reason`;
  const hourly = await sql`select * from message_stats ${order}`.execute(db);
  const daily = await sql`select * from message_stats_daily ${order}`.execute(db);
  return { hourly: hourly.rows, daily: daily.rows };
}

/** The cubes' rollups (migration 0043): each sums every message once. */
const rollups = ['all', 'place', 'content', 'carrier', 'campaign', 'total'];

/**
 * The invariant the design rests on, checked in one snapshot: the cube and the unfolded deltas sum to what the
 * messages say, by tenant and outcome. Returns the differences (none when it holds).
 */
async function differences(db: Db): Promise<string[]> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const figures = new Map<string, number>();
      const add = (key: string, n: number) => figures.set(key, (figures.get(key) ?? 0) + n);
      const messages = await sql<{ tenant_id: string; status: MessageStatus; n: string; segments: string }>`
        select tenant_id, status, count(*) as n, sum(segments) as segments from messages group by 1, 2`.execute(trx);
      for (const r of messages.rows) {
        add(`${r.tenant_id} ${statOutcomeOf(r.status)} messages`, Number(r.n));
        add(`${r.tenant_id} ${statOutcomeOf(r.status)} segments`, Number(r.segments));
      }
      const wrong: string[] = [];
      for (const [cube, rollup] of [sql`message_stats`, sql`message_stats_daily`].flatMap((cube) => rollups.map((rollup) => [cube, rollup] as const))) {
        const counted = await sql<{ tenant_id: string; outcome: string; n: string; segments: string }>`
          select tenant_id, outcome, sum(messages) as n, sum(segments) as segments
          from (select tenant_id, outcome, messages, segments from ${cube} where rollup = ${rollup}
                union all select tenant_id, outcome, messages, segments from message_stat_deltas) as cube group by 1, 2`.execute(trx);
        const left = new Map(figures);
        for (const r of counted.rows) {
          left.set(`${r.tenant_id} ${r.outcome} messages`, (left.get(`${r.tenant_id} ${r.outcome} messages`) ?? 0) - Number(r.n));
          left.set(`${r.tenant_id} ${r.outcome} segments`, (left.get(`${r.tenant_id} ${r.outcome} segments`) ?? 0) - Number(r.segments));
        }
        wrong.push(...[...left].filter(([, n]) => n !== 0).map(([key, n]) => `${key} off by ${-n} in the ${rollup} rollup`));
      }
      return wrong;
    });
}

/** Accepts every schedule and cancel: the scheduled messages here are released or cancelled by the test itself. */
const heldSchedules: ScheduledSends = { schedule: async () => {}, cancel: async () => {} };

describe('statistics under a real load (migrations 0037, 0039)', () => {
  test('every figure by every dimension equals what the messages say, before and after a fold, with rebuilds running meanwhile', async ({ database, tenant, otherTenant }) => {
    const { db } = database;
    const simulator = await startSimulator({ receiptDelayMs: 20 });
    const hotPath = startSimulatorHotPath(database, simulator.port, { receiptTimeoutMs: 1_500 });
    let hotPathRunning = true;
    const stopHotPath = async () => {
      if (hotPathRunning) await hotPath.stop();
      hotPathRunning = false;
    };
    const api = await startApi({ db, secrets: testSecrets, scheduledSends: heldSchedules, logger: testLogger, port: 0 });
    const send = async (who: TestTenant, body: Record<string, unknown>) => {
      const res = await fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: who.authorization },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 202, await res.clone().text());
      return (await res.json()) as { requestId: string; messages: { id: string }[] };
    };
    // Mainland numbers ending 9901 are undelivered, 9902 expire, 9903 get no receipt (timed out), 9904 are refused at submit.
    const mainland = (i: number) => `+86136${String(i).padStart(4, '0')}${i % 5 === 4 ? '1234' : `990${(i % 5) + 1}`}`;
    // Rebuilds one after another, of all tenants and of one, while messages are accepted, sent and reported.
    let loading = true;
    const rebuilds = (async () => {
      let runs = 0;
      const wrong: string[] = [];
      while (loading) {
        await rebuildMessageStats(db, { since: new Date(Date.now() - 3600_000), ...(runs % 2 ? { tenantId: tenant.tenantId } : {}) });
        wrong.push(...(await differences(db)));
        runs++;
      }
      return { runs, wrong };
    })();
    try {
      for (let round = 0; round < 6; round++) {
        for (const who of [tenant, otherTenant]) {
          await send(who, { templateId: who.templates.mainlandCode, params: ['1234'], to: Array.from({ length: 10 }, (_, i) => mainland(round * 10 + i)) });
          await send(who, { templateId: who.templates.code, params: ['5678'], to: [`+4479111${String(round).padStart(2, '0')}001`, `+85251${String(round).padStart(2, '0')}0001`] });
          await send(who, { templateId: who.templates.long, params: ['ORD'], to: [`+4479112${String(round).padStart(2, '0')}001`] });
        }
        const later = await send(tenant, { templateId: tenant.templates.code, params: ['1'], to: [`+4479111${String(round).padStart(2, '0')}501`, `+4479111${String(round).padStart(2, '0')}502`], sendAt: new Date(Date.now() + 3600_000).toISOString() });
        if (round % 2 === 0) {
          const cancel = await fetch(`${api.url}/v1/messages/${later.messages[0]?.id}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
          assert.equal(cancel.status, 200);
        } else {
          assert.equal(await releaseScheduledRequest(db, later.requestId), 2);
        }
      }
      const inFlight = async () =>
        Number((await sql<{ n: string }>`select count(*) as n from messages where status in ('accepted', 'submitted')`.execute(db)).rows[0]?.n);
      await waitFor('every message sent to end', async () => (await inFlight()) === 0, { progress: inFlight });
      loading = false;
      const { runs, wrong } = await rebuilds;
      assert.ok(runs > 2, `${runs} rebuilds during the load`);
      assert.deepEqual(wrong, [], 'after each rebuild, the statistics are what the messages say');

      const outcomes = await sql<{ status: string }>`select distinct status from messages`.execute(db);
      assert.deepEqual(outcomes.rows.map((r) => r.status).sort(), ['cancelled', 'delivered', 'expired', 'failed', 'scheduled', 'undelivered']);
      for (const who of [tenant, otherTenant]) {
        for (const groupBy of statDimensions) {
          const expected = await expectedFigures(db, who.tenantId, groupBy);
          assert.deepEqual(await reportedFigures(api.url, who, groupBy), expected, `${who.tenantId} by ${groupBy}, hourly`);
          assert.deepEqual(await reportedFigures(api.url, who, groupBy, 'tenant'), expected, `${who.tenantId} by ${groupBy}, daily`);
        }
      }

      // Everything folded, the cube alone holds the same; recomputed from the messages, it is the same again.
      await stopHotPath();
      while ((await rollMessageStats(db, 1_000)) > 0);
      const folded = await cubes(db);
      assert.ok(folded.hourly.length > 0 && folded.daily.length > 0);
      for (const groupBy of statDimensions) {
        assert.deepEqual(await reportedFigures(api.url, tenant, groupBy), await expectedFigures(db, tenant.tenantId, groupBy));
        assert.deepEqual(await reportedFigures(api.url, tenant, groupBy, 'tenant'), await expectedFigures(db, tenant.tenantId, groupBy));
      }
      await sql`delete from message_stats where outcome = 'delivered'`.execute(db);
      await sql`delete from message_stats_daily where outcome = 'failed'`.execute(db);
      await rebuildMessageStats(db, { since: new Date(Date.now() - 3600_000) });
      assert.deepEqual(await cubes(db), folded);
    } finally {
      loading = false;
      await rebuilds;
      await api.stop();
      await stopHotPath();
      await simulator.close();
    }
  });
});
