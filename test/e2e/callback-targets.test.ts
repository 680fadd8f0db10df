// Callback URLs are the tenant's, so hostile: reports go only to public addresses (checked when a URL is given and
// again on the address each send connects to), never inside; the tenant sees a class of failure, not the network's
// own words; a target that is not allowed is given up at once, not retried for days.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { singleCarrier } from '../../carriers/routing.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { callbackTargetPolicy } from '../../domain/callback-targets.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { sendCode } from '../support/messages.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';
import { compatibleClient } from '../support/wsse-client.ts';
import { waitFor } from '../support/wait.ts';

const strict = callbackTargetPolicy();
const badUrls = [
  'http://127.1/x',
  'http://2130706433/x',
  'http://0x7f.0.0.1/x',
  'http://[::1]/x',
  'http://[::ffff:7f00:1]/x',
  'http://0.0.0.0/x',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.5:6379/',
  'http://example.com@127.0.0.1/x',
  'http://localhost:2776/carriers/cmcc/stop',
];

describe('callback targets', () => {
  let simulator: Simulator;
  let sink: CallbackSink;
  let strictApi: RunningApi | undefined;
  beforeAll(async () => {
    [simulator, sink] = await Promise.all([startSimulator({ receiptDelayMs: 10 }), startCallbackSink()]);
  });
  afterAll(async () => {
    await strictApi?.stop();
    await Promise.all([simulator?.close(), sink?.close()]);
  });
  const apiOf = async (database: TestDatabase) =>
    (strictApi ??= await startApi({ db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0, callbackTargets: strict }));
  const stored = async (database: TestDatabase) => Number((await sql<{ n: number }>`select count(*)::int as n from messages`.execute(database.db)).rows[0]?.n);

  test.for(badUrls)('a send with callbackUrl %s is refused with 422 and stores nothing', async (url, { database, tenant }) => {
    const api = await apiOf(database);
    const before = await stored(database);
    const res = await sendCode(api.url, tenant, ['+8613800138000'], { callbackUrl: url });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'callback_url_not_allowed' });
    expect(await stored(database)).toBe(before);
  });

  test('the compatible API refuses such a statusCallback with E000503, and operators cannot give an app one', async ({ database, tenant }) => {
    const api = await apiOf(database);
    const client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
    const answer = await client.batchSendSms({ from: tenant.from, to: '+447400123456', templateId: tenant.templates.code, templateParas: '["1"]', statusCallback: 'http://127.1:8080/x' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'E000503' });

    const { createOperator } = await import('../../db/operators.ts');
    const admin = `Bearer ${(await createOperator(database.db, 'olga', 'admin')).token}`;
    const res = await fetch(`${api.url}/v1/admin/apps/${tenant.appId}`, {
      method: 'PATCH',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ uplinkUrl: 'http://[::1]:8090/uplink' }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'callback_url_not_allowed' });
  });

  test('at send time the address connected to decides: a name resolving to loopback gets nothing, the report is given up at once with a class of failure', async ({ database, api, tenant }) => {
    const closedPort = await freePort();
    const urls = {
      // Allowed when given (this API allows loopback, as an operator may), refused by the worker's strict policy.
      literal: `${sink.url}/literal`,
      // Names are checked on what they resolve to: localhost is 127.0.0.1 (a DNS answer that changed since, say).
      named: `http://localhost:${new URL(sink.url).port}/named`,
    };
    const ids: Record<string, string> = {};
    for (const [name, url] of Object.entries(urls)) {
      const res = await sendCode(api.url, tenant, [`+44740012${String(Object.keys(ids).length).padStart(4, '0')}`], { callbackUrl: name === 'named' ? `${sink.url}/placeholder` : url });
      expect(res.status).toBe(202);
      ids[name] = ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
    }
    await sql`update messages set callback_url = ${urls.named} where id = ${ids.named}`.execute(database.db);
    // And one the policy allows but nothing listens on: its failure is a class too, not ECONNREFUSED.
    const refusedRes = await sendCode(api.url, tenant, ['+447400129999'], { callbackUrl: `http://127.0.0.1:${closedPort}/closed` });
    const refusedId = ((await refusedRes.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';

    const bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger });
    const hotPath = startHotPath({
      db: database.db,
      secrets: testSecrets,
      databaseUrl: database.url,
      carriers: singleCarrier(bind),
      logger: testLogger,
      callbackTargets: callbackTargetPolicy(`127.0.0.1:${closedPort}`),
      tuning: { callbackRetry: { minMs: 60_000, maxMs: 60_000 } },
    });
    try {
      const attempts = (id: string) =>
        sql<{ status: string; error: string | null; n: number }>`
          select o.status, max(a.error) as error, count(a.*)::int as n from callback_outbox o join callback_attempts a on a.outbox_id = o.id
          where o.message_id = ${id} group by o.status`.execute(database.db).then((r) => r.rows[0]);
      for (const name of ['literal', 'named'] as const) {
        const row = await waitFor(`the ${name} report given up`, async () => {
          const found = await attempts(ids[name] ?? '');
          return found?.status === 'expired' && found;
        });
        expect(row).toEqual({ status: 'expired', error: 'TARGET_NOT_ALLOWED', n: 1 });
      }
      const refused = await waitFor('the closed port attempted', async () => (await attempts(refusedId)) ?? false);
      expect(refused).toMatchObject({ status: 'pending', error: 'NETWORK_ERROR', n: 1 });
      expect(sink.received().filter((r) => r.path !== '/callbacks/placeholder')).toEqual([]);
    } finally {
      await hotPath.stop();
      await bind.close();
    }
  });
});
