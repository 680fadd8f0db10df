import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll } from 'vitest';
import { startSimulator, type SimulatedReply, type Simulator } from '../../carriers/simulator/simulator.ts';
import { planSegments } from '../../domain/segments.ts';
import { startCallbackSink, type CallbackSink } from '../../scripts/stack/callback-sink.ts';
import { describe, test } from '../support/fixtures.ts';
import { startSimulatorHotPath, type SimulatorHotPath } from '../support/hot-path.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { waitFor } from '../support/wait.ts';

type Form = Record<string, string>;

/** Short, so that a reply with a part missing comes out within the test. */
const partsTimeoutMs = 1500;
const gsmText = 'Yes please move my delivery to Saturday morning, the gate code is 4417. '.repeat(5).trim();

describe('replies in several parts: SMPP simulator → reassembly in Postgres → one routed reply and one uplink notification', () => {
  let database: TestDatabase;
  let simulator: Simulator;
  let sink: CallbackSink;
  let tenant: TestTenant;
  let running: SimulatorHotPath | null = null;
  let handsets = 0;

  function startStack(timeoutMs = partsTimeoutMs): void {
    running = startSimulatorHotPath(database, simulator.port, { replyPartsTimeoutMs: timeoutMs });
  }
  async function stopStack(): Promise<void> {
    await running?.stop();
    running = null;
  }

  test.beforeAll(async ({ database: d }) => {
    database = d;
    [simulator, sink] = await Promise.all([startSimulator({ receiptDelayMs: 20 }), startCallbackSink()]);
    tenant = await createTestTenant(database.db, { uplinkUrl: sink.url.replace('/callbacks', '/uplink') });
    startStack();
  });
  afterAll(async () => {
    await stopStack();
    await Promise.all([simulator?.close(), sink?.close()]);
  });

  /** A handset of its own per test, so each test sees only its replies. */
  const nextHandset = () => `+86138001390${String(++handsets).padStart(2, '0')}`;
  const reply = (from: string, fields: Omit<SimulatedReply, 'from' | 'to'>): SimulatedReply => ({ from, to: tenant.mainlandFrom, ...fields });
  const storedReplies = (from: string) =>
    database.db.selectFrom('inbound_replies').select(['public_id', 'text', 'missing_parts', 'app_id']).where('sender', '=', from).execute();
  const waitingParts = async (from: string) =>
    (await database.db.selectFrom('reply_parts').select('seq').where('sender', '=', from).where('delivered_at', 'is', null).orderBy('seq').execute()).map(
      (p) => p.seq,
    );
  const uplinksFrom = (from: string) => sink.received().filter((r) => r.path === '/uplink').map((r) => r.body as Form).filter((f) => f.from === from);

  /** Waits for the reply's uplink notification, then checks it stays the only reply and the only notification. */
  async function theOnlyReply(from: string, settleMs = 500) {
    await waitFor(`the uplink notification of ${from}`, () => uplinksFrom(from).length > 0);
    await sleep(settleMs);
    const stored = await storedReplies(from);
    const uplinks = uplinksFrom(from);
    assert.equal(stored.length, 1, `one reply from ${from}`);
    assert.equal(uplinks.length, 1, `one uplink notification for ${from}`);
    const [row] = stored;
    const [uplink] = uplinks;
    assert.equal(row?.app_id, tenant.appId);
    assert.equal(uplink?.smsMsgId, row?.public_id);
    assert.equal(uplink?.body, row?.text);
    assert.deepEqual(await waitingParts(from), [], 'no part left waiting');
    return row;
  }

  for (const concat of ['udh8', 'udh16', 'sar'] as const) {
    test(`a 3-part reply (${concat}) becomes one routed reply with the whole text`, async () => {
      const from = nextHandset();
      const acked = simulator.stats().repliesAcked;
      assert.equal(planSegments(gsmText).parts.length, 3);
      assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat })), true);
      assert.equal(simulator.stats().repliesAcked - acked, 3, 'three deliver_sm, each acknowledged');
      const row = await theOnlyReply(from);
      assert.equal(row?.text, gsmText);
      assert.equal(row?.missing_parts, null);
    });
  }

  test('a part the SMSC sends twice is stored once, before its reply is made and after', async () => {
    const from = nextHandset();
    const reference = 0x5a;
    assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat: 'udh8', reference, onlyParts: [1, 2, 2] })), true);
    assert.deepEqual(await waitingParts(from), [1, 2]);
    assert.deepEqual(await storedReplies(from), []);
    assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat: 'udh8', reference, onlyParts: [3, 3] })), true);
    // Past the timeout: a copy taken for the start of another reply would come out as one by then.
    const row = await theOnlyReply(from, partsTimeoutMs + 1500);
    assert.equal(row?.text, gsmText);
    assert.equal(row?.missing_parts, null);
  });

  for (const concat of ['udh8', 'udh16', 'sar'] as const) {
    test(`a UCS-2 reply (${concat}) with an emoji cut between two parts comes out whole`, async () => {
      const from = nextHandset();
      // The two UTF-16 code units of 😀, in two parts, as a handset that cuts by code units sends them.
      const [high, low] = ['\uD83D', '\uDE00'];
      const parts = [`好的，周六上午送到就行。${high}`, `${low}门禁密码是4417，到了请打电话。`, '谢谢您！再见。'];
      const text = parts.join('');
      assert.ok(text.includes('😀'));
      assert.equal(await simulator.sendReply(reply(from, { text, parts, concat })), true);
      const row = await theOnlyReply(from);
      assert.equal(row?.text, text);
    });
  }

  test('a reply with a part missing is delivered after the timeout, once, with the missing part recorded', async () => {
    const from = nextHandset();
    const [first, , third] = planSegments(gsmText).parts;
    const sentAt = Date.now();
    assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat: 'sar', onlyParts: [1, 3] })), true);
    assert.deepEqual(await waitingParts(from), [1, 3]);
    // Waits past the timeout and a check of the router more, to see that no second reply comes.
    const row = await theOnlyReply(from, partsTimeoutMs + 1500);
    assert.ok(Date.now() - sentAt >= partsTimeoutMs, 'not before the timeout');
    assert.equal(row?.text, `${first}${third}`);
    assert.deepEqual(row?.missing_parts, [2]);
  });

  // Last in the file: the worker it leaves running has the production timeout.
  test('the parts of a reply survive a restart of the worker between them', async () => {
    const from = nextHandset();
    const reference = 0x0bad;
    assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat: 'udh16', reference, onlyParts: [1] })), true);
    await stopStack();
    assert.deepEqual(await waitingParts(from), [1], 'the first part is in Postgres, not in the stopped process');
    // The new worker's timeout is the production one, so only the parts that come can complete the reply.
    startStack(10 * 60_000);
    assert.equal(await simulator.sendReply(reply(from, { text: gsmText, concat: 'udh16', reference, onlyParts: [2, 3] })), true);
    const row = await theOnlyReply(from);
    assert.equal(row?.text, gsmText);
    assert.equal(row?.missing_parts, null);
  });
});
