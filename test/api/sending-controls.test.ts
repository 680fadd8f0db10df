import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { createOperator } from '../../db/operators.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { routeReplies, storeReply } from '../../db/replies.ts';
import { testLogger } from '../support/logger.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { compatibleClient } from '../support/wsse-client.ts';

interface SendAnswer {
  code?: string;
  messages?: { id?: string; to: string; status: string; error?: { code: string } }[];
  details?: { messages: { error?: { code: string } }[] };
}

describe('sending controls in the accept transaction: number classes, regions, frequency limits, blocklist', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let replica: RunningApi;
  let clocked: RunningApi;
  let tenant: TestTenant;
  let operator: string;
  let open: string;
  // The clocked API's time, moved by the sliding-window tests.
  let clock = Date.parse('2030-01-07T02:00:00Z');

  test.beforeAll(async ({ database: d, tenant: t }) => {
    [database, tenant] = [d, t];
    const options = { db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0 };
    [api, replica, clocked] = await Promise.all([startApi(options), startApi(options), startApi({ ...options, now: () => new Date(clock) })]);
    operator = `Bearer ${(await createOperator(database.db, 'olaf', 'operator')).token}`;
    // One free-text variable, so every message can have its own text (the duplicate limits stay out of the way); a
    // mainland template, since the controls are about mainland numbers.
    open = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'open', region: 'mainland', type: 'notification', body: 'Note ${1}' });
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), replica?.stop(), clocked?.stop()]);
  });

  const send = async (to: string[], params: string[], who: TestTenant = tenant, url = api.url, templateId = open) => {
    const res = await fetch(`${url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: who.authorization },
      body: JSON.stringify({ to, templateId, params }),
    });
    return { status: res.status, body: (await res.json()) as SendAnswer };
  };
  const outcome = (answer: { status: number; body: SendAnswer }) =>
    answer.status === 202 ? (answer.body.messages?.[0]?.error?.code ?? answer.body.messages?.[0]?.status) : answer.body.code;

  test('each recipient is judged on its own: the others of the request go on', async () => {
    const answer = await send(['+8613800138000', '+861012345678', '+8614400000000', '+49301234567', '+447400123456'], ['x']);
    assert.equal(answer.status, 202);
    // The UK mobile is a good number, but not for a mainland template.
    assert.deepEqual(answer.body.messages?.map((m) => m.error?.code ?? m.status), ['accepted', 'number_not_mobile', 'number_iot', 'number_type_not_allowed', 'template_region_mismatch']);
  });

  test('50 concurrent requests to one number let exactly 15 through in a minute, over two API processes', async () => {
    const number = freshMainlandNumber();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send([number], [`c${i}`], tenant, i % 2 ? replica.url : api.url)));
    const accepted = answers.filter((a) => a.status === 202).length;
    assert.equal(accepted, 15);
    assert.ok(answers.filter((a) => a.status !== 202).every((a) => a.body.code === 'frequency_limit_minute'));
    const stored = await database.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('recipient', '=', number).executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 15);
  });

  test('sliding windows: the 16th in a minute is refused and allowed a minute later; 50 a day', async () => {
    const number = freshMainlandNumber();
    const at = async (offsetMs: number, text: string) => {
      clock = Date.parse('2030-01-07T02:00:00Z') + offsetMs;
      return outcome(await send([number], [text], tenant, clocked.url));
    };
    for (let i = 0; i < 15; i++) assert.equal(await at(i * 1000, `m${i}`), 'accepted');
    assert.equal(await at(59_000, 'm15'), 'frequency_limit_minute');
    assert.equal(await at(60_000, 'm16'), 'accepted', 'a minute after the first, it has left the window');
    assert.equal(await at(60_500, 'm17'), 'frequency_limit_minute', 'the window holds 15 again');
    // Fill the day: 50 in 24 hours, spread so the minute limit does not bite.
    let sent = 16;
    for (let minute = 2; sent < 50; minute++) {
      assert.equal(await at(minute * 60_000, `d${sent}`), 'accepted');
      sent++;
    }
    assert.equal(await at(23 * 3600_000, 'd50'), 'frequency_limit_day');
    assert.equal(await at(24 * 3600_000 + 2 * 60_000, 'd51'), 'accepted', 'a day after the early ones');
  });

  test('the same message: twice in 59 seconds, five times in 59 minutes', async () => {
    const number = freshMainlandNumber();
    const at = async (offsetMs: number) => {
      clock = Date.parse('2030-02-01T02:00:00Z') + offsetMs;
      return outcome(await send([number], ['same'], tenant, clocked.url));
    };
    assert.equal(await at(0), 'accepted');
    assert.equal(await at(1000), 'accepted');
    assert.equal(await at(2000), 'duplicate_limit_minute');
    assert.equal(await at(61_000), 'accepted');
    assert.equal(await at(200_000), 'accepted');
    assert.equal(await at(400_000), 'accepted');
    assert.equal(await at(600_000), 'duplicate_limit_hour');
    assert.equal(await at(59 * 60_000 + 1000), 'accepted', 'the first two left the hour window');
  });

  test('regions: a new tenant sends to the mainland only; countries and prefix rules open and close the rest', async () => {
    const fresh = await createTestTenant(database.db, { name: 'Region Co' });
    const put = (body: unknown) =>
      fetch(`${api.url}/v1/region-settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: fresh.authorization }, body: JSON.stringify(body) });
    assert.equal((await put({ countries: [] })).status, 200);
    await new Promise((r) => setTimeout(r, 5_100)); // region settings are cached for 5 s
    const template = fresh.templates.notice;
    const judge = async (to: string) => outcome(await send([to], ['Ann', 'P1'], fresh, api.url, template));
    assert.equal(outcome(await send([freshMainlandNumber()], ['123456'], fresh, api.url, fresh.templates.mainlandCode)), 'accepted');
    assert.equal(await judge('+447400123456'), 'region_not_allowed');
    assert.equal((await put({ countries: ['HK'], rules: [{ prefix: '+4474', action: 'allow' }, { prefix: '+85290', action: 'deny' }] })).status, 200);
    assert.equal((await put({ countries: ['hongkong'] })).status, 400);
    await new Promise((r) => setTimeout(r, 5_100));
    assert.equal(await judge('+85291234567'), 'accepted');
    assert.equal(await judge('+85290123456'), 'region_not_allowed');
    assert.equal(await judge('+447400123456'), 'accepted');
    assert.equal(await judge('+447911123456'), 'region_not_allowed');
    const settings = (await (await fetch(`${api.url}/v1/region-settings`, { headers: { authorization: fresh.authorization } })).json()) as { countries: string[] };
    assert.deepEqual(settings.countries, ['HK']);
  });

  test('the platform blocklist and a tenant’s opt-outs refuse the number; the tenant can ask why', async () => {
    const blocked = freshMainlandNumber();
    const imported = await fetch(`${api.url}/v1/admin/blocklist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: operator },
      body: JSON.stringify({ numbers: [blocked, blocked], source: 'complaint', reason: 'Complained of spam on 2030-01-01.' }),
    });
    assert.deepEqual(await imported.json(), { added: 1, alreadyBlocked: 0 });
    const foreign = await fetch(`${api.url}/v1/admin/blocklist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: operator },
      body: JSON.stringify({ numbers: ['+447400123456'], source: 'carrier', reason: 'Not a mainland number.' }),
    });
    assert.equal(foreign.status, 400, 'the blocklist is for mainland numbers');
    assert.equal(outcome(await send([blocked], ['b'])), 'number_blocked');
    const why = (await (await fetch(`${api.url}/v1/blocklist/${encodeURIComponent(blocked)}`, { headers: { authorization: tenant.authorization } })).json()) as {
      blocked: boolean;
      reasons: { kind: string; source: string }[];
    };
    assert.equal(why.blocked, true);
    assert.deepEqual(why.reasons.map((r) => [r.kind, r.source]), [['platform', 'complaint']]);

    // A reply of 退订 to the tenant's number opts the sender out of this tenant, not of others.
    const replier = freshMainlandNumber();
    await storeReply(database.db, 'sim', { from: replier, to: tenant.mainlandFrom, text: ' 退订 ', receivedAt: new Date() });
    await storeReply(database.db, 'sim', { from: freshMainlandNumber(), to: tenant.mainlandFrom, text: 'thanks', receivedAt: new Date() });
    assert.ok((await routeReplies(database.db, 100)) >= 2);
    assert.equal(outcome(await send([replier], ['o'])), 'number_opted_out');
    const other = await createTestTenant(database.db, { name: 'Other Co' });
    assert.equal(outcome(await send([replier], ['123456'], other, api.url, other.templates.mainlandCode)), 'accepted');
    const optedOut = (await (await fetch(`${api.url}/v1/blocklist/${encodeURIComponent(replier)}`, { headers: { authorization: tenant.authorization } })).json()) as { reasons: { kind: string; remedy: string }[] };
    assert.deepEqual(optedOut.reasons.map((r) => r.kind), ['opted_out']);
    assert.match(optedOut.reasons[0]?.remedy ?? '', /only they can opt back in.*"START"/);
    // The tenant cannot lift an opt-out, and is told why and how it ends, not "not blocked".
    const unblock = await fetch(`${api.url}/v1/blocklist/${encodeURIComponent(replier)}/unblock`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'They want our messages again.' }),
    });
    assert.equal(unblock.status, 409);
    assert.equal(((await unblock.json()) as { code: string }).code, 'number_opted_out');
    // A new opt-in from the handset lifts it.
    await storeReply(database.db, 'sim', { from: replier, to: tenant.mainlandFrom, text: 'start', receivedAt: new Date() });
    assert.ok((await routeReplies(database.db, 100)) >= 1);
    assert.equal(outcome(await send([replier], ['o2'])), 'accepted');

    assert.equal((await fetch(`${api.url}/v1/admin/blocklist/${encodeURIComponent(blocked)}`, { method: 'DELETE', headers: { authorization: operator } })).status, 200);
    assert.equal(outcome(await send([blocked], ['b2'])), 'accepted');
  });

  test('the compatible API maps the controls to per-number codes', async () => {
    const client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
    const number = freshMainlandNumber();
    const sendSame = () => client.batchSendSms({ from: tenant.mainlandFrom, to: `${number},+861012345678`, templateId: open, templateParas: '["same"]' });
    assert.deepEqual((await sendSame()).body.result?.map((r) => r.status), ['000000', 'E200031']);
    assert.equal((await sendSame()).body.result?.[0]?.status, '000000');
    const third = await sendSame();
    assert.equal(third.body.code, 'E000510');
    assert.deepEqual(third.body.result?.map((r) => [r.status, r.smsMsgId]), [['E200041', undefined], ['E200031', undefined]]);
  });
});
