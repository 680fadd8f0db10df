// The SMSC drops every session and stays away for a while under load (a carrier's maintenance or a network cut),
// with the worker as a process of its own: nothing accepted is lost, a submit whose answer the drop cut off is
// recorded as maybe sent, and the backlog leaves as soon as the SMSC is back (a 10 s rebind at most, then the
// messages that waited for it are released at once rather than sitting out their back-off).
import '../support/temporal.ts';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { routeEverythingTo } from '../support/carriers.ts';
import { accountAtSmsc, expectNothingLostNothingUnrecorded, reportFault } from '../support/fault-figures.ts';
import { describe, test } from '../support/fixtures.ts';
import { startLoad } from '../support/load.ts';
import { messageCounts } from '../support/messages.ts';
import { spawnTern, type TernProcess } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';

const outageMs = 20_000;
/** The documented bound: rebind within 10 s of the SMSC's return, then the backlog at the carrier's pace. */
const rebindBoundMs = 10_000;

describe('the SMSC drops its sessions and comes back under load', () => {
  let env: LocalTemporal;
  let simulator: Simulator;
  let worker: TernProcess | undefined;
  beforeAll(async () => {
    [env, simulator] = await Promise.all([
      startLocalTemporal(),
      startSimulator({ receiptDelayMs: 50, submitResponseDelayMs: 5, receivedCapacity: 100_000 }),
    ]);
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await simulator?.close();
    await env?.teardown();
  });

  test('nothing is lost, every copy is recorded, and the backlog leaves within the rebind bound', async ({ database, api, tenant }) => {
    await routeEverythingTo(database.db, simulator.port);
    worker = spawnTern('worker', { DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address, TERN_TASK_QUEUE: 'smsc-drop' });
    const counts = () => messageCounts(database.db);
    const load = startLoad(api.url, tenant, { prefix: '+86150', batch: 10, senders: 2, pauseMs: 200 });
    await waitFor('messages delivered before the drop', async () => ((await counts()).delivered ?? 0) >= 300, { progress: counts });

    await simulator.stop();
    const droppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const waiting = (await counts()).accepted ?? 0;
    await simulator.start();
    const backAt = Date.now();
    // Sending goes on for a moment after the return, then the backlog drains.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await load.stop();

    const delivered = async () => (await counts()).delivered ?? 0;
    await waitFor('every accepted message delivered', async () => (await delivered()) === load.accepted.length, { progress: counts });
    const backlog = await database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.max('submitted_at').as('last'))
      .where('created_at', '<', new Date(backAt))
      .executeTakeFirstOrThrow();
    const tailMs = (backlog.last?.getTime() ?? backAt) - backAt;
    // When the tail is long, the last message's setbacks say why (seconds after the return, code).
    const last = await database.db
      .selectFrom('messages')
      .innerJoin('message_retries', 'message_retries.message_id', 'messages.id')
      .select(['message_retries.attempt', 'message_retries.at', 'message_retries.code'])
      .where('messages.id', '=', (eb) => eb.selectFrom('messages').select('id').where('created_at', '<', new Date(backAt)).orderBy('submitted_at', 'desc').limit(1))
      .orderBy('message_retries.attempt')
      .execute();
    const lastSetbacks = last.map((r) => `${r.attempt}:${r.code}@${((r.at.getTime() - backAt) / 1000).toFixed(1)}s`);
    const account = await accountAtSmsc(database.db, simulator, load.accepted);
    reportFault('smsc drop', { ...account, outageSeconds: outageMs / 1000, waitingAtReturn: waiting, lastOfBacklogSubmittedAfterSeconds: tailMs / 1000, lastSetbacks, refused: load.refusals.length, droppedAt: new Date(droppedAt).toISOString() });
    expectNothingLostNothingUnrecorded(account);
    expect(load.refusals).toEqual([]);
    expect(waiting).toBeGreaterThan(0);
    // The backlog itself leaves at well over 500 messages a second once bound.
    expect(tailMs).toBeLessThan(rebindBoundMs + 2_000 + (waiting / 500) * 1_000);
    expect(worker.alive()).toBe(true);
  });
});
