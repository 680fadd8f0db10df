import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { startManagementSimulator } from '../../carriers/simulator/management-api.ts';
import { createOperator } from '../../db/operators.ts';
import { systemTenantId } from '../../domain/system-tenant.ts';
import { unblockWaitingPeriodMs } from '../../domain/unblocking.ts';
import { temporalUnblockings, unblockingTimingFromEnv, unblockingWorkflowId } from '../../processes/blocklist-unblocking.ts';
import { insertUnblockRequest } from '../../db/unblock-requests.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';
import { callApi } from '../support/http.ts';

const taskQueue = 'unblocking-test';

describe('blocklist unblocking: operator review, the carrier, a waiting period, a check (time-skipping Temporal)', () => {
  let stack: TimeSkippingStack;
  let carrier: Awaited<ReturnType<typeof startManagementSimulator>>;
  let database: TestDatabase;
  let api: RunningApi;
  let env: TestWorkflowEnvironment;
  let operator: string;
  let tenant: TestTenant;

  beforeAll(async () => {
    // The carrier decides within a second of real time; the waiting period is skipped on the workflow clock.
    carrier = await startManagementSimulator({ unblockDelayMs: 200 });
    stack = await startTimeSkippingStack(taskQueue, undefined, {}, { carrierApiUrl: carrier.url });
    ({ database, api, env } = stack);
    operator = `Bearer ${(await createOperator(database.db, 'uma', 'operator')).token}`;
    tenant = await createTestTenant(database.db);
    await database.db.updateTable('tenants').set({ contact_numbers: ['+8613900000009'] }).where('id', '=', tenant.tenantId).execute();
  });
  afterAll(async () => {
    await stack?.stop();
    await carrier?.close();
  });

  const call = (method: string, path: string, auth: string, body?: unknown) => callApi(api.url, method, path, auth, body);
  const block = (number: string) =>
    call('POST', '/v1/admin/blocklist', operator, { numbers: [number], source: 'complaint', reason: 'Complained.' });
  const apply = (number: string) => call('POST', `/v1/blocklist/${encodeURIComponent(number)}/unblock`, tenant.authorization, { reason: 'The customer asked us to resume.' });
  const request = (id: string) => call('GET', `/v1/unblock-requests/${id}`, tenant.authorization);
  const ended = (id: string) =>
    waitFor('the request ended', async () => {
      const r = await request(id);
      return r.body.state === 'unblocked' || r.body.state === 'refused' ? r.body : undefined;
    });
  const blocked = async (number: string) => (await call('GET', `/v1/blocklist/${encodeURIComponent(number)}`, tenant.authorization)).body.blocked;
  const workflowState = async (id: string) => (await env.client.workflow.getHandle(unblockingWorkflowId(id)).query<{ state: string; carrierStep?: string }>('state')).carrierStep;

  test('approved by an operator and by the carrier, after the waiting period the number is unblocked and the tenant told', async () => {
    const number = '+8613800770001';
    await block(number);
    const applied = await apply(number);
    assert.equal(applied.status, 202, JSON.stringify(applied.body));
    const id = applied.body.id as string;
    assert.equal((await apply(number)).status, 409, 'one open request per number');
    const rtl = await call('POST', `/v1/blocklist/${encodeURIComponent(number)}/unblock`, tenant.authorization, { reason: 'Please \u202eesume' });
    assert.equal(rtl.status, 400, 'a tenant’s reason may not hide or reorder what the operator reads');
    const queue = (await call('GET', '/v1/admin/unblock-requests', operator)).body.requests as { id: string }[];
    assert.ok(queue.some((r) => r.id === id));
    assert.equal((await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'approve' })).status, 202);
    await waitFor('waiting period', async () => ((await workflowState(id)) === 'waiting' ? true : undefined));
    assert.equal((await request(id)).body.state, 'carrier_pending');
    assert.equal(await blocked(number), true, 'still blocked during the waiting period');
    await new Promise((r) => setTimeout(r, 300)); // the carrier acts within 200 ms of real time
    await stack.skipTo(new Date((await env.currentTimeMs()) + unblockWaitingPeriodMs + 1000).toISOString());
    const done = await ended(id);
    assert.equal(done.state, 'unblocked');
    assert.equal(await blocked(number), false);
    const notices = await database.db.selectFrom('messages').select('body').where('tenant_id', '=', systemTenantId).where('recipient', '=', '+8613900000009').execute();
    assert.ok(notices.some((n) => n.body.includes(`${number} is unblocked`)));
  });

  test('refused by an operator, with the reason; refused by the carrier', async () => {
    const first = '+8613800770002';
    await block(first);
    const id = (await apply(first)).body.id as string;
    assert.equal((await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'refuse' })).status, 400, 'a refusal needs a reason');
    const hidden = await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'refuse', reason: 'Complaints\nCall +44 800' });
    assert.equal(hidden.status, 400, 'reasons are visible text, like every other reason');
    await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'refuse', reason: 'Complaints keep coming.' });
    const refused = await ended(id);
    assert.deepEqual([refused.state, refused.outcome], ['refused', 'Complaints keep coming.']);
    assert.equal(await blocked(first), true);
    assert.equal((await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'approve' })).status, 409);

    const second = '+8613800779906'; // the simulated carrier refuses numbers ending 9906
    await block(second);
    const id2 = (await apply(second)).body.id as string;
    await call('POST', `/v1/admin/unblock-requests/${id2}/decision`, operator, { decision: 'approve' });
    await waitFor('waiting period', async () => ((await workflowState(id2)) === 'waiting' ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    await stack.skipTo(new Date((await env.currentTimeMs()) + unblockWaitingPeriodMs + 1000).toISOString());
    const byCarrier = await ended(id2);
    assert.deepEqual([byCarrier.state, byCarrier.outcome], ['refused', 'The carrier refused to unblock the number.']);
  });

  test('with a shorter wait (TERN_UNBLOCK_WAIT_SECONDS, for trying it out) the carrier is checked after it, not after a day', async () => {
    const number = '+8613800770004';
    await block(number);
    const timing = unblockingTimingFromEnv({ TERN_UNBLOCK_WAIT_SECONDS: '60' });
    assert.deepEqual(timing, { waitingPeriodMs: 60_000, checkIntervalMs: 60_000 });
    const quick = temporalUnblockings(env.client, taskQueue, { searchAttributes: false }, timing);
    const row = await insertUnblockRequest(database.db, { tenantId: tenant.tenantId, number, reason: 'Trying it out.' }, (requestId) =>
      quick.start({ requestId, tenantId: tenant.tenantId }),
    );
    const id = row?.id ?? '';
    await call('POST', `/v1/admin/unblock-requests/${id}/decision`, operator, { decision: 'approve' });
    await waitFor('waiting period', async () => ((await workflowState(id)) === 'waiting' ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    await stack.skipTo(new Date((await env.currentTimeMs()) + 61_000).toISOString());
    assert.equal((await ended(id)).state, 'unblocked');
  });

  test('a number that is not blocked cannot be applied for', async () => {
    assert.equal((await apply('+8613800770003')).status, 404);
  });
});
