import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { CarrierBind } from '../../carriers/carrier.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { numberEndingIn, ReceiptLog, sleep } from './helpers.ts';
import { waitFor } from '../support/wait.ts';

describe('SMPP bind when the SMSC goes away', () => {
  let simulator: Simulator;
  let bind: CarrierBind;
  const receipts = new ReceiptLog();
  const bindWaitMs = 300;

  beforeAll(async () => {
    simulator = await startSimulator({ receiptDelayMs: 300 });
    bind = createSmppBind({
      name: 'failover',
      host: simulator.host,
      port: simulator.port,
      systemId: 'tern',
      password: 'tern',
      bindWaitMs,
      responseTimeoutMs: 1_000,
      // Reconnecting well within bindWaitMs is what lets a submit ride out a short outage.
      reconnect: { minMs: 30, maxMs: 100 },
    });
    bind.onReceipt(receipts.handler);
    await waitFor('the bind', () => bind.isBound());
  });

  afterAll(async () => {
    await bind.close();
    await simulator.close();
  });

  test('stopped then started again: submits during the outage fail fast as retryable, then the bind comes back by itself', async () => {
    const before = await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['before the outage'] });
    assert.ok(before.ok);
    const beforeId = before.parts[0]?.carrierMessageId ?? '';

    // The receipt is due 300 ms after the submit, while the SMSC is down: it must wait and come after the rebind.
    await simulator.stop();
    await waitFor('the bind to notice the outage', () => !bind.isBound());

    const started = Date.now();
    const during = await Promise.all(
      [1, 2, 3].map((i) => bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [`during ${i}`] })),
    );
    const waited = Date.now() - started;
    for (const result of during) {
      assert.ok(!result.ok);
      assert.equal(result.code, 'BIND_UNAVAILABLE');
      assert.equal(result.retryable, true);
    }
    assert.ok(waited >= bindWaitMs - 20, `gave up after ${waited} ms, before the bounded wait`);
    assert.ok(waited < bindWaitMs + 700, `gave up after ${waited} ms, far past the bounded wait`);

    const bindsBefore = simulator.stats().binds;
    await simulator.start();
    await waitFor('the bind to reconnect', () => bind.isBound(), 3_000);
    assert.equal(simulator.stats().binds, bindsBefore + 1);

    const afterwards = await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['after the outage'] });
    assert.ok(afterwards.ok);
    assert.notEqual(afterwards.parts[0]?.carrierMessageId, beforeId);
    assert.equal((await receipts.arrived(beforeId)).stat, 'DELIVRD');
  });

  test('a submit waiting through a short outage goes through once the bind is back', async () => {
    await simulator.stop();
    await waitFor('the bind to notice the outage', () => !bind.isBound());
    const pending = bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['patient'] });
    await simulator.start();
    const result = await pending;
    // The bounded wait is short: this only holds because the reconnect back-off is shorter still.
    assert.ok(result.ok, JSON.stringify(result));
  });

  test('an unbind from the SMSC is answered, and the bind binds again by itself', async () => {
    const bindsBefore = simulator.stats().binds;
    await simulator.unbindSessions();
    await waitFor('the bind to come back', () => simulator.stats().binds === bindsBefore + 1 && bind.isBound());
    const result = await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['after unbind'] });
    assert.ok(result.ok, JSON.stringify(result));
  });

  test('a link answering enquire_link stays up', async () => {
    const chatty = createSmppBind({
      name: 'chatty',
      host: simulator.host,
      port: simulator.port,
      systemId: 'tern',
      password: 'tern',
      enquireLinkMs: 20,
      // An unanswered enquire_link would drop the session after 100 ms, and the simulator would see a new bind.
      responseTimeoutMs: 100,
    });
    try {
      await waitFor('the bind', () => chatty.isBound());
      const bindsBefore = simulator.stats().binds;
      await sleep(400);
      assert.equal(chatty.isBound(), true);
      assert.equal(simulator.stats().binds, bindsBefore);
    } finally {
      await chatty.close();
    }
  });

  test('submits outstanding when the session drops fail as retryable', async () => {
    const slow = await startSimulator({ submitResponseDelayMs: 2_000 });
    const dropped = createSmppBind({
      name: 'dropped',
      host: slow.host,
      port: slow.port,
      systemId: 'tern',
      password: 'tern',
      reconnect: { minMs: 50, maxMs: 200 },
    });
    try {
      await waitFor('the bind', () => dropped.isBound());
      const pending = dropped.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['lost in flight'] });
      await waitFor('the submit to reach the SMSC', () => slow.stats().submits === 1);
      await slow.stop();
      const result = await pending;
      assert.ok(!result.ok);
      assert.equal(result.code, 'SESSION_CLOSED');
      assert.equal(result.retryable, true);
    } finally {
      await dropped.close();
      await slow.close();
    }
  });
});
