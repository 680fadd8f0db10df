import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { rotateAppSecret, updateApp } from '../../db/provisioning.ts';
import { claimNonce, deleteExpiredNonces } from '../../db/wsse-nonces.ts';
import { testLogger } from '../support/logger.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import { compatibleClient, wsseHeaders, type CompatibleAnswer } from '../support/wsse-client.ts';

const specAuthorization = 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"';

describe('compatible API authentication (X-WSSE) and attacks', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let replica: RunningApi;
  let tenant: TestTenant;
  let client: ReturnType<typeof compatibleClient>;

  test.beforeAll(async ({ database: d, tenant: t }) => {
    [database, tenant] = [d, t];
    const options = { db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0 };
    // Two API processes on one database, as two replicas behind a balancer.
    [api, replica] = await Promise.all([startApi(options), startApi(options)]);
    client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), replica?.stop()]);
  });

  const form = () =>
    new URLSearchParams({ from: tenant.mainlandFrom, to: freshMainlandNumber(), templateId: tenant.templates.mainlandCode, templateParas: '["123456"]' }).toString();
  const countMessages = async () =>
    Number((await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const sendWith = (headers: Record<string, string>, url = api.url) =>
    compatibleClient(url, tenant.appKey, tenant.appSecret).raw('/sms/batchSendSms/v1', 'application/x-www-form-urlencoded', form(), headers);
  const withWsse = (xWsse: string) => sendWith({ authorization: specAuthorization, 'x-wsse': xWsse });
  const created = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

  async function refused(answer: Promise<CompatibleAnswer>, status: number, code: string) {
    const before = await countMessages();
    const { status: got, body, contentType } = await answer;
    assert.equal(body.code, code, body.description);
    assert.equal(got, status, code);
    assert.equal(contentType, 'application/json;charset=UTF-8');
    assert.ok(body.description.length > 0);
    assert.equal(body.result, undefined);
    assert.equal(await countMessages(), before);
  }

  test('a correct request is accepted', async () => {
    const answer = await sendWith(wsseHeaders(tenant.appKey, tenant.appSecret));
    assert.equal(answer.status, 200, answer.body.description);
    assert.equal(answer.body.code, '000000');
  });

  test('missing or wrong Authorization: E000001, E000008, E000004, E000005, E000006 (400)', async () => {
    const x = wsseHeaders(tenant.appKey, tenant.appSecret)['x-wsse'] ?? '';
    await refused(sendWith({ 'x-wsse': x }), 400, 'E000001');
    await refused(sendWith({ authorization: `Basic ${Buffer.from(`${tenant.appKey}:${tenant.appSecret}`).toString('base64')}`, 'x-wsse': x }), 400, 'E000008');
    await refused(sendWith({ authorization: 'WSSE realm="X",profile="UsernameToken",type="Appkey"', 'x-wsse': x }), 400, 'E000004');
    await refused(sendWith({ authorization: 'WSSE realm="SDP",profile="Digest",type="Appkey"', 'x-wsse': x }), 400, 'E000005');
    await refused(sendWith({ authorization: 'WSSE realm="SDP",profile="UsernameToken",type="AKSK"', 'x-wsse': x }), 400, 'E000006');
  });

  test('missing X-WSSE or its parts: E000020, E000021, E000022, E000023, E000024, E000026 (400)', async () => {
    const c = created();
    await refused(sendWith({ authorization: specAuthorization }), 400, 'E000020');
    await refused(withWsse(`UsernameToken PasswordDigest="x",Nonce="n1",Created="${c}"`), 400, 'E000021');
    await refused(withWsse(`UsernameToken Username="${tenant.appKey}",PasswordDigest="x",Created="${c}"`), 400, 'E000022');
    await refused(withWsse(`UsernameToken Username="${tenant.appKey}",PasswordDigest="x",Nonce="n1"`), 400, 'E000023');
    await refused(withWsse(`UsernameToken Username="${tenant.appKey}",Nonce="n1",Created="${c}"`), 400, 'E000024');
    await refused(withWsse(`Username="${tenant.appKey}",PasswordDigest="x",Nonce="n1",Created="${c}"`), 400, 'E000026');
  });

  test('a malformed Created is E000025; one more than 24 h old or ahead is E000110 (401)', async () => {
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { created: '2024-05-01 08:00:00' })), 400, 'E000025');
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { created: created(-24 * 3600_000 - 60_000) })), 401, 'E000110');
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { created: created(24 * 3600_000 + 60_000) })), 401, 'E000110');
    // Within the window either side is fine.
    assert.equal((await sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { created: created(-23 * 3600_000) }))).status, 200);
  });

  test('an unknown app key is E000102; a wrong digest is E000105 (401)', async () => {
    await refused(sendWith(wsseHeaders('0000000000000000000000ff', tenant.appSecret)), 401, 'E000102');
    const wrongSecret = tenant.appSecret.slice(0, -1) + (tenant.appSecret.endsWith('a') ? 'b' : 'a');
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { secret: wrongSecret })), 401, 'E000105');
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { secret: wrongSecret, variant: 'B' })), 401, 'E000105');
    // A digest made for one nonce and Created does not authenticate another.
    const good = wsseHeaders(tenant.appKey, tenant.appSecret, { nonce: 'abc123' })['x-wsse'] ?? '';
    await refused(withWsse(good.replace('Nonce="abc123"', 'Nonce="abc124"')), 401, 'E000105');
  });

  test('a replayed nonce is E000027 (400), also when replayed to another API replica', async () => {
    const headers = wsseHeaders(tenant.appKey, tenant.appSecret);
    assert.equal((await sendWith(headers)).status, 200);
    await refused(sendWith(headers), 400, 'E000027');
    await refused(sendWith(headers, replica.url), 400, 'E000027');
    // A malformed nonce cannot be stored or replayed at all.
    await refused(sendWith(wsseHeaders(tenant.appKey, tenant.appSecret, { nonce: 'has-dash' })), 400, 'E000027');
  });

  test('the nonce is spent once the request authenticates, even if its body is then refused', async () => {
    const headers = wsseHeaders(tenant.appKey, tenant.appSecret);
    const bad = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).raw('/sms/batchSendSms/v1', 'text/plain', form(), headers);
    assert.equal(bad.body.code, 'E000040');
    // The nonce was claimed by the authenticated request above, so the same headers are a replay now.
    await refused(sendWith(headers), 400, 'E000027');
  });

  test('an app with nonce checking off accepts a reused nonce (legacy clients)', async () => {
    const legacy = await createTestTenant(database.db, { name: 'Legacy Co' });
    await updateApp(database.db, legacy.appId, { wsseNonceCheck: false });
    const headers = wsseHeaders(legacy.appKey, legacy.appSecret, { nonce: 'fixednonce' });
    const body = new URLSearchParams({ from: legacy.mainlandFrom, to: freshMainlandNumber(), templateId: legacy.templates.mainlandCode, templateParas: '["1"]' }).toString();
    for (let i = 0; i < 2; i++) {
      // The API caches apps for up to 5 s; the second replica has not seen this app before the change.
      const answer = await compatibleClient(replica.url, legacy.appKey, legacy.appSecret).raw('/sms/batchSendSms/v1', 'application/x-www-form-urlencoded', body, headers);
      assert.equal(answer.status, 200, answer.body.description);
    }
  });

  test('after a rotation the previous secret works during its grace period', async () => {
    const rotating = await createTestTenant(database.db, { name: 'Rotating Co' });
    const fresh = await rotateAppSecret(database.db, testSecrets, rotating.appId, 60_000);
    const body = new URLSearchParams({ from: rotating.mainlandFrom, to: freshMainlandNumber(), templateId: rotating.templates.mainlandCode, templateParas: '["1"]' }).toString();
    const post = (secret: string) =>
      compatibleClient(api.url, rotating.appKey, secret).raw('/sms/batchSendSms/v1', 'application/x-www-form-urlencoded', body, wsseHeaders(rotating.appKey, secret));
    assert.equal((await post(rotating.appSecret)).status, 200);
    assert.equal((await post(fresh)).status, 200);
  });

  test('an app over its request rate gets 429 with E000429 and Retry-After', async () => {
    const busy = await createTestTenant(database.db, { name: 'Busy Co' });
    await updateApp(database.db, busy.appId, { requestsPerSecond: 1 });
    const busyClient = compatibleClient(replica.url, busy.appKey, busy.appSecret);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await busyClient.batchSendSms({ from: busy.mainlandFrom, to: freshMainlandNumber(), templateId: busy.templates.mainlandCode, templateParas: '["1"]' }));
    const limited = answers.find((a) => a.status === 429);
    assert.ok(limited, `statuses ${answers.map((a) => a.status).join(',')}`);
    assert.equal(limited.body.code, 'E000429');
    assert.match(limited.retryAfter ?? '', /^\d+$/);
  });

  test('the nonce store: a nonce is refused until its Created time leaves the window, then swept', async () => {
    const t = new Date('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t.getTime() + s * 1000);
    assert.equal(await claimNonce(database.db, tenant.appId, 'sweepme', at(10), t), true);
    assert.equal(await claimNonce(database.db, tenant.appId, 'sweepme', at(10), at(9)), false);
    assert.equal(await claimNonce(database.db, tenant.appId, 'sweepme', at(30), at(11)), true);
    assert.equal(await claimNonce(database.db, tenant.appId, 'sweepme', at(30), at(12)), false);
    await database.db.insertInto('wsse_nonces').values({ app_id: tenant.appId, nonce: 'old', expires_at: new Date(Date.now() - 1000) }).execute();
    assert.ok((await deleteExpiredNonces(database.db, 1000)) >= 1);
    const left = await database.db.selectFrom('wsse_nonces').select('nonce').where('nonce', 'in', ['old', 'sweepme']).execute();
    assert.deepEqual(left.map((r) => r.nonce), ['sweepme']);
  });

  test('unknown paths under /sms are 404', async () => {
    const res = await fetch(`${api.url}/sms/batchSendSms/v2`, { method: 'POST', headers: wsseHeaders(tenant.appKey, tenant.appSecret) });
    assert.equal(res.status, 404);
  });

  test('client errors in the native shape never leak into the compatible API: the native auth is not accepted there', async () => {
    await refused(client.raw('/sms/batchSendSms/v1', 'application/x-www-form-urlencoded', form(), { authorization: tenant.authorization }), 400, 'E000008');
  });
});
