// Migrations 0042 and 0044 on a database that already holds messages and reports, and the months the retention loop
// keeps ahead.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { inject } from 'vitest';
import { startApi } from '../../api/start-api.ts';
import { connectDb, type Db } from '../../db/connect.ts';
import { dropCallbackMonths, listCallbackPartitions } from '../../db/callback-partitions.ts';
import { checkLedger } from '../../db/ledger-check.ts';
import { addMessagePartitions, dropMessageMonths, listMessagePartitions } from '../../db/message-partitions.ts';
import { rollMessageStats } from '../../db/message-stats.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { partitionMonthsAhead, partitionsUntil } from '../../domain/retention.ts';
import type { ScheduledSends } from '../../processes/scheduled-send.ts';
import { startRetention } from '../../worker/retention.ts';
import { describe, test } from '../support/fixtures.ts';
import { asAdmin } from '../support/postgres.ts';
import { testLogger } from '../support/logger.ts';
import { testSecrets } from '../support/secrets.ts';
import { withDatabase } from '../support/template-database.ts';
import { createTestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

const heldSchedules: ScheduledSends = { schedule: async () => {}, cancel: async () => {} };

/** A new database migrated up to the one before 0042, dropped after `use`. */
const withDatabaseBefore0042 = (use: (db: Db) => Promise<void>) => withDatabaseMigratedTo('0041_message_exports', use);

/** A new database migrated up to `last`, dropped after `use`. */
async function withDatabaseMigratedTo(last: string, use: (db: Db) => Promise<void>): Promise<void> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name}`);
  const db = connectDb({ connectionString: withDatabase(inject('postgresAdminUrl'), name), max: 5 });
  try {
    const result = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(last);
    if (result.error) throw result.error;
    await use(db);
  } finally {
    await db.destroy();
    await asAdmin(`drop database if exists ${name} with (force)`);
  }
}

const partitionOf = async (db: Db, id: string) =>
  (await sql<{ partition: string }>`select tableoid::regclass::text as partition from messages where id = ${id}`.execute(db)).rows[0]?.partition;

describe('message partitions (migration 0042)', () => {
  test('a database holding messages keeps them in a legacy partition, read and written through the partitioned tables, counted once', async () => {
    await withDatabaseBefore0042(async (db) => {
      const tenant = await createTestTenant(db);
      const api = await startApi({ db, secrets: testSecrets, scheduledSends: heldSchedules, logger: testLogger, port: 0 });
      const send = async (to: string[], sendAt?: string) => {
        const res = await fetch(`${api.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: tenant.authorization },
          body: JSON.stringify({ templateId: tenant.templates.code, params: ['1234'], to, ...(sendAt ? { sendAt } : {}) }),
        });
        assert.equal(res.status, 202, await res.clone().text());
        return ((await res.json()) as { messages: { id: string }[] }).messages.map((m) => m.id);
      };
      try {
        const before = await send(['+447911100001', '+447911100002']);
        const [later] = await send(['+447911100003'], new Date(Date.now() + 3600_000).toISOString());
        assert.ok(later);
        await sql`insert into message_parts (message_id, part_no, carrier, carrier_message_id, submitted_at) values (${before[0]}, 1, 'sim', 'c-1', now())`.execute(db);

        await migrateToLatest(db);

        const partitions = await listMessagePartitions(db);
        const legacy = partitions.filter((p) => p.partitionName.endsWith('_legacy'));
        assert.deepEqual(legacy.map((p) => p.tableName).sort(), ['message_failovers', 'message_parts', 'message_retries', 'messages']);
        assert.ok(legacy.every((p) => p.fromAt === null && p.toAt.getTime() > Date.now() && p.toAt.getUTCDate() === 1 && p.toAt.getUTCHours() === 0), 'legacy ends on the 1st of next month');
        const months = partitions.filter((p) => p.tableName === 'messages' && p.fromAt);
        assert.equal(months.length, partitionMonthsAhead, 'the months after the legacy one');
        assert.equal(await partitionOf(db, before[0] ?? ''), 'messages_legacy');

        // Read through the API; the part through its table; written: a cancel (its refund once), a new send.
        const read = await fetch(`${api.url}/v1/messages/${before[1]}`, { headers: { authorization: tenant.authorization } });
        assert.equal(read.status, 200);
        assert.equal(Number((await sql<{ n: string }>`select count(*) as n from message_parts where message_id = ${before[0]}`.execute(db)).rows[0]?.n), 1);
        const cancel = await fetch(`${api.url}/v1/messages/${later}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
        assert.equal(cancel.status, 200);
        const [after] = await send(['+447911100004']);
        assert.equal(await partitionOf(db, after ?? ''), 'messages_legacy');

        // The triggers moved, not copied: each message counted once, the cancel refunded once.
        await rollMessageStats(db, 10_000);
        const counted = await sql<{ outcome: string; n: string }>`select outcome, sum(messages) as n from message_stats where rollup = 'all' group by 1 order by 1`.execute(db);
        assert.deepEqual(counted.rows.map((r) => [r.outcome, Number(r.n)]), [['cancelled', 1], ['pending', 3]]);
        const refunds = await sql<{ n: string }>`select count(*) as n from billing_ledger where kind = 'refund'`.execute(db);
        assert.equal(Number(refunds.rows[0]?.n), 1);
        assert.deepEqual((await checkLedger(db)).problems, []);
        // The view over the parts reads the partitioned table, not the legacy one alone.
        await sql`insert into message_parts (message_id, part_no, carrier, carrier_message_id, submitted_at) values (${after}, 1, 'sim', 'c-2', now())`.execute(db);
        assert.equal(Number((await sql<{ n: string }>`select count(*) as n from part_outcomes`.execute(db)).rows[0]?.n), 2);
      } finally {
        await api.stop();
      }
    });
  });

  test('reports queued before migration 0044 stay in a legacy partition; new ones are numbered by their second, in their month', async () => {
    await withDatabaseMigratedTo('0043_stat_rollups', async (db) => {
      const report = (status: string) => sql<{ id: number }>`
        insert into callback_outbox (message_id, url, payload, status, give_up_at)
        values (gen_random_uuid(), 'https://tenant.example/reports', '{}', ${status}, now() + interval '3 days') returning id`;
      const attempt = (outboxId: number) => sql`insert into callback_attempts (outbox_id, attempt, http_status, duration_ms) values (${outboxId}, 1, 200, 12)`;
      const partitionOfReport = async (table: 'callback_outbox' | 'callback_attempts', id: number) =>
        (await sql<{ partition: string }>`select tableoid::regclass::text as partition from ${sql.table(table)} where ${sql.ref(table === 'callback_outbox' ? 'id' : 'outbox_id')} = ${id}`.execute(db)).rows[0]?.partition;
      const old = (await report('delivered').execute(db)).rows[0]?.id ?? 0;
      await attempt(old).execute(db);

      await migrateToLatest(db);

      assert.equal(await partitionOfReport('callback_outbox', old), 'callback_outbox_legacy');
      assert.equal(await partitionOfReport('callback_attempts', old), 'callback_attempts_legacy');
      const month = new Date();
      const suffix = `_p${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
      const fresh = (await report('pending').execute(db)).rows[0]?.id ?? 0;
      await attempt(fresh).execute(db);
      assert.equal(await partitionOfReport('callback_outbox', fresh), `callback_outbox${suffix}`);
      assert.equal(await partitionOfReport('callback_attempts', fresh), `callback_attempts${suffix}`);
      assert.ok(Number.isSafeInteger(fresh) && fresh > old, `${fresh}: above the old ids, exact in JavaScript`);
      const made = (await sql<{ at: Date }>`select tern_callback_id_time(${fresh}::bigint) as at`.execute(db)).rows[0]?.at;
      assert.ok(made && Math.abs(made.getTime() - Date.now()) < 10_000, `${fresh} says when it was queued: ${made?.toISOString()}`);
      const partitions = await listCallbackPartitions(db);
      assert.deepEqual(partitions.filter((p) => p.fromAt === null).map((p) => p.tableName).sort(), ['callback_attempts', 'callback_outbox']);
      assert.equal(partitions.filter((p) => p.tableName === 'callback_outbox' && p.fromAt).length, partitionMonthsAhead + 1, 'this month and the months ahead');

      // The legacy month ended when this one began: past any retention, it goes, and the numbering goes on.
      assert.deepEqual((await dropCallbackMonths(db, new Date(), () => assert.fail('nothing is retried'))).map((m) => m.reports), [1]);
      assert.equal(Number((await sql<{ n: string }>`select count(*) as n from callback_outbox`.execute(db)).rows[0]?.n), 1);
      const next = (await report('pending').execute(db)).rows[0]?.id ?? 0;
      assert.ok(next > fresh);
      // A month holding a report still being retried is kept.
      const kept: Date[] = [];
      assert.deepEqual(await dropCallbackMonths(db, new Date(Date.now() + 62 * 24 * 3600_000), (m) => kept.push(m)), []);
      assert.equal(kept.length, 1);
    });
  });

  test('ids made before UUIDv7 above the first month are refused with what to do', async () => {
    await withDatabaseBefore0042(async (db) => {
      const tenant = await createTestTenant(db);
      const api = await startApi({ db, secrets: testSecrets, scheduledSends: heldSchedules, logger: testLogger, port: 0 });
      try {
        const res = await fetch(`${api.url}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: tenant.authorization },
          body: JSON.stringify({ templateId: tenant.templates.code, params: ['1'], to: ['+447911100001'] }),
        });
        assert.equal(res.status, 202);
      } finally {
        await api.stop();
      }
      // As a message accepted before ids were UUIDv7 would be: a random (version 4) id.
      await sql`insert into messages select (jsonb_populate_record(null::messages, to_jsonb(m) || jsonb_build_object('id', 'f' || substr(gen_random_uuid()::text, 2)))).* from messages m`.execute(db);
      await assert.rejects(migrateToLatest(db), /made before UUIDv7/);
      assert.equal((await sql<{ kind: string }>`select relkind::text as kind from pg_class where relname = 'messages'`.execute(db)).rows[0]?.kind, 'r', 'nothing changed');
    });
  });

  test('the retention loop keeps the months made ahead of the clock', async ({ database }) => {
    const { db } = database;
    const last = async () => Math.max(...(await listMessagePartitions(db)).filter((p) => p.tableName === 'messages').map((p) => p.toAt.getTime()));
    assert.ok((await last()) >= partitionsUntil(new Date()).getTime());
    // The months ahead dropped (as if the loop had not run for two months): the loop makes them again.
    const partitions = await listMessagePartitions(db);
    const lastTwo = [...new Set(partitions.map((p) => p.toAt.getTime()))].sort((a, b) => b - a).slice(0, partitionMonthsAhead);
    assert.equal(lastTwo.length, partitionMonthsAhead);
    const doomed = partitions.filter((p) => lastTwo.includes(p.toAt.getTime()));
    for (const table of ['message_failovers', 'message_retries', 'message_parts', 'messages']) {
      for (const p of doomed.filter((d) => d.tableName === table)) await sql`alter table ${sql.table(table)} detach partition ${sql.table(p.partitionName)}`.execute(db);
    }
    await sql`drop table ${sql.join(doomed.map((p) => sql.table(p.partitionName)))}`.execute(db);
    const cut = await last();
    const retention = startRetention({ db, logger: testLogger, retentionDays: 180 });
    try {
      await waitFor('the months made again', async () => (await last()) > cut);
    } finally {
      await retention.stop();
    }
    assert.ok((await last()) >= partitionsUntil(new Date()).getTime());
    const names = (await listMessagePartitions(db)).map((p) => p.partitionName);
    for (const p of doomed) assert.ok(names.includes(p.partitionName), `${p.partitionName} made again`);
  });

  test('a month a run detached but did not drop (it stopped in between) is dropped by the next run', async ({ database }) => {
    const { db } = database;
    const dayMs = 24 * 3600_000;
    await addMessagePartitions(db, new Date(Date.now() - 250 * dayMs), new Date(Date.now() - 240 * dayMs));
    const [old] = (await listMessagePartitions(db)).filter((p) => p.tableName === 'messages' && p.fromAt);
    assert.ok(old);
    const month = (await listMessagePartitions(db)).filter((p) => p.toId === old.toId);
    assert.equal(month.length, 4);
    for (const table of ['message_failovers', 'message_retries', 'message_parts', 'messages']) {
      for (const p of month.filter((m) => m.tableName === table)) await sql`alter table ${sql.table(table)} detach partition ${sql.table(p.partitionName)}`.execute(db);
    }
    const left = async () => Number((await sql<{ n: number }>`select count(*) as n from pg_class where relname = any(${month.map((p) => p.partitionName)}::text[])`.execute(db)).rows[0]?.n);
    assert.equal(await left(), 4, 'detached, not dropped');
    await dropMessageMonths(db, new Date(Date.now() - 300 * dayMs), () => assert.fail('nothing is due'));
    assert.equal(await left(), 0);
  });
});
