import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { type RunningApi } from '../../api/start-api.ts';
import type { CarrierBind } from '../../carriers/carrier.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { singleCarrier } from '../../carriers/routing.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink, type CallbackSink, type ReceivedCallback } from '../../scripts/stack/callback-sink.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import { testLogger } from '../support/logger.ts';
import { startTestApi } from '../support/api.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { compatibleClient } from '../support/wsse-client.ts';
import { testSecrets } from '../support/secrets.ts';

type Form = Record<string, string>;

describe('compatible API end to end: WSSE form request → SMPP simulator → form status reports and uplink replies', () => {
  let database: TestDatabase;
  let simulator: Simulator;
  let sink: CallbackSink;
  let bind: CarrierBind;
  let hotPath: ReturnType<typeof startHotPath>;
  let api: RunningApi;
  let tenant: TestTenant;
  let client: ReturnType<typeof compatibleClient>;
  let reportUrl: string;

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [simulator, sink] = await Promise.all([startSimulator({ receiptDelayMs: 20 }), startCallbackSink()]);
    reportUrl = sink.url.replace('/callbacks', '/hw/report');
    tenant = await createTestTenant(database.db, { uplinkUrl: sink.url.replace('/callbacks', '/hw/uplink') });
    bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger });
    hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers: singleCarrier(bind), logger: testLogger, tuning: { receiptTimeoutMs: 2000 } });
    api = await startTestApi(database);
    client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
  });
  afterAll(async () => {
    await api?.stop();
    await hotPath?.stop();
    await bind?.close();
    await Promise.all([simulator?.close(), sink?.close()]);
  });

  const formsTo = (path: string, match: (f: Form) => boolean) =>
    sink.received().filter((r: ReceivedCallback) => r.path === path).map((r) => r.body as Form).filter(match);
  const reportsFor = (smsMsgId: string | undefined, count = 1) =>
    waitFor(`${count} report(s) for ${smsMsgId}`, () => {
      const found = formsTo('/hw/report', (f) => f.smsMsgId === smsMsgId);
      return found.length >= count ? found : undefined;
    });

  test('batchSendSms: each number’s report reaches statusCallback in the spec’s form, with extend and to', async () => {
    const answer = await client.batchSendSms({
      from: tenant.mainlandFrom,
      to: '+8613800138000,+8613800139901,+8613800139904',
      templateId: tenant.templates.mainlandCode,
      templateParas: '["369751"]',
      statusCallback: reportUrl,
      extend: 'order-42',
    });
    assert.equal(answer.status, 200, answer.body.description);
    const [ok, undelivered, refused] = answer.body.result ?? [];
    const [delivered] = await reportsFor(ok?.smsMsgId);
    assert.deepEqual(Object.keys(delivered ?? {}).sort(), ['extend', 'orgCode', 'sequence', 'smsMsgId', 'source', 'status', 'to', 'total', 'updateTime']);
    assert.equal(delivered?.status, 'DELIVRD');
    assert.equal(delivered?.source, '2');
    assert.equal(delivered?.total, '1');
    assert.equal(delivered?.sequence, '1');
    assert.equal(delivered?.extend, 'order-42');
    assert.equal(delivered?.to, '+8613800138000');
    assert.match(delivered?.updateTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const received = sink.received().find((r) => (r.body as Form).smsMsgId === ok?.smsMsgId);
    assert.equal(received?.contentType, 'application/x-www-form-urlencoded');

    const [failed] = await reportsFor(undelivered?.smsMsgId);
    assert.equal(failed?.status, 'UNDELIV');
    assert.equal(failed?.source, '2');
    // Refused by the SMSC at submit: the platform makes the report itself (source 1, no updateTime).
    const [rejected] = await reportsFor(refused?.smsMsgId);
    assert.equal(rejected?.status, 'REJECTD');
    assert.equal(rejected?.source, '1');
    assert.equal(rejected?.updateTime, undefined);
  });

  test('without extend a report carries no to; a long message reports each segment', async () => {
    const long = await client.batchSendSms({ from: tenant.from, to: '+447400138001', templateId: tenant.templates.long, templateParas: '["A-77"]', statusCallback: reportUrl });
    const entry = long.body.result?.[0];
    assert.equal(entry?.total, 3);
    const reports = await reportsFor(entry?.smsMsgId, 3);
    assert.deepEqual(reports.map((r) => [r.sequence, r.total, r.status]).sort(), [
      ['1', '3', 'DELIVRD'],
      ['2', '3', 'DELIVRD'],
      ['3', '3', 'DELIVRD'],
    ]);
    for (const r of reports) {
      assert.equal(r.extend, undefined);
      assert.equal(r.to, undefined);
    }
  });

  test('no statusCallback, no reports; a receipt that never comes is reported EXPIRED by the platform', async () => {
    const silent = await client.batchSendSms({ from: tenant.mainlandFrom, to: '+8613800138002', templateId: tenant.templates.mainlandCode, templateParas: '["1"]' });
    const expiring = await client.batchSendSms({ from: tenant.mainlandFrom, to: '+8613800139903', templateId: tenant.templates.mainlandCode, templateParas: '["1"]', statusCallback: reportUrl });
    const [expired] = await reportsFor(expiring.body.result?.[0]?.smsMsgId);
    assert.equal(expired?.status, 'EXPIRED');
    assert.equal(expired?.source, '1');
    const id = silent.body.result?.[0]?.smsMsgId ?? '';
    const row = await database.db.selectFrom('messages').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'delivered');
    assert.equal(formsTo('/hw/report', (f) => f.smsMsgId === id).length, 0);
  });

  test('batchSendDiffSms: every group reaches the handset and reports back', async () => {
    const answer = await client.batchSendDiffSms({
      from: tenant.from,
      statusCallback: reportUrl,
      extend: 'batch-7',
      smsContent: [
        { to: ['+447400138010'], templateId: tenant.templates.code, templateParas: ['111111'] },
        { to: ['+447400138011'], templateId: tenant.templates.notice, templateParas: ['Ann', 'P-9'] },
      ],
    });
    assert.equal(answer.status, 200, answer.body.description);
    for (const entry of answer.body.result ?? []) {
      const [report] = await reportsFor(entry.smsMsgId);
      assert.equal(report?.status, 'DELIVRD');
      assert.equal(report?.extend, 'batch-7');
      assert.equal(report?.to, entry.originTo);
    }
    const texts = simulator.received().filter((m) => ['447400138010', '447400138011'].includes(m.to.replace(/^\+/, ''))).map((m) => m.text);
    assert.deepEqual(texts.sort(), ['Hello Ann, your parcel P-9 arrives today.', 'Your code is 111111. It expires in 5 minutes.']);
  });

  test('a reply to the app’s mainland number reaches its uplink URL in the spec’s form; others are kept unrouted', async () => {
    assert.equal(await simulator.sendReply({ from: '+8613800138300', to: tenant.mainlandFrom, text: '退订 TD' }), true);
    const [uplink] = await waitFor('uplink notification', () => {
      const found = formsTo('/hw/uplink', (f) => f.from === '+8613800138300');
      return found.length ? found : undefined;
    });
    assert.deepEqual(Object.keys(uplink ?? {}).sort(), ['body', 'createTime', 'from', 'smsMsgId', 'to']);
    assert.equal(uplink?.to, tenant.mainlandFrom);
    assert.equal(uplink?.body, '退订 TD');
    assert.match(uplink?.createTime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const stored = await database.db.selectFrom('inbound_replies').selectAll().where('sender', '=', '+8613800138300').executeTakeFirstOrThrow();
    assert.equal(stored.public_id, uplink?.smsMsgId);
    assert.equal(stored.tenant_id, tenant.tenantId);

    assert.equal(await simulator.sendReply({ from: '+8613800138301', to: '10690000999999', text: 'stray' }), true);
    const stray = await waitFor('stray reply routed', () =>
      database.db.selectFrom('inbound_replies').selectAll().where('sender', '=', '+8613800138301').where('routed_at', 'is not', null).executeTakeFirst(),
    );
    assert.equal(stray.app_id, null);
    assert.equal(formsTo('/hw/uplink', (f) => f.from === '+8613800138301').length, 0);
  });
});
