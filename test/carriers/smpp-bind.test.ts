import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { CarrierBind, DeliveryReceipt, OutboundMessage, SubmitResult } from '../../carriers/carrier.ts';
import type { ReceivedMessage } from '../../carriers/simulator/assembler.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createSmppBind, type SmppBindOptions } from '../../carriers/smpp/bind.ts';
import { planSegments } from '../../domain/segments.ts';
import { numberEndingIn, ReceiptLog, ReplyLog, sleep } from './helpers.ts';
import { waitFor } from '../support/wait.ts';

function bindTo(simulator: Simulator, overrides: Partial<SmppBindOptions> = {}): CarrierBind {
  return createSmppBind({
    name: 'simulator',
    host: simulator.host,
    port: simulator.port,
    systemId: 'tern',
    password: 'tern',
    responseTimeoutMs: 2_000,
    reconnect: { minMs: 50, maxMs: 200 },
    ...overrides,
  });
}

function accepted(result: SubmitResult): string[] {
  assert.ok(result.ok, `submit failed: ${JSON.stringify(result)}`);
  return result.parts.map((p) => p.carrierMessageId);
}

function receivedWithId(simulator: Simulator, carrierMessageId: string): ReceivedMessage {
  const message = simulator.received().find((m) => m.pdus.some((p) => p.messageId === carrierMessageId));
  assert.ok(message, `the simulator has no message with part ${carrierMessageId}`);
  return message;
}

describe('SMPP bind against the simulator', () => {
  let simulator: Simulator;
  let bind: CarrierBind;
  const receipts = new ReceiptLog();
  const replies = new ReplyLog();
  const rejectedOnce = new Set<string>();

  beforeAll(async () => {
    simulator = await startSimulator({
      receiptDelayMs: 0,
      rules: [{ pattern: '9905$', outcome: 'rejected' }],
      deliveryRetry: { minMs: 20, maxMs: 50 },
    });
    bind = bindTo(simulator);
    bind.onReceipt(async (receipt: DeliveryReceipt) => {
      // Receipts of messages marked REJECT-ONCE fail the first time, as if the database were briefly down.
      if (receipt.raw.includes('REJECT-ONCE') && !rejectedOnce.has(receipt.carrierMessageId)) {
        rejectedOnce.add(receipt.carrierMessageId);
        receipts.all.push({ ...receipt, stat: 'UNKNOWN', raw: `rejected: ${receipt.raw}` });
        throw new Error('storage unavailable');
      }
      await receipts.handler(receipt);
    });
    bind.onReply(replies.handler);
    await waitFor('the bind', () => bind.isBound());
  });

  afterAll(async () => {
    await bind.close();
    await simulator.close();
  });

  test('refused credentials wait a minute before the next bind (then longer), not the usual reconnect: the account is not locked', async () => {
    const before = simulator.stats().bindFailures;
    const wrong = bindTo(simulator, { password: 'not-the-password' });
    try {
      await waitFor('a refused bind', () => simulator.stats().bindFailures > before);
      await sleep(1_500);
      assert.equal(simulator.stats().bindFailures, before + 1, 'one bind in 1.5 s; the usual reconnect (50–200 ms here) would have tried again and again');
      assert.match(wrong.lastFailure() ?? '', /bind refused with ESME_RBINDFAIL; the next bind in (6\d|7\d|8\d|90) s/);
      const paced = bindTo(simulator, { password: 'not-the-password', credentialsRefused: { minMs: 300, maxMs: 300 } });
      try {
        const start = simulator.stats().bindFailures;
        await waitFor('a refused bind', () => simulator.stats().bindFailures > start);
        await sleep(1_000);
        const binds = simulator.stats().bindFailures - start;
        assert.ok(binds >= 2 && binds <= 5, `a bind every 300 ms or so: ${binds} in 1 s`);
      } finally {
        await paced.close();
      }
    } finally {
      await wrong.close();
    }
  });

  test('a wrong password never binds and submits fail as retryable BIND_UNAVAILABLE', async () => {
    const wrong = bindTo(simulator, { password: 'not-the-password', bindWaitMs: 200 });
    try {
      const failuresBefore = simulator.stats().bindFailures;
      await waitFor('a refused bind', () => simulator.stats().bindFailures > failuresBefore);
      assert.equal(wrong.isBound(), false);
      const started = Date.now();
      const result = await wrong.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['never sent'] });
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.equal(result.retryable, true);
      assert.equal(result.code, 'BIND_UNAVAILABLE');
      assert.match(result.reason, /ESME_RBINDFAIL/);
      assert.ok(Date.now() - started < 1_000, 'the submit waited far longer than bindWaitMs');
    } finally {
      await wrong.close();
    }
  });

  test('a GSM-7 single part arrives with the same text, data_coding 0 and no UDH', async () => {
    const text = 'Hello {Tern} ~ 10€ [ok] ^_^ \\ | àéü @£$ ¿Qué?';
    const to = numberEndingIn('0000');
    const [id] = accepted(await bind.submit({ from: 'Tern', to, encoding: 'gsm7', reference: 1, parts: [text] }));
    assert.ok(id);
    const message = receivedWithId(simulator, id);
    assert.equal(message.text, text);
    assert.equal(message.encoding, 'gsm7');
    assert.equal(message.parts, 1);
    assert.equal(message.concat, null);
    assert.equal(message.from, 'Tern');
    assert.equal(message.to, to.slice(1));
    assert.deepEqual(message.pdus[0], {
      messageId: id,
      esmClass: 0,
      registeredDelivery: 1,
      dataCoding: 0,
      sourceTon: 5,
      sourceNpi: 0,
      destTon: 1,
      destNpi: 1,
      validUntil: null,
      payload: false,
    });
  });

  test('a UCS-2 Chinese text arrives intact as data_coding 8', async () => {
    const text = '您好，您的验证码是 482913。请勿泄露 🔒';
    const [id] = accepted(await bind.submit({ from: '+447700900123', to: numberEndingIn('0000'), encoding: 'ucs2', reference: 1, parts: [text] }));
    assert.ok(id);
    const message = receivedWithId(simulator, id);
    assert.equal(message.text, text);
    assert.equal(message.encoding, 'ucs2');
    assert.equal(message.pdus[0]?.dataCoding, 8);
    assert.equal(message.from, '447700900123');
    assert.equal(message.pdus[0]?.sourceTon, 1);
  });

  test('a 3-part message is reassembled from its UDH, under the reference the message carries', async () => {
    const text = `${'Tern concatenation test. '.repeat(17)}The end {€}.`;
    const plan = planSegments(text);
    assert.equal(plan.parts.length, 3);
    const message: OutboundMessage = { from: '12345', to: numberEndingIn('0000'), encoding: plan.encoding, reference: 7, parts: plan.parts };
    const before = Date.now();
    const result = await bind.submit(message);
    const after = Date.now();
    const first = accepted(result);
    // Each part is stamped when its own submit_sm_resp came (the timeline's per-part submit time).
    for (const part of result.parts) assert.ok(part.acceptedAt.getTime() >= before && part.acceptedAt.getTime() <= after, `part ${part.partNo} stamped in the submit`);
    const second = accepted(await bind.submit({ ...message, reference: 8 }));
    assert.equal(first.length, 3);
    assert.equal(new Set([...first, ...second]).size, 6, 'every part has its own carrier message id');

    const received = receivedWithId(simulator, first[0] ?? '');
    assert.equal(received.text, text);
    assert.equal(received.parts, 3);
    assert.equal(received.concat?.total, 3);
    assert.deepEqual(
      received.pdus.map((p) => p.messageId),
      first,
      'parts come back in part order with their ids',
    );
    for (const part of received.pdus) {
      assert.equal(part.esmClass & 0x40, 0x40, 'UDHI set on every part');
      assert.equal(part.registeredDelivery, 1, 'a receipt asked for every part');
    }
    const again = receivedWithId(simulator, second[0] ?? '');
    assert.equal(again.text, text);
    assert.equal(received.concat?.reference, 7);
    assert.equal(again.concat?.reference, 8);
  });

  test('a retry sends only the parts it names, under the first reference, and the handset joins them with the first ones', async () => {
    const plan = planSegments(`${'Parts sent in two goes. '.repeat(18)}Done.`);
    assert.equal(plan.parts.length, 3);
    const message: OutboundMessage = { from: '12345', to: numberEndingIn('0000'), encoding: plan.encoding, reference: 0x1234, parts: plan.parts };
    const first = await bind.submit({ ...message, partNos: [1, 3] });
    assert.ok(first.ok);
    assert.deepEqual(first.parts.map((p) => p.partNo), [1, 3]);
    const rest = await bind.submit({ ...message, partNos: [2] });
    assert.ok(rest.ok);
    assert.deepEqual(rest.parts.map((p) => p.partNo), [2]);
    const received = receivedWithId(simulator, first.parts[0]?.carrierMessageId ?? '');
    assert.equal(received.text, plan.parts.join(''));
    assert.equal(received.concat?.reference, 0x34, 'an 8-bit header carries the low byte');
    assert.deepEqual(received.pdus.map((p) => p.messageId), [first.parts[0], rest.parts[0], first.parts[1]].map((p) => p?.carrierMessageId));
  });

  test('receipts carry the stat each outcome rule gives; no receipt and submit errors as configured', async () => {
    const cases = [
      { suffix: '0000', stat: 'DELIVRD', err: '000' },
      { suffix: '9901', stat: 'UNDELIV', err: '001' },
      { suffix: '9902', stat: 'EXPIRED', err: '000' },
      { suffix: '9905', stat: 'REJECTD', err: '002' },
    ] as const;
    const ids = await Promise.all(
      cases.map(async ({ suffix }) => {
        const [id] = accepted(await bind.submit({ from: 'Tern', to: numberEndingIn(suffix), encoding: 'gsm7', reference: 1, parts: [`outcome ${suffix}`] }));
        assert.ok(id);
        return id;
      }),
    );
    const [silentId] = accepted(await bind.submit({ from: 'Tern', to: numberEndingIn('9903'), encoding: 'gsm7', reference: 1, parts: ['no receipt'] }));
    assert.ok(silentId);

    const refused = await bind.submit({ from: 'Tern', to: numberEndingIn('9904'), encoding: 'gsm7', reference: 1, parts: ['bad number'] });
    assert.deepEqual(refused, {
      ok: false,
      retryable: false,
      code: 'ESME_RINVDSTADR',
      reason: 'submit_sm refused with ESME_RINVDSTADR',
      parts: [],
    });

    for (const [i, expected] of cases.entries()) {
      const receipt = await receipts.arrived(ids[i] ?? '');
      assert.equal(receipt.stat, expected.stat, `stat for a number ending in ${expected.suffix}`);
      assert.equal(receipt.err, expected.err);
      assert.ok(receipt.doneAt instanceof Date);
      assert.match(receipt.raw, new RegExp(`^id:${receipt.carrierMessageId} `));
    }
    // Receipts go out in submit order right after each response, so the others having arrived means this one never will.
    await sleep(100);
    assert.deepEqual(receipts.for(silentId), []);
  });

  test('a receipt whose handler rejects is answered with an error and delivered again', async () => {
    const retriedBefore = simulator.stats().receiptsRetried;
    const [id] = accepted(await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['REJECT-ONCE please'] }));
    assert.ok(id);
    await waitFor('the receipt again', () => receipts.for(id).some((r) => r.stat === 'DELIVRD'));
    const seen = receipts.for(id);
    assert.equal(seen.length, 2, 'first the rejected delivery, then the accepted one');
    assert.match(seen[0]?.raw ?? '', /^rejected: /);
    assert.equal(simulator.stats().receiptsRetried, retriedBefore + 1);
    assert.equal(simulator.stats().bodilessResponses, 0, 'the refusal carries its body (an empty message_id), as SMPP 3.4 has it');
  });

  test('a mobile-originated reply reaches the reply handler and is acknowledged', async () => {
    const ackedBefore = simulator.stats().repliesAcked;
    assert.equal(await simulator.sendReply({ from: '+15557654321', to: '12345', text: 'STOP please' }), true);
    assert.equal(await simulator.sendReply({ from: '+15557654321', to: '+447700900123', text: 'Спасибо, до встречи' }), true);
    assert.equal(simulator.stats().repliesAcked, ackedBefore + 2);
    const [latin, cyrillic] = replies.all.slice(-2);
    assert.equal(latin?.from, '+15557654321');
    assert.equal(latin?.to, '12345');
    assert.equal(latin?.text, 'STOP please');
    assert.ok(latin?.receivedAt instanceof Date);
    assert.equal(cyrillic?.to, '+447700900123');
    assert.equal(cyrillic?.text, 'Спасибо, до встречи');
  });

  test('closing unbinds gracefully; later submits fail as retryable', async () => {
    const extra = bindTo(simulator);
    await waitFor('the extra bind', () => extra.isBound());
    const unbindsBefore = simulator.stats().unbinds;
    await extra.close();
    assert.equal(extra.isBound(), false);
    assert.equal(simulator.stats().unbinds, unbindsBefore + 1);
    const result = await extra.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['too late'] });
    assert.ok(!result.ok);
    assert.equal(result.code, 'BIND_UNAVAILABLE');
    assert.equal(result.retryable, true);
  });
});

describe('SMPP bind flow control', () => {
  test('never more than `window` submits outstanding, and the window is actually used', async () => {
    const simulator = await startSimulator({ submitResponseDelayMs: 20, receiptDelayMs: 0 });
    const bind = bindTo(simulator, { window: 5 });
    bind.onReceipt(async () => {});
    try {
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [`windowed ${i}`] })),
      );
      assert.equal(results.filter((r) => r.ok).length, 40);
      assert.equal(simulator.stats().maxInFlight, 5);
    } finally {
      await bind.close();
      await simulator.close();
    }
  });

  test('a message that is not bulk takes the first free slot ahead of the campaign messages queued for the window', async () => {
    const simulator = await startSimulator({ submitResponseDelayMs: 20, receiptDelayMs: 0 });
    const bind = bindTo(simulator, { window: 2 });
    bind.onReceipt(async () => {});
    try {
      const send = (text: string, bulk: boolean) => bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [text], bulk });
      const campaign = Array.from({ length: 20 }, (_, i) => send(`campaign ${i}`, true));
      await sleep(5);
      const code = send('code', false);
      const results = await Promise.all([...campaign, code]);
      assert.equal(results.filter((r) => r.ok).length, 21);
      const order = simulator.received().map((m) => m.text);
      // The window held two campaign messages when the code came; it goes with the next free slot, not after 18.
      assert.ok(order.indexOf('code') <= 3, order.join(', '));
      assert.equal(simulator.stats().maxInFlight, 2);
    } finally {
      await bind.close();
      await simulator.close();
    }
  });

  test('an SMSC throttling to a few submits per second still gets every message thanks to back-off', async () => {
    const simulator = await startSimulator({ maxSubmitsPerSecond: 10, receiptDelayMs: 0 });
    const bind = bindTo(simulator, { throttle: { minMs: 50, maxMs: 400, maxRetries: 40 } });
    bind.onReceipt(async () => {});
    try {
      await waitFor('the bind', () => bind.isBound());
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [`throttled ${i}`] })),
      );
      assert.deepEqual(results.filter((r) => !r.ok), []);
      const stats = simulator.stats();
      assert.ok(stats.throttled > 0, 'the simulator did throttle');
      assert.equal(stats.parts, 25);
      assert.equal(simulator.received().length, 25);
    } finally {
      await bind.close();
      await simulator.close();
    }
  });

  test('past the throttling retry budget the result is a retryable ESME_RTHROTTLED', async () => {
    const simulator = await startSimulator({ maxSubmitsPerSecond: 1 });
    const bind = bindTo(simulator, { throttle: { minMs: 10, maxMs: 20, maxRetries: 3 } });
    bind.onReceipt(async () => {});
    try {
      await waitFor('the bind', () => bind.isBound());
      accepted(await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['first'] }));
      const throttledBefore = simulator.stats().throttled;
      const result = await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['second'] });
      assert.ok(!result.ok);
      assert.equal(result.code, 'ESME_RTHROTTLED');
      assert.equal(result.retryable, true);
      assert.equal(simulator.stats().throttled - throttledBefore, 4, 'the first attempt and 3 retries');
    } finally {
      await bind.close();
      await simulator.close();
    }
  });
  test('a part the SMSC takes but never answers fails as a retryable RESPONSE_TIMEOUT marked uncertain; a refusal is certain', async () => {
    const simulator = await startSimulator({ rules: [{ pattern: '9906$', outcome: 'no-answer' }] });
    const bind = bindTo(simulator, { responseTimeoutMs: 300 });
    bind.onReceipt(async () => {});
    try {
      await waitFor('the bind', () => bind.isBound());
      const single = await bind.submit({ from: 'Tern', to: numberEndingIn('9906'), encoding: 'gsm7', reference: 1, parts: ['lost answer'] });
      assert.deepEqual(single, { ok: false, retryable: true, code: 'RESPONSE_TIMEOUT', reason: 'the SMSC did not answer in time', parts: [], uncertain: true });
      assert.equal(simulator.received().filter((m) => m.text === 'lost answer').length, 1, 'the SMSC did take it');
      const multi = await bind.submit({ from: 'Tern', to: numberEndingIn('9906'), encoding: 'gsm7', reference: 1, parts: ['one', 'two', 'three'] });
      assert.ok(!multi.ok && multi.uncertain && multi.code === 'RESPONSE_TIMEOUT');
      const refused = await bind.submit({ from: 'Tern', to: numberEndingIn('9904'), encoding: 'gsm7', reference: 1, parts: ['no route'] });
      assert.ok(!refused.ok && refused.uncertain === undefined);
    } finally {
      await bind.close();
      await simulator.close();
    }
  });
  test('a bind with a contracted throughput paces its submits and is never throttled', async () => {
    const simulator = await startSimulator({ maxSubmitsPerSecond: 10, receiptDelayMs: 0 });
    const paced = bindTo(simulator, { throughput: 8 });
    paced.onReceipt(async () => {});
    try {
      await waitFor('the bind', () => paced.isBound());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => paced.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [`paced ${i}`] })),
      );
      assert.equal(results.filter((r) => r.ok).length, 20);
      assert.equal(simulator.stats().throttled, 0);
      // The same burst without the setting is throttled by this SMSC.
      const unpaced = bindTo(simulator, { throttle: { minMs: 20, maxMs: 100, maxRetries: 40 } });
      unpaced.onReceipt(async () => {});
      try {
        await waitFor('the second bind', () => unpaced.isBound());
        await Promise.all(
          Array.from({ length: 20 }, (_, i) => unpaced.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: [`unpaced ${i}`] })),
        );
        assert.ok(simulator.stats().throttled > 0);
      } finally {
        await unpaced.close();
      }
    } finally {
      await paced.close();
      await simulator.close();
    }
  });

});

describe('carrier message ids written in another format in the receipt (an SMSC answering in hex, receipting in decimal)', () => {
  test("matched byte for byte a receipt never finds its submit; with the carrier's formats it does", async () => {
    const simulator = await startSimulator({ receiptDelayMs: 0, messageIds: 'hex-then-decimal' });
    const submitOne = async (bind: CarrierBind, receipts: ReceiptLog) => {
      bind.onReceipt(receipts.handler);
      await waitFor('the bind', () => bind.isBound());
      const [id] = accepted(await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['hex then decimal'] }));
      await waitFor('a receipt', () => receipts.all.length > 0);
      await bind.close();
      return { id: id ?? '', receipt: receipts.all[0] };
    };
    try {
      const verbatim = await submitOne(bindTo(simulator), new ReceiptLog());
      assert.match(verbatim.id, /^00[0-9A-F]{16}$/, 'the SMSC answered in upper-case hex with leading zeros');
      assert.notEqual(verbatim.receipt?.carrierMessageId, verbatim.id, 'its receipt gives the id in decimal: no match');

      const formatted = await submitOne(bindTo(simulator, { idFormats: { response: 'hex', receipt: 'decimal' } }), new ReceiptLog());
      assert.match(formatted.id, /^[1-9]\d*$/, 'the key: the number, in decimal');
      assert.equal(formatted.receipt?.carrierMessageId, formatted.id, 'the receipt finds its submit');
      assert.equal(formatted.receipt?.stat, 'DELIVRD');
    } finally {
      await simulator.close();
    }
  });
});

describe('receipts and replies sent as data_sm (text in message_payload), as some SMSCs do', () => {
  test('each reaches its handler and is answered with a data_sm_resp, not a generic_nack', async () => {
    const simulator = await startSimulator({ receiptDelayMs: 0, inboundAs: 'data_sm' });
    const bind = bindTo(simulator);
    const receipts = new ReceiptLog();
    const replies = new ReplyLog();
    bind.onReceipt(receipts.handler);
    bind.onReply(replies.handler);
    try {
      await waitFor('the bind', () => bind.isBound());
      const [id] = accepted(await bind.submit({ from: 'Tern', to: numberEndingIn('0000'), encoding: 'gsm7', reference: 1, parts: ['by data_sm'] }));
      const receipt = await receipts.arrived(id ?? '');
      assert.equal(receipt.stat, 'DELIVRD');
      assert.equal(await simulator.sendReply({ from: '+15557654321', to: '12345', text: 'STOP' }), true);
      assert.equal(replies.all.at(-1)?.text, 'STOP');
      const stats = simulator.stats();
      assert.deepEqual([stats.receiptsAcked, stats.repliesAcked, stats.receiptsRetried], [1, 1, 0], 'both acknowledged at the first try');
    } finally {
      await bind.close();
      await simulator.close();
    }
  });
});

