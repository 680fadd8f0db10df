// SIGKILL to the worker in the middle of a 100,000-recipient campaign (its workflow, its activities and the hot path
// all run in that process): started again, the campaign finishes, every recipient gets exactly one message, and the
// SMS that went out twice are within what the dead worker had at the SMSC unrecorded.
import '../support/temporal.ts';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { afterAll, expect } from 'vitest';
import { sql } from 'kysely';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { temporalCampaigns } from '../../processes/campaigns.ts';
import { temporalScheduledSends } from '../../processes/scheduled-send.ts';
import { campaignWorkflowId } from '../../processes/campaigns.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { smppBindDefaults } from '../../carriers/smpp/bind.ts';
import { checkLedger } from '../../db/ledger-check.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { spawnTern } from '../support/processes.ts';
import { testSecrets } from '../support/secrets.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

const rows = Number(process.env.TERN_CAMPAIGN_CRASH_ROWS ?? 100_000);
const taskQueue = 'campaign-crash';

interface Progress {
  status: string;
  progress: { queued: number; refused: number; remaining: number; delivered: number; failed: number };
}

describe('a worker killed mid-campaign (a separate worker process, SIGKILL)', () => {
  let env: LocalTemporal;
  let database: TestDatabase;
  let simulator: Simulator;
  let api: RunningApi;
  let tenant: TestTenant;
  const children: ChildProcess[] = [];

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [env, simulator] = await Promise.all([startLocalTemporal(), startSimulator({ receiptDelayMs: 50, receivedCapacity: rows * 2 })]);
    tenant = await createTestTenant(database.db);
    await routeEverythingTo(database.db, simulator.port);
    api = await startApi({
      db: database.db,
      secrets: testSecrets,
      scheduledSends: temporalScheduledSends(env.client, taskQueue),
      campaigns: temporalCampaigns(env.client, taskQueue),
      logger: testLogger,
      port: 0,
    });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await api?.stop();
    await simulator?.close();
    await env?.teardown();
  });

  function startWorkerProcess(): ChildProcess {
    const { child } = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: taskQueue });
    children.push(child);
    return child;
  }
  const get = async (path: string) => (await fetch(`${api.url}${path}`, { headers: { authorization: tenant.authorization } })).json() as Promise<Progress>;

  test(`the campaign of ${rows} recipients finishes; none lost, none queued twice, duplicates on the wire within the window`, async () => {
    // Numbers ending in 00: none of the simulator's failing outcomes (…9901–…9904).
    const csv = Array.from({ length: rows }, (_, i) => `+86139${String(i).padStart(6, '0')}00,${i % 10_000}`).join('\n');
    const upload = await fetch(`${api.url}/v1/campaigns/uploads?templateId=${tenant.templates.mainlandCode}&name=crash.csv`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'text/csv' },
      body: csv,
    });
    const uploaded = (await upload.json()) as { id: string; rows: { accepted: number } };
    assert.equal(upload.status, 201, JSON.stringify(uploaded));
    assert.equal(uploaded.rows.accepted, rows);

    const first = startWorkerProcess();
    const created = await fetch(`${api.url}/v1/campaigns`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'crash', uploadId: uploaded.id }),
    });
    const { id } = (await created.json()) as { id: string };
    assert.equal(created.status, 201);
    const progress = async () => (await get(`/v1/campaigns/${id}`)).progress;

    await waitFor('the campaign to be well under way', async () => (await progress()).delivered >= rows / 5, { progress });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    const midway = await progress();
    assert.ok(midway.remaining > 0, `rows were left to queue: ${JSON.stringify(midway)}`);

    startWorkerProcess();
    await waitFor('the campaign to complete', async () => (await get(`/v1/campaigns/${id}`)).status === 'completed', { progress, stallMs: 60_000 });
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    const done = await get(`/v1/campaigns/${id}`);
    assert.deepEqual([done.progress.queued, done.progress.refused, done.progress.remaining, done.progress.delivered, done.progress.failed], [rows, 0, 0, rows, 0]);

    const perRow = (
      await sql<{ messages: number; recipients: number }>`
        select count(*)::int as messages, count(distinct recipient)::int as recipients from messages where campaign_id = ${id}`.execute(database.db)
    ).rows[0];
    assert.deepEqual(perRow, { messages: rows, recipients: rows }, 'each recipient queued exactly once');

    const ids = (await database.db.selectFrom('messages').select('id').where('campaign_id', '=', id).execute()).map((m) => m.id);
    const account = await accountAtSmsc(database.db, simulator, ids);
    const history = (await env.client.workflow.getHandle(campaignWorkflowId(id)).describe()).historyLength;
    // What the dead worker had at the SMSC unrecorded: its window and one write batch of outcomes.
    const bound = smppBindDefaults.window + 100;
    reportFault('campaign worker sigkill', { rows, ...account, midway, duplicateBound: bound, recoverySeconds, lastRunHistoryEvents: history });
    expectNothingLostNothingUnrecorded(account);
    expect(account.duplicatedParts).toBeLessThanOrEqual(bound);
    expect(history, 'continue-as-new keeps each run’s history bounded').toBeLessThan(5_000);
    assert.deepEqual((await checkLedger(database.db)).problems, []);
  });
});
