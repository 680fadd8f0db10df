// Message details and status reports by month (migrations 0042, 0044): months past retention are dropped while the
// platform sends, and what must stay stays: the messages being sent, the statistics, the ledger.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { startApi } from '../../api/start-api.ts';
import { startSimulator } from '../../carriers/simulator/simulator.ts';
import type { Db } from '../../db/connect.ts';
import { dropCallbackMonths, listCallbackPartitions } from '../../db/callback-partitions.ts';
import { checkLedger } from '../../db/ledger-check.ts';
import { addMessagePartitions, dropMessageMonths, listMessagePartitions, retentionHorizon } from '../../db/message-partitions.ts';
import { RebuildBeforeRetention, rebuildMessageStats, rollMessageStats } from '../../db/message-stats.ts';
import type { ScheduledSends } from '../../processes/scheduled-send.ts';
import { describe, test } from '../support/fixtures.ts';
import { startSimulatorHotPath } from '../support/hot-path.ts';
import { testLogger } from '../support/logger.ts';
import { testSecrets } from '../support/secrets.ts';
import type { TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

const dayMs = 24 * 3600_000;
/** Scheduled sends are held: the one scheduled here stays scheduled. */
const heldSchedules: ScheduledSends = { schedule: async () => {}, cancel: async () => {} };
type Figures = { rows: { start: string; key: string; messages: number }[] };

/**
 * Copies the tenant's messages as if accepted `daysAgo` days ago: each with its request, parts, a delivered report
 * callback with its attempt, and its charges, in the month of that day (its ids made then, as UUIDv7s). Returns the
 * copies' ids.
 */
async function copyIntoThePast(db: Db, tenantId: string, daysAgo: number): Promise<string[]> {
  const shift = sql`make_interval(days => ${daysAgo})`;
  const random = (id: RawId) => sql`md5(${id}::text || ${daysAgo})`;
  const then = (id: RawId) =>
    sql`(left(tern_uuid7_floor(tern_uuid7_time(${id}) - ${shift})::text, 14) || '7' || substr(${random(id)}, 1, 3) || '-8' || substr(${random(id)}, 4, 3) || '-' || substr(${random(id)}, 7, 12))::uuid`;
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`
      insert into send_requests (id, tenant_id, app_id, request_hash, created_at)
      select ${then(sql`r.id`)}, r.tenant_id, r.app_id, r.request_hash, r.created_at - ${shift}
      from send_requests r where r.tenant_id = ${tenantId} and r.created_at > now() - interval '1 day'`.execute(trx);
    const copied = await sql<{ id: string }>`
      insert into messages
      select (jsonb_populate_record(null::messages, to_jsonb(m) || jsonb_build_object(
        'id', ${then(sql`m.id`)}, 'request_id', ${then(sql`m.request_id`)},
        'created_at', m.created_at - ${shift}, 'next_attempt_at', m.next_attempt_at - ${shift},
        'submitted_at', m.submitted_at - ${shift}, 'completed_at', m.completed_at - ${shift}))).*
      from messages m where m.tenant_id = ${tenantId} and m.created_at > now() - interval '1 day'
      returning id`.execute(trx);
    await sql`
      insert into message_parts
      select (jsonb_populate_record(null::message_parts, to_jsonb(p) || jsonb_build_object(
        'message_id', ${then(sql`p.message_id`)}, 'carrier_message_id', p.carrier_message_id || '-' || ${daysAgo}))).*
      from message_parts p join messages m on m.id = p.message_id where m.tenant_id = ${tenantId} and m.created_at > now() - interval '1 day'`.execute(trx);
    await sql`
      with outbox as (
        insert into callback_outbox (id, message_id, url, payload, status, attempts, created_at, completed_at, give_up_at, app_id)
        select tern_callback_id_floor(m.created_at - ${shift}) + nextval('callback_outbox_id_seq') % 2097152, ${then(sql`m.id`)},
               'https://tenant.example/reports', '{}', 'delivered', 1, m.created_at - ${shift}, m.completed_at - ${shift}, m.created_at - ${shift} + interval '3 days', m.app_id
        from messages m where m.tenant_id = ${tenantId} and m.created_at > now() - interval '1 day'
        returning id, created_at)
      insert into callback_attempts (outbox_id, attempted_at, http_status, duration_ms, attempt) select id, created_at, 200, 12, 1 from outbox`.execute(trx);
    await sql`
      insert into billing_ledger (tenant_id, at, kind, message_id, scope, country, segments, amount, currency, price_version)
      select c.tenant_id, c.at - ${shift}, c.kind, ${then(sql`c.message_id`)}, c.scope, c.country, c.segments, c.amount, c.currency, c.price_version
      from billing_ledger c join messages m on m.id = c.message_id
      where c.tenant_id = ${tenantId} and c.kind = 'charge' and c.package_id is null and m.created_at > now() - interval '1 day'`.execute(trx);
    return copied;
  });
  return rows.map((r) => r.id);
}
type RawId = ReturnType<typeof sql>;

async function statistics(apiUrl: string, who: TestTenant, since: Date, until: Date) {
  const res = await fetch(`${apiUrl}/v1/statistics?${new URLSearchParams({ since: since.toISOString(), until: until.toISOString(), granularity: 'day', groupBy: 'status', timeZone: 'UTC' })}`, {
    headers: { authorization: who.authorization },
  });
  assert.equal(res.status, 200);
  return (await res.json()) as Figures;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** `npm run tern -- …` on the test's database: its exit code and what it printed. */
const tern = (url: string, args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/tern-cli.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } }).then(
    (ok) => ({ code: 0, out: ok.stdout }),
    (err: { code: number; stderr: string }) => ({ code: err.code, out: err.stderr }),
  );

const count = async (db: Db, query: ReturnType<typeof sql>) => Number((await sql<{ n: string }>`select count(*) as n from (${query}) as q`.execute(db)).rows[0]?.n);

describe('message retention by month (migration 0042)', () => {
  test('months past retention are dropped while messages are sent: their details go, the statistics and the ledger stay, no send is lost', async ({ database, tenant }) => {
    const { db } = database;
    const simulator = await startSimulator({ receiptDelayMs: 20 });
    const hotPath = startSimulatorHotPath(database, simulator.port);
    const api = await startApi({ db, secrets: testSecrets, scheduledSends: heldSchedules, logger: testLogger, port: 0 });
    const send = async (to: string) => {
      const res = await fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: tenant.authorization },
        body: JSON.stringify({ templateId: tenant.templates.code, params: ['1234'], to: [to] }),
      });
      return { status: res.status, body: (await res.json()) as { messages?: { id: string }[] } };
    };
    const unfinished = async () => count(db, sql`select 1 from messages where status in ('accepted', 'submitted')`);
    try {
      for (let i = 0; i < 12; i++) assert.equal((await send(`+4479111${String(i).padStart(5, '0')}`)).status, 202);
      await waitFor('the first sends delivered', async () => (await unfinished()) === 0, { progress: unfinished });

      // Two months of the past (240 and 190 days ago: never the same month) with copies of those messages in each.
      const now = Date.now();
      assert.ok((await addMessagePartitions(db, new Date(now - 241 * dayMs), new Date(now - 189 * dayMs))) >= 2);
      const old = await copyIntoThePast(db, tenant.tenantId, 240);
      const kept = await copyIntoThePast(db, tenant.tenantId, 190);
      assert.equal(old.length, 12);
      assert.ok((await count(db, sql`select 1 from billing_ledger where message_id = any(${old}::uuid[])`)) > 0, 'the old messages were charged');
      assert.deepEqual((await checkLedger(db)).problems, []);
      await rollMessageStats(db, 100_000);
      const since = new Date(now - 250 * dayMs);
      const until = new Date(now + dayMs);
      const figuresBefore = await statistics(api.url, tenant, since, until);

      const partitions = await listMessagePartitions(db);
      const oldMonth = partitions.find((p) => p.tableName === 'messages' && p.fromAt && p.fromAt.getTime() <= now - 240 * dayMs && p.toAt.getTime() > now - 240 * dayMs);
      assert.ok(oldMonth, 'the month of 240 days ago is a partition');

      // Sends go on, one after another, for as long as the month is being dropped.
      let dropping = true;
      const during = (async () => {
        const results: { status: number; id?: string }[] = [];
        for (let i = 0; dropping || results.length < 5; i++) {
          const { status, body } = await send(`+4479222${String(i).padStart(5, '0')}`);
          results.push({ status, ...(body.messages?.[0] ? { id: body.messages[0].id } : {}) });
        }
        return results;
      })();
      const dropped = await dropMessageMonths(db, oldMonth.toAt, () => assert.fail('no month holds unfinished messages'));
      const droppedReports = await dropCallbackMonths(db, oldMonth.toAt, () => assert.fail('no month holds reports being retried'));
      dropping = false;
      const sent = await during;

      assert.deepEqual(dropped.map((m) => [m.toAt.toISOString(), m.messages]), [[oldMonth.toAt.toISOString(), 12]]);
      assert.deepEqual(sent.filter((s) => s.status !== 202), [], 'every send during the drop accepted');
      await waitFor('the sends made during the drop delivered', async () => (await unfinished()) === 0, { progress: unfinished });
      const ids = sent.flatMap((s) => s.id ?? []);
      assert.equal(await count(db, sql`select 1 from messages where id = any(${ids}::uuid[]) and status = 'delivered'`), ids.length);

      // The month's partitions are gone from every table, with its report callbacks and its requests.
      const left = await listMessagePartitions(db);
      assert.deepEqual(left.filter((p) => p.toId === oldMonth.toId), []);
      assert.equal(await count(db, sql`select 1 from pg_class where relname like ${oldMonth.partitionName.replace('messages', '%')}`), 0);
      assert.equal(await count(db, sql`select 1 from messages where id = any(${old}::uuid[])`), 0);
      assert.deepEqual(droppedReports.map((m) => [m.toAt.toISOString(), m.reports]), [[oldMonth.toAt.toISOString(), 12]]);
      assert.equal(await count(db, sql`select 1 from callback_outbox where message_id = any(${old}::uuid[])`), 0);
      assert.equal(await count(db, sql`select 1 from callback_attempts a where not exists (select 1 from callback_outbox o where o.id = a.outbox_id)`), 0);
      assert.deepEqual((await listCallbackPartitions(db)).filter((p) => p.toAt <= oldMonth.toAt), [], 'the reports’ month went too');
      assert.equal(await count(db, sql`select 1 from send_requests where id < ${oldMonth.toId}::uuid`), 0);
      const gone = await fetch(`${api.url}/v1/messages/${old[0]}`, { headers: { authorization: tenant.authorization } });
      assert.equal(gone.status, 404);
      // The later month is whole.
      assert.equal(await count(db, sql`select 1 from messages where id = any(${kept}::uuid[])`), 12);
      assert.equal(await count(db, sql`select 1 from message_parts where message_id = any(${kept}::uuid[])`), 12);
      assert.equal(await count(db, sql`select 1 from callback_outbox where message_id = any(${kept}::uuid[])`), 12);
      assert.equal(await count(db, sql`select 1 from callback_attempts a join callback_outbox o on o.id = a.outbox_id where o.message_id = any(${kept}::uuid[])`), 12);

      // What stays: the statistics of the dropped month, the ledger (its charges outlive their messages).
      const figuresAfter = await statistics(api.url, tenant, since, until);
      const sentDuring = figuresAfter.rows.filter((r) => new Date(r.start).getTime() > now - dayMs).reduce((n, r) => n + r.messages, 0);
      assert.equal(sentDuring, 12 + sent.length);
      assert.deepEqual(
        figuresAfter.rows.filter((r) => new Date(r.start).getTime() < now - 2 * dayMs),
        figuresBefore.rows.filter((r) => new Date(r.start).getTime() < now - 2 * dayMs),
      );
      assert.equal(figuresAfter.rows.filter((r) => new Date(r.start).getTime() < now - 195 * dayMs).reduce((n, r) => n + r.messages, 0), 12);
      assert.deepEqual((await checkLedger(db)).problems, []);

      // The horizon, and a rebuild of the statistics refused before it (it would count the dropped month as nothing).
      const horizon = await retentionHorizon(db);
      assert.equal(horizon?.beforeId, oldMonth.toId);
      await assert.rejects(rebuildMessageStats(db, { since: new Date(now - 241 * dayMs) }), RebuildBeforeRetention);
      assert.ok((await rebuildMessageStats(db, { since: new Date(now - 195 * dayMs) })) > 0);
      const refused = await tern(database.url, ['stats', 'rebuild', '--since', new Date(now - 241 * dayMs).toISOString()]);
      assert.equal(refused.code, 2);
      assert.match(refused.out, /stats rebuild refused: messages counted before .* have been dropped by retention/);
      const listed = await tern(database.url, ['partitions', 'list']);
      assert.equal(listed.code, 0);
      assert.ok(!listed.out.includes(oldMonth.fromAt?.toISOString().slice(0, 10) ?? '-'), 'the dropped month is not listed');
      assert.match(listed.out, new RegExp(`dropped by retention: every message before ${oldMonth.toAt.toISOString()}`));
      assert.deepEqual((await statistics(api.url, tenant, since, until)).rows.filter((r) => new Date(r.start).getTime() < now - 2 * dayMs), figuresAfter.rows.filter((r) => new Date(r.start).getTime() < now - 2 * dayMs));
    } finally {
      await api.stop();
      await hotPath.stop();
      await simulator.stop();
    }
  });

  test('a month past retention that still holds a message not yet final is kept, and the months after it too', async ({ database, otherTenant: tenant }) => {
    const { db } = database;
    const now = Date.now();
    await addMessagePartitions(db, new Date(now - 250 * dayMs), new Date(now - 200 * dayMs));
    const api = await startApi({ db, secrets: testSecrets, scheduledSends: heldSchedules, logger: testLogger, port: 0 });
    try {
      const res = await fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: tenant.authorization },
        body: JSON.stringify({ templateId: tenant.templates.code, params: ['1'], to: ['+447911100001'], sendAt: new Date(now + 30 * dayMs).toISOString() }),
      });
      assert.equal(res.status, 202);
    } finally {
      await api.stop();
    }
    // Its copy 250 days back (a month that ended before 200 days ago) is still scheduled (as a message scheduled 90 days ahead and never released would be).
    const [waiting] = await copyIntoThePast(db, tenant.tenantId, 250);
    assert.ok(waiting);
    const horizon = await retentionHorizon(db);
    const kept: [Date, number][] = [];
    const dropped = await dropMessageMonths(db, new Date(now - 200 * dayMs), (month, n) => kept.push([month, n]));
    assert.deepEqual(dropped, []);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.[1], 1);
    assert.equal(await count(db, sql`select 1 from messages where id = ${waiting}::uuid`), 1);
    assert.deepEqual(await retentionHorizon(db), horizon, 'the horizon did not move');
  });
});
