import '../support/temporal.ts';
import assert from 'node:assert/strict';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { temporalScheduledSends } from '../../processes/scheduled-send.ts';
import { temporalSignatureReviews } from '../../processes/signature-review.ts';
import { temporalTemplateReviews } from '../../processes/template-review.ts';
import { createOperator } from '../../db/operators.ts';
import { pdf, png, signatureForm } from '../support/documents.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { startWorker, type RunningWorker } from '../../worker/start-worker.ts';
import { testLogger } from '../support/logger.ts';
import { testSecrets } from '../support/secrets.ts';
import { describe, test } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';

const taskQueue = 'e2e';

interface StatusReport {
  messageId: string;
  status: string;
  to: string;
  error: { code: string } | null;
  parts: { partNo: number; stat: string | null }[];
}

describe('hot path end to end: HTTP → Postgres → SMPP simulator → receipts → callback (Temporal dev server)', () => {
  let env: LocalTemporal;
  let database: TestDatabase;
  let simulator: Simulator;
  let sink: CallbackSink;
  let worker: RunningWorker;
  let api: RunningApi;
  let tenant: TestTenant;
  let reviewer: string;

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [env, simulator, sink] = await Promise.all([
      startLocalTemporal(),
      startSimulator({ receiptDelayMs: 20 }),
      startCallbackSink(),
    ]);
    tenant = await createTestTenant(database.db, { callbackUrl: sink.url });
    await routeEverythingTo(database.db, simulator.port);
    worker = await startWorker({
      databaseUrl: database.url,
      temporal: { address: env.address, namespace: env.namespace ?? 'default', taskQueue },
      secrets: testSecrets,
      logger: testLogger,
      tuning: { callbackRetry: { minMs: 100, maxMs: 400 }, receiptTimeoutMs: 2000 },
    });
    api = await startApi({
      db: database.db,
      secrets: testSecrets,
      scheduledSends: temporalScheduledSends(env.client, taskQueue),
      templateReviews: temporalTemplateReviews(env.client, taskQueue),
      signatureReviews: temporalSignatureReviews(env.client, taskQueue),
      logger: testLogger,
      port: 0,
    });
    reviewer = `Bearer ${(await createOperator(database.db, 'vera', 'reviewer')).token}`;
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await Promise.all([simulator?.close(), sink?.close()]);
    await env?.teardown();
  });

  async function send(body: Record<string, unknown>) {
    const res = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tenant.authorization },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 202);
    return (await res.json()) as { requestId: string; messages: { id: string; to: string }[] };
  }
  const reportFor = (id: string) => waitFor(`callback for ${id}`, () => sink.received().map((r) => r.body as StatusReport).find((b) => b.messageId === id));
  const getMessage = async (id: string) =>
    (await (await fetch(`${api.url}/v1/messages/${id}`, { headers: { authorization: tenant.authorization } })).json()) as {
      status: string;
      parts: { partNo: number; receipt: { stat: string } | null }[];
      timeline: { event: string }[];
      error: { code: string } | null;
    };

  test('each outcome reaches the callback URL with the final status and the timeline', async () => {
    const sent = await send({
      to: ['+8613800138000', '+8613800139901', '+8613800139904', '+8613800139902'],
      templateId: tenant.templates.mainlandCode,
      params: ['246810'],
    });
    const [ok, undelivered, rejected, expired] = sent.messages.map((m) => m.id);
    const report = await reportFor(ok!);
    assert.equal(report.status, 'delivered');
    assert.deepEqual(report.parts, [{ partNo: 1, stat: 'DELIVRD', err: '000' }]);
    const undeliveredReport = await reportFor(undelivered!);
    assert.equal(undeliveredReport.status, 'undelivered');
    assert.equal(undeliveredReport.error?.code, 'CARRIER_UNDELIVERED');
    const failed = await reportFor(rejected!);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'ESME_RINVDSTADR');
    assert.equal((await reportFor(expired!)).status, 'expired');

    const delivered = await getMessage(ok!);
    assert.equal(delivered.status, 'delivered');
    assert.deepEqual(delivered.parts.map((p) => p.receipt?.stat), ['DELIVRD']);
    const events = delivered.timeline.map((e) => e.event);
    for (const e of ['accepted', 'submitted', 'receipt', 'delivered', 'callback']) assert.ok(events.includes(e), `timeline has ${e}: ${events}`);
    assert.ok(events.indexOf('accepted') < events.indexOf('submitted') && events.indexOf('submitted') < events.indexOf('delivered'));
    // The submit is stamped when the carrier took the part, so its receipt never comes before it in the timeline.
    assert.ok(events.indexOf('submitted') < events.indexOf('receipt'), `submitted before its receipt: ${events}`);

    const arrived = simulator.received().find((m) => m.to.endsWith('13800138000'));
    assert.equal(arrived?.text, '【Tern测试】您的验证码是246810，5分钟内有效。');
  });

  test('a three-part message travels as concatenated parts, each tracked to its receipt', async () => {
    const sent = await send({ to: ['+447911123456'], templateId: tenant.templates.long, params: ['ORD-9'] });
    const id = sent.messages[0]!.id;
    assert.equal((await reportFor(id)).status, 'delivered');
    const message = await getMessage(id);
    assert.deepEqual(message.parts.map((p) => [p.partNo, p.receipt?.stat]), [[1, 'DELIVRD'], [2, 'DELIVRD'], [3, 'DELIVRD']]);
    const arrived = simulator.received().find((m) => m.to.endsWith('447911123456'));
    assert.equal(arrived?.parts, 3);
    assert.ok(arrived?.text.endsWith('your order ORD-9 has shipped.'));
  });

  test('a UCS-2 text arrives intact', async () => {
    const sent = await send({ to: ['+85291390000'], templateId: tenant.templates.chinese, params: ['135790'] });
    const arrived = await waitFor('chinese text at the SMSC', () => simulator.received().find((m) => m.to.endsWith('85291390000')));
    assert.equal(arrived.text, '您的验证码是135790，5分钟内有效。');
    assert.equal(arrived.encoding, 'ucs2');
    // Its report must not land in the next test, where the sink refuses the next two callbacks.
    await reportFor(sent.messages[0]!.id);
  });

  test('a callback URL that is down loses nothing: retried with back-off, every attempt recorded', async () => {
    sink.failNext(2, '/callbacks/down');
    const sent = await send({
      to: ['+8613800138100'],
      templateId: tenant.templates.mainlandCode,
      params: ['1'],
      callbackUrl: `${sink.url}/down`,
    });
    const id = sent.messages[0]!.id;
    assert.equal((await reportFor(id)).status, 'delivered');
    const callbacks = (await getMessage(id)).timeline.filter((e) => e.event === 'callback');
    assert.equal(callbacks.length, 3, 'two failures and the success');
  });

  test('a message whose receipt never comes stays submitted, then expires at the receipt timeout', async () => {
    const sent = await send({ to: ['+8613800139903'], templateId: tenant.templates.mainlandCode, params: ['1'] });
    const id = sent.messages[0]!.id;
    await waitFor('submission', async () => (await getMessage(id)).status === 'submitted');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await getMessage(id)).status, 'submitted');
    const report = await reportFor(id);
    assert.equal(report.status, 'expired');
    assert.equal(report.error?.code, 'RECEIPT_TIMEOUT');
  });

  test('a reply from a handset is stored, not lost', async () => {
    const acked = await simulator.sendReply({ from: '+8613800138300', to: '1069000012345', text: 'TD' });
    assert.equal(acked, true);
    const row = await database.db.selectFrom('inbound_replies').selectAll().where('sender', 'like', '%13800138300').executeTakeFirst();
    assert.equal(row?.text, 'TD');
  });

  test('a scheduled send is a workflow operators can find by tenant, process and state', async () => {
    const sent = await send({
      to: ['+8613800138200'],
      templateId: tenant.templates.mainlandCode,
      params: ['1'],
      sendAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const query = `TernTenant = '${tenant.tenantId}' AND TernProcess = 'scheduled-send' AND TernState = 'waiting'`;
    const found = await waitFor('the workflow in visibility', async () => {
      for await (const wf of env.client.workflow.list({ query })) if (wf.workflowId.includes(sent.requestId)) return wf;
      return undefined;
    });
    assert.equal(found.status.name, 'RUNNING');
  });

  /** Waits until visibility lists exactly this workflow under the query. */
  const findInVisibility = (query: string, workflowId: string) =>
    waitFor(`${workflowId} in visibility`, async () => {
      for await (const wf of env.client.workflow.list({ query })) if (wf.workflowId === workflowId) return wf;
      return undefined;
    });

  test('template and signature reviews are workflows operators can filter by tenant, process and state', async () => {
    const post = async (path: string, body: FormData | object, auth = tenant.authorization) => {
      const res = await fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { authorization: auth, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
        body: body instanceof FormData ? body : JSON.stringify(body),
      });
      return (await res.json()) as { id: string; versions?: { reviewId: string }[] };
    };
    const template = await post('/v1/templates', { name: 'visible', region: 'international', type: 'notification', body: 'Hello ${1}.' });
    const versionId = template.versions?.[0]?.reviewId ?? '';
    const byTenant = `TernTenant = '${tenant.tenantId}' AND TernProcess = 'template-review'`;
    const review = await findInVisibility(byTenant, `template-review-${versionId}`);
    assert.equal(review.status.name, 'RUNNING');

    const signature = await post(
      '/v1/signatures',
      signatureForm({ name: '可见公司', type: 'notification' }, { attorneyLetter: [pdf(), 'a.pdf'], businessLicense: [png(), 'l.png'] }),
    );
    const workflowId = `signature-review-${signature.id}`;
    await findInVisibility(`TernProcess = 'signature-review' AND TernState = 'in_review'`, workflowId);
    await post(`/v1/admin/reviews/${signature.id}/decision`, { decision: 'request_documents', reason: 'Upload the license.' }, reviewer);
    await findInVisibility(`TernTenant = '${tenant.tenantId}' AND TernProcess = 'signature-review' AND TernState = 'documents_requested'`, workflowId);
  });
});
