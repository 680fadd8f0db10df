import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { createOperator } from '../../db/operators.ts';
import { systemTenantId } from '../../domain/system-tenant.ts';
import { periodBounds } from '../../domain/traffic.ts';
import { temporalSuspensions } from '../../processes/sending-suspension.ts';
import { trafficCheck } from '../../worker/traffic-monitor.ts';
import { testLogger } from '../support/logger.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';
import { compatibleClient } from '../support/wsse-client.ts';

const taskQueue = 'traffic-test';

describe('traffic thresholds: the alarm SMS once, suspension at the limit and its end (time-skipping Temporal)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let env: TestWorkflowEnvironment;
  let operator: string;
  let check: () => Promise<void>;

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api, env } = stack);
    operator = `Bearer ${(await createOperator(database.db, 'ola', 'operator')).token}`;
    check = trafficCheck({ db: database.db, logger: testLogger, suspensions: temporalSuspensions(env.client, taskQueue, { searchAttributes: false }) });
  });
  afterAll(() => stack?.stop());

  const setThresholds = async (tenant: TestTenant, body: object) => {
    const res = await fetch(`${api.url}/v1/traffic-thresholds`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify({ dailyAlarm: null, dailyLimit: null, contactNumbers: [], ...body }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  };
  const send = async (tenant: TestTenant, count = 1) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: tenant.authorization },
        body: JSON.stringify({ to: [freshMainlandNumber()], templateId: tenant.templates.mainlandCode, params: ['1234'] }),
      });
      statuses.push(res.status);
    }
    return statuses;
  };
  const noticesTo = async (numbers: string[]) =>
    database.db.selectFrom('messages').select(['recipient', 'body']).where('tenant_id', '=', systemTenantId).where('recipient', 'in', numbers).orderBy('created_at').execute();
  const suspension = (tenant: TestTenant) =>
    database.db.selectFrom('tenant_suspensions').selectAll().where('tenant_id', '=', tenant.tenantId).orderBy('created_at', 'desc').executeTakeFirst();
  const suspended = (tenant: TestTenant) => waitFor('suspension', async () => ((await suspension(tenant))?.state === 'active' ? suspension(tenant) : undefined));
  const ended = (tenant: TestTenant) => waitFor('suspension ended', async () => ((await suspension(tenant))?.state === 'ended' ? suspension(tenant) : undefined));

  test('reaching the alarm value sends one alarm SMS to the contacts, once per period', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Alarm Co' });
    const contacts = ['+8613900000001', '+447400000001'];
    await setThresholds(tenant, { dailyAlarm: 3, dailyLimit: 100, contactNumbers: contacts });
    await send(tenant, 2);
    await check();
    assert.equal((await noticesTo(contacts)).length, 0, 'not yet');
    await send(tenant, 2);
    await check();
    await check();
    const notices = await noticesTo(contacts);
    assert.equal(notices.length, 2, 'one per contact, once');
    assert.ok(notices.find((n) => n.recipient === '+8613900000001')?.body.startsWith('【Tern】Tern traffic alarm: 4 messages today'));
    assert.ok(notices.find((n) => n.recipient === '+447400000001')?.body.startsWith('Tern traffic alarm'));
  });

  test('at the limit sending is suspended (403, E000623 on the compatible API) until an operator lifts it', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Lift Co' });
    await setThresholds(tenant, { dailyAlarm: null, dailyLimit: 2, contactNumbers: ['+8613900000002'] });
    assert.deepEqual(await send(tenant, 2), [202, 202]);
    await check();
    const active = await suspended(tenant);
    assert.equal(active?.until.toISOString(), periodBounds('day', new Date()).end.toISOString(), 'until midnight in Shanghai');
    await new Promise((r) => setTimeout(r, 1_100)); // the API caches suspensions for a second
    const refused = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify({ to: [freshMainlandNumber()], templateId: tenant.templates.mainlandCode, params: ['1234'] }),
    });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'sending_suspended');
    const compat = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).batchSendSms({ from: tenant.mainlandFrom, to: freshMainlandNumber(), templateId: tenant.templates.mainlandCode, templateParas: '["1"]' });
    assert.deepEqual([compat.status, compat.body.code], [403, 'E000623']);

    const lifted = await fetch(`${api.url}/v1/admin/tenants/${tenant.tenantId}/suspension/lift`, { method: 'POST', headers: { authorization: operator } });
    assert.equal(lifted.status, 200);
    assert.equal((await ended(tenant))?.ended_reason, 'lifted');
    await new Promise((r) => setTimeout(r, 1_100));
    assert.deepEqual(await send(tenant), [202]);
    const notices = (await noticesTo(['+8613900000002'])).map((n) => n.body);
    assert.ok(notices.some((b) => b.includes('suspended')) && notices.some((b) => b.includes('resumed')), notices.join(' | '));
    assert.equal((await fetch(`${api.url}/v1/admin/tenants/${tenant.tenantId}/suspension/lift`, { method: 'POST', headers: { authorization: operator } })).status, 409, 'nothing left to lift');
    // Still over the limit, but lifted for this period: the monitor does not suspend it again.
    await check();
    assert.equal((await suspension(tenant))?.state, 'ended');
    assert.equal((await noticesTo(['+8613900000002'])).filter((n) => n.body.includes('suspended')).length, 1);
  });

  test('raising the limit above the count ends the suspension; a change that stays under it does not', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Raise Co' });
    await setThresholds(tenant, { dailyLimit: 2 });
    await send(tenant, 2);
    await check();
    await suspended(tenant);
    await setThresholds(tenant, { dailyLimit: 2, contactNumbers: ['+8613900000003'] });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await suspension(tenant))?.state, 'active');
    await setThresholds(tenant, { dailyLimit: 10 });
    assert.equal((await ended(tenant))?.ended_reason, 'limit_raised');
    // Reaching the raised limit suspends the tenant again in the same period.
    await send(tenant, 8);
    await check();
    const again = await suspended(tenant);
    assert.equal(again?.ended_reason, null);
  });

  test('a suspension ends by itself when its period does (midnight in Shanghai)', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Midnight Co' });
    await setThresholds(tenant, { dailyLimit: 1 });
    await send(tenant, 1);
    await check();
    const active = await suspended(tenant);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await suspension(tenant))?.state, 'active', 'still suspended before midnight');
    await stack.skipTo(new Date(active!.until.getTime() + 1000).toISOString());
    assert.equal((await ended(tenant))?.ended_reason, 'period_ended');
  });

  test('thresholds are validated', async () => {
    const tenant = await createTestTenant(database.db, { name: 'Bad Co' });
    const res = await fetch(`${api.url}/v1/traffic-thresholds`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify({ dailyAlarm: 10, dailyLimit: 5, contactNumbers: [] }),
    });
    assert.equal(res.status, 422, 'an alarm above its limit breaks a rule across fields');
  });
});
