import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { CarrierBind, OutboundMessage, SubmitResult } from '../../carriers/carrier.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { createSmppBind, smppSettingsOptions } from '../../carriers/smpp/bind.ts';
import { planSegments } from '../../domain/segments.ts';
import { smppSettings, type SmppSettings } from '../../domain/smpp-settings.ts';
import { waitFor } from '../support/wait.ts';
import { numberEndingIn, ReceiptLog, ReplyLog, sleep } from './helpers.ts';

/** A bind made the way the worker makes one: from a carrier's stored settings. */
function bindWith(simulator: Simulator, settings: Partial<SmppSettings>): CarrierBind {
  return createSmppBind({
    name: 'carrier',
    host: simulator.host,
    port: simulator.port,
    systemId: 'tern',
    password: 'tern',
    ...smppSettingsOptions(smppSettings(settings)),
    reconnect: { minMs: 50, maxMs: 200 },
  });
}

function message(to: string, text: string, reference = 0xabcd): OutboundMessage {
  const { encoding, parts } = planSegments(text);
  return { from: 'Tern', to, encoding, parts, reference };
}

function ids(result: SubmitResult): string[] {
  assert.ok(result.ok, `submit failed: ${JSON.stringify(result)}`);
  return result.parts.map((p) => p.carrierMessageId);
}

const longText = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe("a carrier's SMPP settings, against the simulator", () => {
  let simulator: Simulator;
  const binds: CarrierBind[] = [];

  beforeAll(async () => {
    simulator = await startSimulator({ receiptDelayMs: 0, deliveryRetry: { minMs: 20, maxMs: 50 } });
  });
  afterAll(async () => {
    await Promise.all(binds.map((b) => b.close()));
    await simulator.close();
  });

  /** A bind alone on the account: the SMSC hands receipts and replies to any session of it. */
  async function bound(settings: Partial<SmppSettings>): Promise<CarrierBind> {
    await Promise.all(binds.splice(0).map((b) => b.close()));
    const bind = bindWith(simulator, settings);
    binds.push(bind);
    await waitFor('the bind', () => bind.isBound());
    return bind;
  }
  const received = (to: string) => waitFor(`the message to ${to}`, () => simulator.received().find((m) => m.to === to.slice(1)));

  test('transmitter-receiver: submits on a transmitter, receipts and replies on a receiver, with the system_type and address_range given', async () => {
    const before = simulator.sessions().length;
    const bind = await bound({ bindMode: 'transmitter-receiver', systemType: 'VMA', addressRange: '^1069' });
    const receipts = new ReceiptLog();
    const replies = new ReplyLog();
    bind.onReceipt(receipts.handler);
    bind.onReply(replies.handler);
    await waitFor('both sessions', () => simulator.sessions().length === before + 2);
    const mine = simulator.sessions().slice(before);
    assert.deepEqual(mine.map((s) => s.mode).sort(), ['receiver', 'transmitter']);
    for (const session of mine) assert.deepEqual([session.systemType, session.addressRange], ['VMA', '^1069']);
    assert.equal(bind.lastFailure(), null);

    const to = numberEndingIn('0001');
    const [id] = ids(await bind.submit(message(to, 'Your code is 1234')));
    assert.equal((await receipts.arrived(id ?? '')).stat, 'DELIVRD');
    assert.equal(await simulator.sendReply({ from: to, to: '1069000012345', text: 'OK' }), true);
    await waitFor('the reply', () => replies.all.find((r) => r.from === to));
  });

  test('TON/NPI rules replace the detected ones per kind of address; what is not given stays detected', async () => {
    const bind = await bound({ addresses: { alphanumericSource: { ton: 5, npi: 9 }, destination: { ton: 0, npi: 1 } } });
    const to = numberEndingIn('0002');
    ids(await bind.submit(message(to, 'Hello')));
    const named = await received(to);
    assert.deepEqual([named.pdus[0]?.sourceTon, named.pdus[0]?.sourceNpi, named.pdus[0]?.destTon, named.pdus[0]?.destNpi], [5, 9, 0, 1]);
    const other = numberEndingIn('0003');
    ids(await bind.submit({ ...message(other, 'Hello'), from: '+447700900123' }));
    const numbered = await received(other);
    assert.deepEqual([numbered.pdus[0]?.sourceTon, numbered.pdus[0]?.sourceNpi], [1, 1], 'an international sender keeps the detected 1/1');
  });

  test('default data coding 0x03 sends GSM-alphabet text as Latin-1, 0x01 as ASCII; characters the coding lacks go as ?', async () => {
    const latin1 = await bound({ defaultDataCoding: 3 });
    const a = numberEndingIn('0004');
    ids(await latin1.submit(message(a, 'Café £5 {ok} €')));
    const first = await received(a);
    assert.equal(first.pdus[0]?.dataCoding, 3);
    assert.equal(first.text, 'Café £5 {ok} ?');

    const ascii = await bound({ defaultDataCoding: 1 });
    const b = numberEndingIn('0005');
    ids(await ascii.submit(message(b, 'Code @1234 [x] £')));
    const second = await received(b);
    assert.equal(second.pdus[0]?.dataCoding, 1);
    assert.equal(second.text, 'Code @1234 [x] ?');

    const c = numberEndingIn('0006');
    ids(await ascii.submit(message(c, '验证码 1234')));
    assert.equal((await received(c)).pdus[0]?.dataCoding, 8, 'UCS-2 text is 0x08 whatever the default');
  });

  test('SAR concatenation: no UDH, the 16-bit reference and part numbers in the SAR TLVs, the text joined whole', async () => {
    const bind = await bound({ concatenation: 'sar' });
    const to = numberEndingIn('0007');
    const text = longText(60);
    assert.equal(planSegments(text).parts.length, 3);
    assert.equal(ids(await bind.submit(message(to, text, 0xbeef))).length, 3);
    const got = await received(to);
    assert.equal(got.text, text);
    assert.deepEqual(got.concat, { reference: 0xbeef, total: 3 });
    assert.ok(got.pdus.every((p) => (p.esmClass & 0x40) === 0), 'no UDH indicator');
  });

  test('message_payload: the whole text in one submit_sm, one message id for every part, one receipt for them all', async () => {
    const bind = await bound({ concatenation: 'payload' });
    const receipts = new ReceiptLog();
    bind.onReceipt(receipts.handler);
    const to = numberEndingIn('0008');
    const text = longText(60);
    const before = simulator.stats().submits;
    const result = await bind.submit(message(to, text));
    const partIds = ids(result);
    assert.deepEqual(result.ok && result.parts.map((p) => p.partNo), [1, 2, 3]);
    assert.equal(new Set(partIds).size, 1);
    assert.equal(simulator.stats().submits - before, 1);
    const got = await received(to);
    assert.equal(got.text, text);
    assert.equal(got.pdus[0]?.payload, true);
    await receipts.arrived(partIds[0] ?? '');
  });

  test('a validity period goes as relative validity_period; none when not set', async () => {
    const bind = await bound({ validityMinutes: 90 });
    const to = numberEndingIn('0009');
    const sentAt = Date.now();
    ids(await bind.submit(message(to, 'Valid for 90 minutes')));
    const validUntil = (await received(to)).pdus[0]?.validUntil;
    assert.ok(validUntil, 'a validity_period came');
    assert.ok(Math.abs(validUntil.getTime() - (sentAt + 90 * 60_000)) < 5_000, `valid until ${validUntil.toISOString()}`);
    const plain = await bound({});
    const other = numberEndingIn('0010');
    ids(await plain.submit(message(other, 'No validity')));
    assert.equal((await received(other)).pdus[0]?.validUntil, null);
  });

  test('the enquire_link period is the carrier’s', async () => {
    // Settings count whole seconds; the mapping is checked here, a short period through the raw option.
    assert.equal(smppSettingsOptions(smppSettings({ enquireLinkSeconds: 45 })).enquireLinkMs, 45_000);
    const bind = createSmppBind({ name: 'probe', host: simulator.host, port: simulator.port, systemId: 'tern', password: 'tern', enquireLinkMs: 100 });
    binds.push(bind);
    await waitFor('the bind', () => bind.isBound());
    const before = simulator.stats().enquireLinks;
    await sleep(650);
    assert.ok(simulator.stats().enquireLinks - before >= 4, `${simulator.stats().enquireLinks - before} enquire_link in 650 ms`);
  });
});

describe('SMPP over TLS', () => {
  let dir: string;
  let cert: string;
  let simulator: Simulator;
  const binds: CarrierBind[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tern-tls-'));
    // A self-signed certificate for 127.0.0.1, made for this run: no key is kept in the repository.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=smsc.test',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:smsc.test', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    simulator = await startSimulator({ receiptDelayMs: 0, tls: { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert } });
  });
  afterAll(async () => {
    await Promise.all(binds.map((b) => b.close()));
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(settings: Partial<SmppSettings>): CarrierBind {
    const bind = bindWith(simulator, settings);
    binds.push(bind);
    return bind;
  }

  test('with the carrier’s certificate trusted the bind comes up over TLS and delivers', async () => {
    const bind = open({ tls: { caPem: cert } });
    const receipts = new ReceiptLog();
    bind.onReceipt(receipts.handler);
    await waitFor('the TLS bind', () => bind.isBound());
    const to = numberEndingIn('0011');
    const [id] = ids(await bind.submit(message(to, 'Over TLS')));
    assert.equal((await receipts.arrived(id ?? '')).stat, 'DELIVRD');
  });

  test('an untrusted certificate never gets the credentials, and the carrier status says why', async () => {
    const before = simulator.stats().binds;
    const bind = open({ tls: {} });
    await waitFor('the failure', () => bind.lastFailure() ?? undefined);
    assert.match(bind.lastFailure() ?? '', /self[- ]signed certificate/);
    await sleep(300);
    assert.equal(bind.isBound(), false);
    assert.equal(simulator.stats().binds, before, 'no bind_transmitter or bind_transceiver reached the SMSC');
  });

  test('the wrong server name is refused too', async () => {
    const bind = open({ tls: { caPem: cert, serverName: 'other.test' } });
    await waitFor('the failure', () => bind.lastFailure() ?? undefined);
    assert.match(bind.lastFailure() ?? '', /other\.test/);
  });
});
