import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { addPackage } from '../../db/packages.ts';
import { createOperator } from '../../db/operators.ts';
import { systemTenantId } from '../../domain/system-tenant.ts';
import { quotaRunoutWorkflowId, temporalQuotaHolds } from '../../processes/quota-runout.ts';
import { quotaHoldQuery } from '../../workflows/quota-runout.ts';
import { billingCheck } from '../../worker/billing-monitor.ts';
import { callApi } from '../support/http.ts';
import { testLogger } from '../support/logger.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';

const taskQueue = 'quota-runout-test';
let nextNumber = 2000;
const usNumber = () => `+1415666${String(nextNumber++).padStart(4, '0')}`;

describe('billing mode 2: the quota-runout hold as a workflow, its top-up, release and mode change (time-skipping Temporal)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let env: TestWorkflowEnvironment;
  let operator: string;
  let check: () => Promise<boolean>;

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api, env } = stack);
    operator = `Bearer ${(await createOperator(database.db, 'otto', 'operator')).token}`;
    check = billingCheck({ db: database.db, logger: testLogger, holds: temporalQuotaHolds(env.client, taskQueue, { searchAttributes: false }) });
  });
  afterAll(() => stack?.stop());

  const send = (tenant: TestTenant, count: number) =>
    callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to: Array.from({ length: count }, usNumber), templateId: tenant.templates.code, params: ['1'] });
  const admin = (method: string, path: string, body?: unknown) => callApi(api.url, method, `/v1/admin/tenants${path}`, operator, body);
  const hold = (tenant: TestTenant) => database.db.selectFrom('billing_holds').selectAll().where('tenant_id', '=', tenant.tenantId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const noticesTo = (contacts: string[]) =>
    database.db.selectFrom('messages').select('body').where('tenant_id', '=', systemTenantId).where('recipient', 'in', contacts).orderBy('created_at').execute();

  /** A mode-2 tenant with 2 international segments and a contact, whose third message opens a hold with its workflow. */
  async function heldTenant(name: string, contact: string) {
    const tenant = await createTestTenant(database.db, { name });
    await callApi(api.url, 'PUT', '/v1/traffic-thresholds', tenant.authorization, { dailyAlarm: null, dailyLimit: null, contactNumbers: [contact] });
    assert.equal((await admin('PUT', `/${tenant.tenantId}/billing-mode`, { mode: 2 })).status, 200);
    assert.equal((await admin('POST', `/${tenant.tenantId}/packages`, { scope: 'international', segments: 2 })).status, 201);
    const first = await send(tenant, 3);
    assert.equal(first.status, 202);
    const statuses = (first.body as { messages: { status: string }[] }).messages.map((m) => m.status);
    assert.deepEqual(statuses, ['accepted', 'accepted', 'rejected']);
    await check();
    const row = await hold(tenant);
    const handle = env.client.workflow.getHandle(quotaRunoutWorkflowId({ tenantId: tenant.tenantId, holdId: row.id }));
    await waitFor('the hold notice', async () => (await check(), (await noticesTo([contact])).length === 1));
    assert.match((await noticesTo([contact]))[0]?.body ?? '', /international SMS packages are used up/);
    assert.deepEqual(await handle.query(quotaHoldQuery), { state: 'held' });
    return { tenant, handle, holdId: row.id };
  }

  test('a top-up (signalled by the grant) ends the hold; the tenant is told and sends again', async () => {
    const contact = '+447400001001';
    const { tenant, handle } = await heldTenant('Topped Co', contact);
    assert.equal((await send(tenant, 1)).status, 403);
    assert.equal((await admin('POST', `/${tenant.tenantId}/packages`, { scope: 'international', segments: 50 })).status, 201);
    assert.equal(await handle.result(), 'topped_up');
    const ended = await hold(tenant);
    assert.equal(ended.ended_reason, 'topped_up');
    await check();
    assert.match((await noticesTo([contact])).at(-1)?.body ?? '', /international sending has resumed/);
    assert.equal((await send(tenant, 2)).status, 202);
  });

  test('a top-up the workflow was not told of ends the hold at its next look, ten minutes on', async () => {
    const { tenant, handle } = await heldTenant('Quiet Co', '+447400001002');
    const now = new Date(await env.currentTimeMs());
    await addPackage(
      database.db,
      { tenantId: tenant.tenantId, scope: 'international', segments: 5, validFrom: now, expiresAt: new Date(now.getTime() + 86_400_000), source: 'grant', reference: null, operatorId: '00000000-0000-4000-8000-000000000001' },
      now,
    );
    assert.deepEqual(await handle.query(quotaHoldQuery), { state: 'held' }, 'not told, not yet noticed');
    await stack.skipTo(new Date(now.getTime() + 11 * 60_000).toISOString());
    assert.equal(await handle.result(), 'topped_up');
  });

  test('an operator releases the hold, or switches the tenant to mode 1', async () => {
    const released = await heldTenant('Released Co', '+447400001003');
    assert.equal((await admin('POST', `/${released.tenant.tenantId}/quota-hold/release`)).status, 200);
    assert.equal(await released.handle.result(), 'released');
    assert.equal((await hold(released.tenant)).ended_reason, 'released');

    const switched = await heldTenant('Switched Co', '+447400001004');
    assert.equal((await admin('PUT', `/${switched.tenant.tenantId}/billing-mode`, { mode: 1 })).status, 200);
    assert.equal(await switched.handle.result(), 'mode_changed');
    // Mode 1: the packages are used up, so the next message is charged per use.
    assert.equal((await send(switched.tenant, 1)).status, 202);
  });
});
