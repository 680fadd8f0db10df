import { randomInt } from 'node:crypto';
import smpp from 'smpp';
import { chooseEncoding, planSegments } from '../../domain/segments.ts';
import { NPI_ISDN, TON_ALPHANUMERIC, TON_INTERNATIONAL } from '../smpp/addressing.ts';
import { concatHeader16 } from '../smpp/concatenation.ts';
import { dataCodingFor, encodePart, maxShortMessageOctets } from '../smpp/encoding.ts';

const ESM_CLASS_UDH_INDICATOR = 0x40;

export interface SimulatedReply {
  /** The handset, E.164 with or without `+`. */
  from: string;
  /** The number replied to. */
  to: string;
  text: string;
  /** Default: the first account. */
  systemId?: string;
  /**
   * Sends the text as a concatenated reply, one deliver_sm per part, each part placed by an 8-bit or 16-bit
   * reference UDH or by SAR TLVs. Without it, or for a text that fits one SMS, the reply is one deliver_sm (the text in message_payload when long).
   */
  concat?: 'udh8' | 'udh16' | 'sar';
  /** The concatenation reference; default random. An 8-bit UDH carries its low byte. */
  reference?: number;
  /** Where the handset cut the text, e.g. inside a surrogate pair; they must join to `text`. Default: as domain/segments cuts it. */
  parts?: string[];
  /** The part numbers to send, in this order: a part left out never comes, one named twice comes twice. Default: every part. */
  onlyParts?: number[];
}

/** The deliver_sm fields of a handset's reply, one set per deliver_sm, in sending order. */
export function replyPdus(reply: SimulatedReply): smpp.PduFields[] {
  const from = reply.from.replace(/^\+/, '');
  const addresses: smpp.PduFields = {
    source_addr_ton: /^\d+$/.test(from) ? TON_INTERNATIONAL : TON_ALPHANUMERIC,
    source_addr_npi: /^\d+$/.test(from) ? NPI_ISDN : 0,
    source_addr: from,
    dest_addr_ton: reply.to.startsWith('+') ? TON_INTERNATIONAL : 0,
    dest_addr_npi: NPI_ISDN,
    destination_addr: reply.to.replace(/^\+/, ''),
  };
  if (!reply.concat) return [singlePdu(reply.text, addresses)];
  const parts = reply.parts ?? planSegments(reply.text).parts;
  if (parts.join('') !== reply.text) throw new Error('SimulatedReply.parts must join to its text');
  return parts.length > 1 ? concatenatedPdus(reply, reply.concat, parts, addresses) : [singlePdu(reply.text, addresses)];
}

function singlePdu(text: string, addresses: smpp.PduFields): smpp.PduFields {
  const gsm = smpp.encodings.ASCII.match(text);
  const body = gsm ? smpp.encodings.ASCII.encode(text) : smpp.encodings.UCS2.encode(text);
  const fields: smpp.PduFields = { ...addresses, esm_class: 0, data_coding: gsm ? 0 : 8 };
  if (body.length <= maxShortMessageOctets) fields.short_message = body;
  else fields.message_payload = body;
  return fields;
}

function concatenatedPdus(
  reply: SimulatedReply,
  style: NonNullable<SimulatedReply['concat']>,
  parts: readonly string[],
  addresses: smpp.PduFields,
): smpp.PduFields[] {
  const encoding = chooseEncoding(reply.text);
  const total = parts.length;
  const reference = reply.reference ?? randomInt(0x10000);
  const order = reply.onlyParts ?? parts.map((_, i) => i + 1);
  return order.map((seq) => {
    const text = parts[seq - 1];
    if (text === undefined) throw new Error(`SimulatedReply.onlyParts: part ${seq} of ${total} does not exist`);
    const fields: smpp.PduFields = { ...addresses, esm_class: 0, data_coding: dataCodingFor[encoding] };
    switch (style) {
      case 'udh8':
        fields.esm_class = ESM_CLASS_UDH_INDICATOR;
        fields.short_message = encodePart(text, encoding, reference, total, seq);
        break;
      case 'udh16':
        fields.esm_class = ESM_CLASS_UDH_INDICATOR;
        fields.short_message = Buffer.concat([concatHeader16(reference, total, seq), encodePart(text, encoding, 0, 1, 1)]);
        break;
      case 'sar':
        fields.short_message = encodePart(text, encoding, 0, 1, 1);
        fields.sar_msg_ref_num = reference & 0xffff;
        fields.sar_total_segments = total;
        fields.sar_segment_seqnum = seq;
        break;
    }
    return fields;
  });
}
