import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import smpp from 'smpp';
import { deliveryReceiptFromPdu, formatDeliveryReceipt, parseDeliveryReceipt, parseReceiptDate } from '../../carriers/smpp/receipt.ts';

/** A deliver_sm as the package hands it over after reading it off the wire. */
function receivedDeliverSm(fields: smpp.PduFields): smpp.PDU {
  const decoded = new smpp.PDU(new smpp.PDU('deliver_sm', { esm_class: 0x04, data_coding: 0, ...fields }).toBuffer());
  return decoded;
}

describe('parseDeliveryReceipt', () => {
  test('reads the appendix B format', () => {
    const parsed = parseDeliveryReceipt(
      'id:0123456789 sub:001 dlvrd:001 submit date:2401311530 done date:2401311532 stat:DELIVRD err:000 text:Hello there',
    );
    assert.deepEqual(parsed, {
      id: '0123456789',
      sub: '001',
      dlvrd: '001',
      submitDate: new Date(Date.UTC(2024, 0, 31, 15, 30)),
      doneDate: new Date(Date.UTC(2024, 0, 31, 15, 32)),
      stat: 'DELIVRD',
      err: '000',
      text: 'Hello there',
    });
  });

  test('tolerates case, underscores, 12-digit dates, uuids and a missing sub/dlvrd/text', () => {
    const parsed = parseDeliveryReceipt(
      'ID:3f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c Submit_Date:240131153012 DONE DATE:240131153245 Stat:undeliv Err:001',
    );
    assert.ok(parsed);
    assert.equal(parsed.id, '3f2b9c1e-8d4a-4e6b-9a7c-1d2e3f4a5b6c');
    assert.equal(parsed.sub, null);
    assert.equal(parsed.dlvrd, null);
    assert.deepEqual(parsed.submitDate, new Date(Date.UTC(2024, 0, 31, 15, 30, 12)));
    assert.deepEqual(parsed.doneDate, new Date(Date.UTC(2024, 0, 31, 15, 32, 45)));
    assert.equal(parsed.stat, 'UNDELIV');
    assert.equal(parsed.err, '001');
    assert.equal(parsed.text, '');
  });

  test('keeps hex and decimal ids as written', () => {
    assert.equal(parseDeliveryReceipt('id:7FA3C2B1 stat:DELIVRD')?.id, '7FA3C2B1');
    assert.equal(parseDeliveryReceipt('id:000000123456789 stat:DELIVRD')?.id, '000000123456789');
  });

  test('ignores unknown fields and takes the text to the end even when it looks like fields', () => {
    const parsed = parseDeliveryReceipt('id:42 mcc:234 stat:EXPIRED mnc:15 err:000 text:your stat: err:999 code');
    assert.ok(parsed);
    assert.equal(parsed.stat, 'EXPIRED');
    assert.equal(parsed.err, '000');
    assert.equal(parsed.text, 'your stat: err:999 code');
  });

  test('maps long stat spellings and unknown ones', () => {
    assert.equal(parseDeliveryReceipt('id:1 stat:DELIVERED')?.stat, 'DELIVRD');
    assert.equal(parseDeliveryReceipt('id:1 stat:REJECTED')?.stat, 'REJECTD');
    assert.equal(parseDeliveryReceipt('id:1 stat:WHATEVER')?.stat, 'UNKNOWN');
    assert.equal(parseDeliveryReceipt('id:1')?.stat, 'UNKNOWN');
  });

  test('is null for text that is not a receipt', () => {
    assert.equal(parseDeliveryReceipt('Hello, see you at 10:30'), null);
    assert.equal(parseDeliveryReceipt(''), null);
    assert.equal(parseDeliveryReceipt('id: stat:DELIVRD'), null);
  });

  test('accepts a space after the colon and an empty field before the next one', () => {
    const parsed = parseDeliveryReceipt('id: 99 sub: stat: DELIVRD err:  003');
    assert.equal(parsed?.id, '99');
    assert.equal(parsed?.sub, null);
    assert.equal(parsed?.stat, 'DELIVRD');
    assert.equal(parsed?.err, '003');
  });

  test('drops impossible dates instead of inventing one', () => {
    assert.equal(parseReceiptDate('2402301200'), null);
    assert.equal(parseReceiptDate('2413011200'), null);
    assert.equal(parseReceiptDate('24013112'), null);
    assert.deepEqual(parseReceiptDate('20240131153000'), new Date(Date.UTC(2024, 0, 31, 15, 30)));
  });
});

describe('formatDeliveryReceipt', () => {
  test('round-trips through the parser', () => {
    const submitDate = new Date(Date.UTC(2025, 11, 24, 23, 59));
    const doneDate = new Date(Date.UTC(2025, 11, 25, 0, 1));
    const text = formatDeliveryReceipt({
      id: 'c0ffee0000000001',
      submitDate,
      doneDate,
      stat: 'UNDELIV',
      err: 1,
      text: 'A message longer than twenty characters',
    });
    assert.equal(
      text,
      'id:c0ffee0000000001 sub:001 dlvrd:000 submit date:2512242359 done date:2512250001 stat:UNDELIV err:001 text:A message longer tha',
    );
    assert.deepEqual(parseDeliveryReceipt(text), {
      id: 'c0ffee0000000001',
      sub: '001',
      dlvrd: '000',
      submitDate,
      doneDate,
      stat: 'UNDELIV',
      err: '001',
      text: 'A message longer tha',
    });
  });
});

describe('deliveryReceiptFromPdu', () => {
  const text = 'id:1234 sub:001 dlvrd:001 submit date:2401311530 done date:2401311532 stat:DELIVRD err:000 text:hi';

  test('prefers the receipted_message_id and message_state TLVs over the text', () => {
    const receipt = deliveryReceiptFromPdu(
      receivedDeliverSm({ short_message: text, receipted_message_id: '4D2', message_state: 5 }),
    );
    assert.ok(receipt);
    assert.equal(receipt.carrierMessageId, '4D2');
    assert.equal(receipt.stat, 'UNDELIV');
    assert.equal(receipt.err, '000');
    assert.deepEqual(receipt.doneAt, new Date(Date.UTC(2024, 0, 31, 15, 32)));
    assert.equal(receipt.raw, text);
  });

  test('falls back to the text without TLVs', () => {
    const receipt = deliveryReceiptFromPdu(receivedDeliverSm({ short_message: text }));
    assert.equal(receipt?.carrierMessageId, '1234');
    assert.equal(receipt?.stat, 'DELIVRD');
  });

  test('reads the text from message_payload when short_message is empty', () => {
    const receipt = deliveryReceiptFromPdu(receivedDeliverSm({ message_payload: text }));
    assert.equal(receipt?.carrierMessageId, '1234');
  });

  test('is null when nothing gives an id', () => {
    assert.equal(deliveryReceiptFromPdu(receivedDeliverSm({ short_message: 'stat:DELIVRD' })), null);
  });
});
