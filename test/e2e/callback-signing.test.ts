// Callbacks are signed with the app's secret (Standard Webhooks headers), so a receiver can tell a real report from
// a forged one; the id stays the same on every retry; a rotated secret signs alongside the new one for its grace.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { singleCarrier } from '../../carriers/routing.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createOperator } from '../../db/operators.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { sendCode } from '../support/messages.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';
import { waitFor } from '../support/wait.ts';

describe('signed callbacks', () => {
  let simulator: Simulator;
  const sinks: CallbackSink[] = [];
  beforeAll(async () => {
    simulator = await startSimulator({ receiptDelayMs: 10 });
  });
  afterAll(async () => {
    await Promise.all(sinks.map((s) => s.close()));
    await simulator?.close();
  });

  /** A hot path of its own for each test: its cache of signing secrets starts empty. */
  async function withHotPath<T>(database: TestDatabase, run: () => Promise<T>): Promise<T> {
    const bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger });
    const hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers: singleCarrier(bind), logger: testLogger, tuning: { callbackRetry: { minMs: 100, maxMs: 200 } } });
    try {
      return await run();
    } finally {
      await hotPath.stop();
      await bind.close();
    }
  }
  const sink = async () => {
    const started = await startCallbackSink();
    sinks.push(started);
    return started;
  };
  const messageId = async (res: Response) => ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';

  test('a report carries a signature that verifies with the app’s secret, and the same id on its retry', async ({ database, api, tenant }) => {
    const receiver = await sink();
    receiver.trust(tenant.signingSecret);
    receiver.failNext(1, '/callbacks/signed');
    await withHotPath(database, async () => {
      const id = await messageId(await sendCode(api.url, tenant, ['+447400100001'], { callbackUrl: `${receiver.url}/signed` }));
      const report = await waitFor('the signed report', () => receiver.received().find((r) => (r.body as { messageId?: string }).messageId === id));
      expect(report.signature).toBe('valid');
      // The first attempt got a 503; the second, received, is recorded a moment after the sink has it.
      const outbox = await waitFor('both attempts recorded', async () => {
        const { rows } = await sql<{ id: number; attempts: number }>`
          select o.id, count(a.*)::int as attempts from callback_outbox o join callback_attempts a on a.outbox_id = o.id
          where o.message_id = ${id} group by o.id`.execute(database.db);
        return rows[0]?.attempts === 2 && rows[0];
      });
      expect(report.headers['webhook-id']).toBe(`tern_${outbox.id}`);
      expect(Math.abs(Number(report.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    });
  });

  test('a report whose body was changed on the way does not verify', async ({ database, api, tenant }) => {
    const forger = await sink();
    forger.trust(tenant.signingSecret);
    await withHotPath(database, async () => {
      const id = await messageId(await sendCode(api.url, tenant, ['+447400100002'], { callbackUrl: `${forger.url}/original` }));
      const original = await waitFor('the report', () => forger.received().find((r) => (r.body as { messageId?: string }).messageId === id));
      // Replayed with a changed body and the original headers, as a forger would.
      const changed = JSON.stringify({ ...(original.body as object), status: 'failed' });
      const res = await fetch(`${forger.url}/forged`, { method: 'POST', headers: { 'content-type': 'application/json', ...original.headers }, body: changed });
      expect(res.status).toBe(204);
      expect(forger.received().find((r) => r.path === '/callbacks/forged')?.signature).toBe('bad_signature');
    });
  });

  test('a rotated secret signs alongside the new one for its grace period: receivers with either accept', async ({ database, api, tenant }) => {
    const admin = `Bearer ${(await createOperator(database.db, 'rita', 'admin')).token}`;
    const rotated = await fetch(`${api.url}/v1/admin/apps/${tenant.appId}/signing-secret`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ graceSeconds: 3600 }),
    });
    expect(rotated.status).toBe(200);
    const { signingSecret } = (await rotated.json()) as { signingSecret: string };
    expect(signingSecret).toMatch(/^whsec_/);
    const [oldReceiver, newReceiver] = [await sink(), await sink()];
    oldReceiver.trust(tenant.signingSecret);
    newReceiver.trust(signingSecret);
    await withHotPath(database, async () => {
      for (const [receiver, to] of [[oldReceiver, '+447400100003'], [newReceiver, '+447400100004']] as const) {
        const id = await messageId(await sendCode(api.url, tenant, [to], { callbackUrl: `${receiver.url}/rotated` }));
        const report = await waitFor('the report', () => receiver.received().find((r) => (r.body as { messageId?: string }).messageId === id));
        expect(report.signature).toBe('valid');
        expect(report.headers['webhook-signature']?.split(' ')).toHaveLength(2);
      }
    });
  });
});
