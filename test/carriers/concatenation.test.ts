import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import smpp from 'smpp';
import { concatHeader16, concatInfo } from '../../carriers/smpp/concatenation.ts';
import { encodePart } from '../../carriers/smpp/encoding.ts';
import { replyFromDeliverSm } from '../../carriers/smpp/inbound-reply.ts';
import { pduText } from '../../carriers/smpp/pdu-text.ts';
import { replyPdus, type SimulatedReply } from '../../carriers/simulator/reply-pdus.ts';

const UDHI = 0x40;

/** A deliver_sm as the receiving side decodes it: encoded to octets and parsed back by the package. */
function received(fields: smpp.PduFields, command: 'deliver_sm' | 'data_sm' = 'deliver_sm'): smpp.PDU {
  return new smpp.PDU(new smpp.PDU(command, { source_addr: '8613800138000', destination_addr: '1069000012345', ...fields }).toBuffer());
}

const withHeader = (header: number[], text = 'hi') => received({ esm_class: UDHI, data_coding: 0, short_message: Buffer.concat([Buffer.from(header), encodePart(text, 'gsm7', 0, 1, 1)]) });
const withSar = (reference: number, total: number, seq: number) =>
  received({ data_coding: 0, short_message: encodePart('hi', 'gsm7', 0, 1, 1), sar_msg_ref_num: reference, sar_total_segments: total, sar_segment_seqnum: seq });

const longReply = (concat: SimulatedReply['concat'], reference: number): SimulatedReply => ({
  from: '+8613800138000',
  to: '1069000012345',
  text: 'Thanks for the reminder. '.repeat(16),
  concat,
  reference,
});

describe('concatInfo', () => {
  test('an 8-bit reference UDH: its reference, total and part number, the text without the header', () => {
    const pdu = withHeader([0x05, 0x00, 0x03, 0xa7, 0x03, 0x02]);
    assert.deepEqual(concatInfo(pdu), { reference: 0xa7, total: 3, seq: 2 });
    assert.equal(pduText(pdu), 'hi');
  });

  test('a 16-bit reference UDH', () => {
    assert.deepEqual(concatInfo(withHeader([0x06, 0x08, 0x04, 0x12, 0x34, 0x04, 0x04])), { reference: 0x1234, total: 4, seq: 4 });
    assert.deepEqual(concatInfo(withHeader([...concatHeader16(0xbeef, 2, 1)])), { reference: 0xbeef, total: 2, seq: 1 });
  });

  test('the concatenation element found among other elements of the UDH', () => {
    // A port addressing element (IEI 0x05) before the 8-bit concatenation element.
    const pdu = withHeader([0x0b, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0, 0x00, 0x03, 0x09, 0x02, 0x01]);
    assert.deepEqual(concatInfo(pdu), { reference: 9, total: 2, seq: 1 });
  });

  test('SAR TLVs', () => {
    assert.deepEqual(concatInfo(withSar(0x4242, 5, 3)), { reference: 0x4242, total: 5, seq: 3 });
  });

  test('a message on its own has none', () => {
    assert.equal(concatInfo(received({ data_coding: 0, short_message: encodePart('hi', 'gsm7', 0, 1, 1) })), null);
  });

  test('a position that cannot be is taken as a message on its own: part 0, a part past the total, a total of 1', () => {
    for (const [total, seq] of [[3, 0], [3, 4], [1, 1]] as const) {
      assert.equal(concatInfo(withHeader([0x05, 0x00, 0x03, 0x01, total, seq])), null, `udh8 ${seq}/${total}`);
      assert.equal(concatInfo(withHeader([...concatHeader16(1, total, seq)])), null, `udh16 ${seq}/${total}`);
      assert.equal(concatInfo(withSar(1, total, seq)), null, `sar ${seq}/${total}`);
    }
  });

  test('an element of the wrong length is not read as concatenation', () => {
    assert.equal(concatInfo(withHeader([0x04, 0x00, 0x02, 0x01, 0x02])), null);
    assert.equal(concatInfo(withHeader([0x05, 0x08, 0x03, 0x01, 0x02, 0x01])), null);
  });

  test('the UDH of a reply whose text travels in message_payload (a data_sm)', () => {
    const [first] = replyPdus(longReply('udh16', 0x0102));
    const pdu = received({ ...first, message_payload: first?.short_message, short_message: undefined }, 'data_sm');
    assert.deepEqual(concatInfo(pdu), { reference: 0x0102, total: 3, seq: 1 });
  });
});

describe('a long simulated reply in each style, as the adapter reads it', () => {
  for (const [style, reference] of [['udh8', 0x34], ['udh16', 0x1234], ['sar', 0x1234]] as const) {
    test(style, () => {
      const reply = longReply(style, 0x1234);
      const parts = replyPdus(reply).map((fields) => replyFromDeliverSm(received(fields)));
      assert.deepEqual(parts.map((p) => p.part), [1, 2, 3].map((seq) => ({ reference, total: 3, seq })));
      assert.equal(parts.map((p) => p.text).join(''), reply.text);
      assert.ok(parts.every((p) => p.from === '+8613800138000' && p.to === '1069000012345'));
    });
  }

  test('parts left out or sent twice, as asked', () => {
    const fields = replyPdus({ ...longReply('sar', 7), onlyParts: [3, 1, 1] });
    assert.deepEqual(fields.map((f) => f.sar_segment_seqnum), [3, 1, 1]);
  });

  test('a text that fits one SMS goes as one deliver_sm without concatenation', () => {
    const [only, ...rest] = replyPdus({ from: '+8613800138000', to: '1069000012345', text: 'OK', concat: 'udh16' });
    assert.equal(rest.length, 0);
    assert.equal(replyFromDeliverSm(received(only ?? {})).part, undefined);
  });
});
