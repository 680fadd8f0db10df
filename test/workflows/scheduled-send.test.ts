import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { scheduledSendWorkflowId } from '../../processes/scheduled-send.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { singleCarrier } from '../../carriers/routing.ts';
import type { CarrierBind } from '../../carriers/carrier.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import type { ScheduledSendResult } from '../../workflows/scheduled-send.ts';
import { testLogger } from '../support/logger.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';
import { testSecrets } from '../support/secrets.ts';

const taskQueue = 'scheduled-send-test';
const day = 24 * 3600 * 1000;

describe('scheduled send (time-skipping Temporal, real Postgres, real HTTP)', () => {
  let stack: TimeSkippingStack;
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let simulator: Simulator;
  let bind: CarrierBind;
  let hotPath: { stop(): Promise<void> };

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ env, database, api } = stack);
    tenant = await createTestTenant(database.db);
    // The hot path runs too, so a released message is seen to go out over SMPP, not only to enter the queue.
    simulator = await startSimulator({ receiptDelayMs: 10 });
    bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern' });
    hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers: singleCarrier(bind), logger: testLogger });
  });
  afterAll(async () => {
    await hotPath?.stop();
    await bind?.close();
    await simulator?.close();
    await stack?.stop();
  });

  async function sendLater(at: Date) {
    await stack.syncClock();
    const res = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify({ to: ['+8613800138000', '+8613800138001'], templateId: tenant.templates.mainlandCode, params: ['1234'], sendAt: at.toISOString() }),
    });
    const body = await res.json();
    assert.equal(res.status, 202, JSON.stringify(body));
    return body as { requestId: string; messages: { id: string; status: string }[] };
  }
  const statuses = async (requestId: string) =>
    (await database.db.selectFrom('messages').select('status').where('request_id', '=', requestId).execute()).map((r) => r.status);

  test('a send three days ahead waits, then goes out over SMPP when time is skipped', async () => {
    const sendAt = new Date((await env.currentTimeMs()) + 3 * day);
    const sent = await sendLater(sendAt);
    assert.deepEqual(sent.messages.map((m) => m.status), ['scheduled', 'scheduled']);
    assert.deepEqual(await statuses(sent.requestId), ['scheduled', 'scheduled']);

    const handle = env.client.workflow.getHandle(scheduledSendWorkflowId(sent.requestId));
    const result = (await handle.result()) as ScheduledSendResult;
    assert.deepEqual(result, { state: 'released', messages: 2 });
    assert.ok((await env.currentTimeMs()) >= sendAt.getTime(), 'released no earlier than its time');
    await waitFor('the released messages delivered', async () => (await statuses(sent.requestId)).every((s) => s === 'delivered'));
    const arrived = simulator.received().filter((m) => m.text === '【Tern测试】您的验证码是1234，5分钟内有效。');
    assert.equal(arrived.length, 2, 'both went out over SMPP');
  });

  test('a cancelled send never goes out', async () => {
    const sent = await sendLater(new Date((await env.currentTimeMs()) + 3 * day));
    for (const m of sent.messages) {
      const res = await fetch(`${api.url}/v1/messages/${m.id}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { status: string }).status, 'cancelled');
    }
    const result = (await env.client.workflow.getHandle(scheduledSendWorkflowId(sent.requestId)).result()) as ScheduledSendResult;
    assert.equal(result.state, 'cancelled');
    assert.deepEqual(await statuses(sent.requestId), ['cancelled', 'cancelled']);
    const parts = await database.db.selectFrom('message_parts').select('message_id').where('message_id', 'in', sent.messages.map((m) => m.id)).execute();
    assert.equal(parts.length, 0, 'nothing was submitted');
    // A cancel retried (its answer lost) succeeds again: the message is cancelled, as asked.
    const again = await fetch(`${api.url}/v1/messages/${sent.messages[0]!.id}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { status: string }).status, 'cancelled');
  });

  test('cancelling one of two recipients sends only the other', async () => {
    const sent = await sendLater(new Date((await env.currentTimeMs()) + day));
    const res = await fetch(`${api.url}/v1/messages/${sent.messages[0]!.id}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
    assert.equal(res.status, 200);
    const result = (await env.client.workflow.getHandle(scheduledSendWorkflowId(sent.requestId)).result()) as ScheduledSendResult;
    assert.deepEqual(result, { state: 'released', messages: 1 });
    assert.ok(['accepted', 'submitted', 'delivered'].includes(
      (await database.db.selectFrom('messages').select('status').where('id', '=', sent.messages[1]!.id).executeTakeFirstOrThrow()).status,
    ));
    assert.equal(
      (await database.db.selectFrom('messages').select('status').where('id', '=', sent.messages[0]!.id).executeTakeFirstOrThrow()).status,
      'cancelled',
    );
    const again = await fetch(`${api.url}/v1/messages/${sent.messages[1]!.id}`, { method: 'DELETE', headers: { authorization: tenant.authorization } });
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as { code: string }).code, 'not_cancellable');
  });
});
