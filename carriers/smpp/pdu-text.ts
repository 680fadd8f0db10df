import type smpp from 'smpp';

type MessageField = smpp.PDU['short_message'];

/**
 * The text of a received deliver_sm/submit_sm as the package decoded it (per data_coding, UDH removed).
 * Falls back to the message_payload TLV, which carries the text instead when short_message is empty.
 */
export function pduText(pdu: smpp.PDU): string {
  return fieldText(pdu.short_message) || fieldText(pdu.message_payload);
}

function fieldText(field: MessageField): string {
  if (field === undefined) return '';
  if (typeof field === 'string') return field;
  if (Buffer.isBuffer(field)) return field.toString('latin1');
  const { message } = field;
  // A data_coding the package cannot decode leaves octets; latin1 keeps them one character each.
  return typeof message === 'string' ? message : message.toString('latin1');
}

/** The UDH information elements of the decoded short_message, else of message_payload, or an empty list. */
export function pduUdh(pdu: smpp.PDU): readonly Buffer[] {
  const udh = fieldUdh(pdu.short_message);
  return udh.length > 0 ? udh : fieldUdh(pdu.message_payload);
}

function fieldUdh(field: MessageField): readonly Buffer[] {
  if (field === undefined || typeof field === 'string' || Buffer.isBuffer(field)) return noUdh;
  const { udh } = field;
  return Array.isArray(udh) ? udh : noUdh;
}

const noUdh: readonly Buffer[] = [];
