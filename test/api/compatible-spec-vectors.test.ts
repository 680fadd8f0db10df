import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { createTenantApp, createTenant } from '../../db/provisioning.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';

// compatible-api.md §6.1 and §6.2, byte for byte.
const vector = {
  appKey: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4',
  appSecret: 's3cr3tAppSecretForTests0001',
  digestA: 'ftZ3uR+rwunFN9FFPkP9OQjJnsmeBMgZ9jitmz8vGUQ=',
  digestB: 'N2VkNjc3YjkxZmFiYzJlOWM1MzdkMTQ1M2U0M2ZkMzkwOGM5OWVjOTllMDRjODE5ZjYzOGFkOWIzZjJmMTk0NA==',
  nonce: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  created: '2024-05-01T08:00:00Z',
  body:
    'from=8824110605001&to=%2B8613800000001%2C%2B8613800000002&templateId=0123456789abcdef0123456789abcdef' +
    '&templateParas=%5B%22123456%22%5D&statusCallback=https%3A%2F%2Fexample.com%2Fhw%2Freport&extend=order-42',
};

describe('the spec’s example request (§6.2) against a server whose clock is set to the example’s', () => {
  let database: TestDatabase;
  let onTime: RunningApi;
  let dayLate: RunningApi;

  test.beforeAll(async ({ database: d }) => {
    database = d;
    const tenantId = await createTenant(database.db, 'Spec Co');
    const app = await createTenantApp(database.db, testSecrets, { tenantId, name: 'spec', senderId: '8824110605001' });
    await database.db
      .updateTable('apps')
      .set({ app_key: vector.appKey, secret_sealed: testSecrets.seal(vector.appSecret) })
      .where('id', '=', app.id)
      .execute();
    await database.db
      .insertInto('templates')
      .values({ id: '0123456789abcdef0123456789abcdef', tenant_id: tenantId, name: 'code', region: 'international', type: 'verification', body: 'Your code is ${1}.', status: 'approved' })
      .execute();
    const options = { db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0 };
    onTime = await startApi({ ...options, now: () => new Date('2024-05-01T08:00:01Z') });
    dayLate = await startApi({ ...options, now: () => new Date('2024-05-02T08:00:01Z') });
  });
  afterAll(async () => {
    await Promise.all([onTime?.stop(), dayLate?.stop()]);
  });

  const post = (url: string, digest: string, nonce = vector.nonce) =>
    fetch(`${url}/sms/batchSendSms/v1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        Authorization: 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"',
        'X-WSSE': `UsernameToken Username="${vector.appKey}",PasswordDigest="${digest}",Nonce="${nonce}",Created="${vector.created}"`,
      },
      body: vector.body,
    });

  test('the example request authenticates and is answered in the example’s shape (its numbers refused for its template’s region)', async () => {
    const res = await post(onTime.url, vector.digestA);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    const body = (await res.json()) as { code: string; description: string; result: Record<string, unknown>[] };
    // The example sends an international channel's template to two mainland numbers, which Tern refuses per number
    // (a template goes only to numbers of its region): the spec's receiver channel match failure, E200026.
    assert.equal(res.status, 400);
    assert.equal(body.code, 'E000510');
    assert.deepEqual(
      body.result,
      ['+8613800000001', '+8613800000002'].map((originTo) => ({ originTo, createTime: '2024-05-01T08:00:01Z', from: '8824110605001', status: 'E200026' })),
    );
  });

  test('digest variant B verifies too: the example nonce is spent, so it is refused as a replay, not as a bad digest', async () => {
    // The B digest is for the example nonce; it can only be replayed, so the replay answer proves it verified.
    const res = await post(onTime.url, vector.digestB);
    assert.equal(((await res.json()) as { code: string }).code, 'E000027');
  });

  test('a server clock more than 24 h after Created refuses with E000110', async () => {
    const res = await post(dayLate.url, vector.digestA);
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'E000110');
  });

  test('one byte changed in the digest is E000105', async () => {
    const res = await post(onTime.url, vector.digestA.replace('ftZ3', 'ftZ4'));
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'E000105');
  });
});
