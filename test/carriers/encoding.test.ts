import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import smpp from 'smpp';
import { destinationAddress, platformAddress, sourceAddress } from '../../carriers/smpp/addressing.ts';
import { backoffDelay } from '../../domain/backoff.ts';
import { encodePart } from '../../carriers/smpp/encoding.ts';
import { pduText, pduUdh } from '../../carriers/smpp/pdu-text.ts';

const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '^{}\\[~]|€\f';

/** What the peer's decoder (the package, like the simulator) makes of a submit_sm body. */
function decodeAsPeer(body: Buffer, dataCoding: number, esmClass: number) {
  const pdu = new smpp.PDU(new smpp.PDU('submit_sm', { data_coding: dataCoding, esm_class: esmClass, short_message: body }).toBuffer());
  return { message: pduText(pdu), udh: pduUdh(pdu) };
}

describe('encodePart', () => {
  test('GSM-7 covers the whole default alphabet and its extension table', () => {
    const text = gsmBasic + gsmExtension;
    const body = encodePart(text, 'gsm7', 0, 1, 1);
    assert.equal(body.length, gsmBasic.length + gsmExtension.length * 2);
    assert.equal(decodeAsPeer(body, 0, 0).message, text);
  });

  test('GSM-7 matches the package encoder octet for octet', () => {
    const text = 'Hello {world} 10€ [ok] àé';
    assert.deepEqual(encodePart(text, 'gsm7', 0, 1, 1), smpp.gsmCoder.encode(text, 0));
  });

  test('GSM-7 replaces characters outside the alphabet with ?', () => {
    assert.equal(decodeAsPeer(encodePart('a✓b', 'gsm7', 0, 1, 1), 0, 0).message, 'a?b');
  });

  test('UCS-2 is big-endian UTF-16, surrogate pairs included', () => {
    const text = '你好 🚀';
    const body = encodePart(text, 'ucs2', 0, 1, 1);
    assert.deepEqual(body, Buffer.from([0x4f, 0x60, 0x59, 0x7d, 0x00, 0x20, 0xd8, 0x3d, 0xde, 0x80]));
    assert.equal(decodeAsPeer(body, 8, 0).message, text);
  });

  test('a multi-part part starts with the 8-bit concatenation UDH', () => {
    const body = encodePart('Part two', 'gsm7', 0xab, 3, 2);
    assert.deepEqual([...body.subarray(0, 6)], [0x05, 0x00, 0x03, 0xab, 3, 2]);
    const decoded = decodeAsPeer(body, 0, 0x40);
    assert.equal(decoded.message, 'Part two');
    assert.deepEqual(decoded.udh.map((ie) => [...ie]), [[0x00, 0x03, 0xab, 3, 2]]);
  });
});

describe('addresses', () => {
  test('a name is alphanumeric, a number international, a short code unknown/ISDN', () => {
    assert.deepEqual(sourceAddress('Tern'), { addr: 'Tern', ton: 5, npi: 0 });
    assert.deepEqual(sourceAddress('+447700900123'), { addr: '447700900123', ton: 1, npi: 1 });
    assert.deepEqual(sourceAddress('447700900123'), { addr: '447700900123', ton: 1, npi: 1 });
    assert.deepEqual(sourceAddress('12345'), { addr: '12345', ton: 0, npi: 1 });
    // A mainland 106 service number with its extension is national, however long.
    assert.deepEqual(sourceAddress('106900001001'), { addr: '106900001001', ton: 0, npi: 1 });
    assert.deepEqual(destinationAddress('+15551234567'), { addr: '15551234567', ton: 1, npi: 1 });
  });

  test('incoming numbers get their + back, short codes do not', () => {
    assert.equal(platformAddress('15551234567', 1), '+15551234567');
    assert.equal(platformAddress('15551234567', 0), '+15551234567');
    assert.equal(platformAddress('12345', 0), '12345');
    assert.equal(platformAddress('106900001001', 0), '106900001001');
    assert.equal(platformAddress('Tern', 5), 'Tern');
  });
});

describe('backoffDelay', () => {
  test('doubles within ±50%, never below min nor above max', () => {
    const options = { minMs: 100, maxMs: 1_000 };
    assert.equal(backoffDelay(0, options, () => 0), 100);
    assert.equal(backoffDelay(2, options, () => 0), 200);
    assert.equal(backoffDelay(2, options, () => 0.999), 600);
    assert.equal(backoffDelay(10, options, () => 0.999), 1_000);
  });
});
