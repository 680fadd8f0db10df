import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createCampaignActivities } from '../../activities/campaigns.ts';
import type { RunningApi } from '../../api/start-api.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { endHold, openHold } from '../../db/billing-holds.ts';
import { addToBlocklist } from '../../db/blocklist.ts';
import { findCampaign } from '../../db/campaigns.ts';
import { addPackage } from '../../db/packages.ts';
import { testLogger } from '../support/logger.ts';
import { startSimulatorHotPath, type SimulatorHotPath } from '../support/hot-path.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';

const taskQueue = 'campaign-test';

/** A fresh mainland number the simulator delivers (its numbers ending 9901–9904 fail on purpose). */
function deliverableNumber(): string {
  for (;;) {
    const n = freshMainlandNumber();
    if (!/990[1-4]$/.test(n)) return n;
  }
}
let ukNumbers = Math.floor(Math.random() * 900_000);
/** A fresh UK mobile the simulator delivers. */
function deliverableUkNumber(): string {
  for (;;) {
    const n = `+447400${String((ukNumbers += 1) % 1_000_000).padStart(6, '0')}`;
    if (!/990[1-4]$/.test(n)) return n;
  }
}
/** A fresh number ending in `suffix`, for the simulator's outcome rules (9901 undelivered, 9904 refused at submit). */
const numberEnding = (suffix: string) => `${deliverableNumber().slice(0, -4)}${suffix}`;

interface CampaignBody {
  id: string;
  status: string;
  progress: { recipients: number; queued: number; refused: number; remaining: number; submitted: number; delivered: number; failed: number; failureReasons: Record<string, number> };
  eta: string | null;
}

describe('campaigns (time-skipping Temporal, real Postgres, the SMPP simulator, real HTTP)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let simulator: Simulator;
  let hotPath: SimulatorHotPath;

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api } = stack);
    tenant = await createTestTenant(database.db);
    simulator = await startSimulator({ receiptDelayMs: 5 });
    hotPath = startSimulatorHotPath(database, simulator.port);
  });
  afterAll(async () => {
    await hotPath?.stop();
    await simulator?.close();
    await stack?.stop();
  });

  const call = async (method: string, path: string, body?: unknown, by: TestTenant = tenant) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: by.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as CampaignBody & { code?: string } };
  };

  /** Uploads a CSV of `numbers` (the mainland code template, one value each); returns the upload's id. */
  async function upload(numbers: readonly string[], by: TestTenant = tenant, templateId = by.templates.mainlandCode): Promise<string> {
    const csv = ['number,code', ...numbers.map((n, i) => `${n},${1000 + (i % 9000)}`)].join('\n');
    const res = await fetch(`${api.url}/v1/campaigns/uploads?templateId=${templateId}&name=list.csv`, {
      method: 'POST',
      headers: { authorization: by.authorization, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = (await res.json()) as { id: string; status: string };
    assert.equal(res.status, 201, JSON.stringify(body));
    assert.equal(body.status, 'ready');
    return body.id;
  }

  const campaign = async (id: string, by: TestTenant = tenant) => {
    const res = await call('GET', `/v1/campaigns/${id}`, undefined, by);
    assert.equal(res.status, 200, res.text);
    return res.json();
  };

  test('a scheduled campaign waits for its time, queues its rows in chunks, and ends when every message has (delivered, or failed with its reason), with a report', async () => {
    const blocked = freshMainlandNumber();
    await addToBlocklist(database.db, [{ number: blocked, source: 'operator', reason: 'test' }], tenant.tenantId);
    const numbers = [...Array.from({ length: 2_398 }, () => deliverableNumber()), numberEnding('9901'), numberEnding('9904'), blocked];
    const uploadId = await upload(numbers);
    await stack.syncClock();
    const start = new Date((await stack.env.currentTimeMs()) + 3600_000);
    const created = await call('POST', '/v1/campaigns', { name: 'launch', uploadId, sendAt: start.toISOString() });
    assert.equal(created.status, 201, created.text);
    const { id } = created.json();
    assert.equal((await campaign(id)).status, 'scheduled');
    assert.equal(await database.db.selectFrom('messages').where('campaign_id', '=', id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst().then((r) => Number(r?.n)), 0);

    await stack.skipTo(start.toISOString());
    await waitFor('the campaign to complete', async () => (await campaign(id)).status === 'completed', 60_000);
    const done = await campaign(id);
    assert.deepEqual(
      { ...done.progress, failureReasons: done.progress.failureReasons },
      { recipients: 2_401, queued: 2_400, refused: 1, remaining: 0, submitted: 0, delivered: 2_398, failed: 2, failureReasons: { CARRIER_UNDELIVERED: 1, ESME_RINVDSTADR: 1, number_blocked: 1 } },
    );
    const messages = await database.db.selectFrom('messages').select(['recipient']).where('campaign_id', '=', id).execute();
    assert.equal(new Set(messages.map((m) => m.recipient)).size, 2_400, 'each row queued once');

    const report = await call('GET', `/v1/campaigns/${id}/report`);
    assert.equal(report.status, 200);
    const lines = report.text.trim().split('\n');
    assert.equal(lines[0], 'line,recipient,status,code,reason,message_id');
    assert.equal(lines.length, 2_402);
    assert.equal(lines.filter((l) => l.includes(',delivered,')).length, 2_398);
    assert.match(lines.find((l) => l.includes('9901,')) ?? '', /^2400,\+86\d+9901,undelivered,CARRIER_UNDELIVERED,/);
    const refused = lines.find((l) => l.includes(blocked));
    assert.match(refused ?? '', /^2402,\+86\d+,refused,number_blocked,/);
  });

  test('pause stops the queueing, resume goes on, cancel leaves the rest unsent while what was queued is delivered', async () => {
    const numbers = Array.from({ length: 1_500 }, () => deliverableNumber());
    const uploadId = await upload(numbers);
    const created = await call('POST', '/v1/campaigns', { name: 'slow', uploadId, ratePerSecond: 100 });
    assert.equal(created.status, 201, created.text);
    const { id } = created.json();
    await waitFor('a first chunk', async () => (await campaign(id)).progress.queued >= 100, 20_000);

    assert.equal((await call('POST', `/v1/campaigns/${id}/pause`)).status, 202);
    await waitFor('the pause', async () => (await campaign(id)).status === 'paused', 20_000);
    const pausedAt = (await campaign(id)).progress.queued;
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal((await campaign(id)).progress.queued, pausedAt, 'nothing queued while paused');

    assert.equal((await call('POST', `/v1/campaigns/${id}/resume`)).status, 202);
    await waitFor('queueing to go on', async () => (await campaign(id)).progress.queued > pausedAt, 20_000);
    assert.equal((await campaign(id)).status, 'running');
    assert.ok((await campaign(id)).eta, 'a running campaign has an ETA');

    assert.equal((await call('POST', `/v1/campaigns/${id}/cancel`)).status, 202);
    await waitFor('the cancel', async () => (await campaign(id)).status === 'cancelled', 20_000);
    const cancelled = await campaign(id);
    assert.ok(cancelled.progress.queued < 1_500 && cancelled.progress.remaining > 0, JSON.stringify(cancelled.progress));
    await waitFor('queued messages to be delivered', async () => (await campaign(id)).progress.delivered === cancelled.progress.queued, 20_000);
    const report = (await call('GET', `/v1/campaigns/${id}/report`)).text;
    assert.equal(report.split('\n').filter((l) => l.includes(',not_sent,')).length, cancelled.progress.remaining);

    const again = await call('POST', `/v1/campaigns/${id}/resume`);
    assert.equal(again.status, 409);
    assert.equal(again.json().code, 'campaign_ended');
  });

  test('billing mode 2: the packages run out mid-chunk, the campaign waits; after a top-up it sends the rest, none refused or sent twice', async () => {
    const prepaid = await createTestTenant(database.db, { name: 'Prepaid Campaign Co' });
    await database.db.updateTable('tenants').set({ billing_mode: 2 }).where('id', '=', prepaid.tenantId).execute();
    const grant = (segments: number) =>
      addPackage(database.db, { tenantId: prepaid.tenantId, scope: 'international', segments, validFrom: new Date(0), expiresAt: new Date(Date.now() + 86_400_000), source: 'grant', reference: 'test', operatorId: prepaid.tenantId }, new Date());
    await grant(700);
    const numbers = Array.from({ length: 1_200 }, () => deliverableUkNumber());
    const uploadId = await upload(numbers, prepaid, prepaid.templates.code);
    const created = await call('POST', '/v1/campaigns', { name: 'prepaid', uploadId }, prepaid);
    assert.equal(created.status, 201, created.text);
    const { id } = created.json();

    await waitFor('the campaign to wait for a top-up', async () => (await campaign(id, prepaid)).status === 'waiting', 20_000);
    const waiting = await campaign(id, prepaid);
    assert.deepEqual([waiting.progress.queued, waiting.progress.refused], [700, 0], JSON.stringify(waiting.progress));

    await grant(1_000);
    const hold = await openHold(database.db, prepaid.tenantId);
    assert.ok(hold, 'the runout opened a hold');
    await endHold(database.db, hold.id, 'topped_up', null);
    // The waiting campaign looks again within a minute.
    await stack.skipTo(new Date((await stack.env.currentTimeMs()) + 61_000).toISOString());
    await waitFor('the campaign to complete', async () => (await campaign(id, prepaid)).status === 'completed', 60_000);
    const done = await campaign(id, prepaid);
    assert.deepEqual([done.progress.queued, done.progress.refused, done.progress.delivered], [1_200, 0, 1_200], JSON.stringify(done.progress));
    const sent = await database.db.selectFrom('messages').select('recipient').where('campaign_id', '=', id).execute();
    assert.equal(new Set(sent.map((m) => m.recipient)).size, 1_200, 'each row queued once');
    assert.equal(sent.length, 1_200);
  });

  test('a chunk queued twice (an activity retried after its commit) queues each row once and counts once', async () => {
    const numbers = Array.from({ length: 30 }, () => deliverableNumber());
    const uploadId = await upload(numbers);
    const created = await call('POST', '/v1/campaigns', { name: 'twice', uploadId, sendAt: new Date((await stack.env.currentTimeMs()) + 30 * 86_400_000).toISOString() });
    const { id } = created.json();
    const activities = createCampaignActivities({ db: database.db, logger: testLogger });
    const first = await activities.queueCampaignChunk({ campaignId: id, afterLine: 0, size: 20 });
    const second = await activities.queueCampaignChunk({ campaignId: id, afterLine: 0, size: 20 });
    assert.deepEqual(second, first);
    assert.equal(first.kind === 'queued' && first.queued, 20);
    const count = await database.db.selectFrom('messages').where('campaign_id', '=', id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 20);
    const row = await findCampaign(database.db, id);
    assert.deepEqual([row?.cursor, row?.queued], [21, 20], 'the cursor is the chunk’s last line (the header is line 1)');
    // With as many of its messages waiting as it may have, the next chunk queues nothing and leaves the cursor.
    assert.deepEqual(await activities.queueCampaignChunk({ campaignId: id, afterLine: 21, size: 10, maxQueued: 0 }), { kind: 'busy' });
    assert.deepEqual([(await findCampaign(database.db, id))?.cursor, (await findCampaign(database.db, id))?.queued], [21, 20]);
    assert.equal((await call('POST', `/v1/campaigns/${id}/cancel`)).status, 202);
  });

  test('bad requests: an unknown or unready upload, a start in the past, another tenant’s campaign', async () => {
    const missing = await call('POST', '/v1/campaigns', { name: 'x', uploadId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual([missing.status, missing.json().code], [404, 'upload_not_found']);
    const uploadId = await upload([freshMainlandNumber()]);
    const past = await call('POST', '/v1/campaigns', { name: 'x', uploadId, sendAt: '2020-01-01T00:00:00Z' });
    assert.deepEqual([past.status, past.json().code], [422, 'send_at_in_past']);
    const bad = await call('POST', '/v1/campaigns', { name: 'x', uploadId, ratePerSecond: 0 });
    assert.equal(bad.status, 400);
    const other = await createTestTenant(database.db);
    const created = await call('POST', '/v1/campaigns', { name: 'mine', uploadId, sendAt: new Date((await stack.env.currentTimeMs()) + 86_400_000).toISOString() });
    const res = await fetch(`${api.url}/v1/campaigns/${created.json().id}`, { headers: { authorization: other.authorization } });
    assert.equal(res.status, 404);
  });
});
