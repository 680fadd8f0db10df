import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { pino } from 'pino';
import smpp from 'smpp';
import { startSimulatorFromEnv } from '../../carriers/simulator/main.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { parseDeliveryReceipt } from '../../carriers/smpp/receipt.ts';
import { waitFor } from '../support/wait.ts';

const closed = new WeakMap<smpp.Session, Promise<unknown>>();

/** A bare client session from the smpp package, to drive the simulator PDU by PDU. */
async function connect(simulator: Simulator): Promise<smpp.Session> {
  const session = smpp.connect({ host: simulator.host, port: simulator.port });
  session.socket.setNoDelay(true);
  session.on('error', () => {});
  closed.set(session, once(session, 'close'));
  await once(session, 'connect');
  return session;
}

function request(session: smpp.Session, command: smpp.CommandName, fields: smpp.PduFields = {}): Promise<smpp.PDU> {
  return new Promise((resolve, reject) => {
    if (!session.send(new smpp.PDU(command, fields), resolve)) reject(new Error(`${command} not sent`));
  });
}

async function closeAll(sessions: smpp.Session[]): Promise<void> {
  for (const session of sessions) session.destroy();
  await Promise.all(sessions.map((session) => closed.get(session)));
}

const submit = { source_addr: 'Tern', destination_addr: '15550000000', registered_delivery: 1, data_coding: 0 } as const;

describe('SMSC simulator', () => {
  let simulator: Simulator;
  const sessions: smpp.Session[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({
      accounts: [
        { systemId: 'tern', password: 'tern' },
        { systemId: 'other', password: 'secret' },
      ],
      receiptDelayMs: 0,
      window: 2,
      submitResponseDelayMs: 30,
    });
  });

  afterAll(async () => {
    await closeAll(sessions);
    await simulator.close();
  });

  test('wrong credentials get ESME_RBINDFAIL for every bind mode', async () => {
    for (const command of ['bind_transmitter', 'bind_receiver', 'bind_transceiver'] as const) {
      const session = await connect(simulator);
      sessions.push(session);
      const response = await request(session, command, { system_id: 'tern', password: 'wrong' });
      assert.equal(response.command_status, smpp.errors.ESME_RBINDFAIL, command);
    }
    const session = await connect(simulator);
    sessions.push(session);
    assert.equal((await request(session, 'bind_transmitter', { system_id: 'nobody', password: 'tern' })).command_status, smpp.errors.ESME_RBINDFAIL);
  });

  test('answers enquire_link, refuses submit_sm on a receiver, unbinds', async () => {
    const session = await connect(simulator);
    sessions.push(session);
    assert.equal((await request(session, 'bind_receiver', { system_id: 'tern', password: 'tern' })).command_status, 0);
    assert.equal((await request(session, 'enquire_link')).command, 'enquire_link_resp');
    assert.equal((await request(session, 'submit_sm', { ...submit, short_message: 'hi' })).command_status, smpp.errors.ESME_RINVBNDSTS);
    const closed = once(session, 'close');
    assert.equal((await request(session, 'unbind')).command, 'unbind_resp');
    await closed;
  });

  test('holds receipts while the account has no receiving session, then delivers them when one binds', async () => {
    const transmitter = await connect(simulator);
    sessions.push(transmitter);
    assert.equal((await request(transmitter, 'bind_transmitter', { system_id: 'other', password: 'secret' })).command_status, 0);
    const response = await request(transmitter, 'submit_sm', { ...submit, short_message: 'held receipt' });
    assert.equal(response.command_status, 0);
    const messageId = response.message_id ?? '';
    await waitFor('the receipt to be held', () => simulator.stats().receiptsQueued === 1);

    const receiver = await connect(simulator);
    sessions.push(receiver);
    const delivered = once(receiver, 'deliver_sm') as Promise<[smpp.PDU]>;
    assert.equal((await request(receiver, 'bind_receiver', { system_id: 'other', password: 'secret' })).command_status, 0);
    const [receipt] = await delivered;
    receiver.send(receipt.response());
    assert.equal(receipt.esm_class, 0x04);
    assert.equal(receipt.receipted_message_id, messageId);
    assert.equal(receipt.message_state, 2);
    assert.equal(receipt.source_addr, '15550000000');
    assert.equal(receipt.destination_addr, 'Tern');
    const text = receipt.short_message && typeof receipt.short_message === 'object' && 'message' in receipt.short_message ? receipt.short_message.message : '';
    assert.equal(parseDeliveryReceipt(String(text))?.id, messageId);
    await waitFor('the receipt to be acknowledged', () => simulator.stats().receiptsQueued === 0 && simulator.stats().receiptsAcked === 1);
  });

  test('answers ESME_RMSGQFUL beyond its window', async () => {
    const session = await connect(simulator);
    sessions.push(session);
    assert.equal((await request(session, 'bind_transmitter', { system_id: 'tern', password: 'tern' })).command_status, 0);
    const statuses = await Promise.all(
      [1, 2, 3].map(async (i) => (await request(session, 'submit_sm', { ...submit, short_message: `w${i}` })).command_status),
    );
    assert.deepEqual(statuses, [0, 0, smpp.errors.ESME_RMSGQFUL]);
    assert.ok(simulator.stats().windowViolations >= 1);
  });

  test('message ids stay unique across restarts of the simulator', async () => {
    const ids = new Set<string>();
    for (let run = 0; run < 2; run++) {
      const fresh = await startSimulator();
      const session = await connect(fresh);
      await request(session, 'bind_transmitter', { system_id: 'tern', password: 'tern' });
      for (let i = 0; i < 3; i++) ids.add((await request(session, 'submit_sm', { ...submit, registered_delivery: 0, short_message: 'x' })).message_id ?? '');
      await closeAll([session]);
      await fresh.close();
    }
    assert.equal(ids.size, 6);
    for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
  });
});

describe('startSimulatorFromEnv', () => {
  test('reads the port, account, receipt delay and rules from the environment', async () => {
    const simulator = await startSimulatorFromEnv({
      TERN_SMSC_PORT: '0',
      TERN_SMSC_SYSTEM_ID: 'dev',
      TERN_SMSC_PASSWORD: 'devpass',
      TERN_SMSC_RECEIPT_DELAY_MS: '0',
      TERN_SMSC_RULES: JSON.stringify([{ pattern: '^1555', outcome: 'submit-error' }]),
    }, pino({ enabled: false }));
    const session = await connect(simulator);
    try {
      assert.notEqual(simulator.port, 0);
      assert.equal((await request(session, 'bind_transmitter', { system_id: 'dev', password: 'devpass' })).command_status, 0);
      const response = await request(session, 'submit_sm', { ...submit, short_message: 'ruled' });
      assert.equal(response.command_status, smpp.errors.ESME_RINVDSTADR);
    } finally {
      await closeAll([session]);
      await simulator.close();
    }
  });

  test('refuses rules with an unknown outcome', async () => {
    await assert.rejects(
      startSimulatorFromEnv({ TERN_SMSC_PORT: '0', TERN_SMSC_RULES: '[{"pattern":"1$","outcome":"lost"}]' }),
      /Unknown outcome "lost"/,
    );
  });
});
