import type smpp from 'smpp';
import type { ConcatInfo } from '../../domain/segments.ts';
import { pduUdh } from './pdu-text.ts';

export type { ConcatInfo };

/** UDH information elements of concatenation (3GPP TS 23.040 §9.2.3.24.1, §9.2.3.24.8). */
const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

/**
 * Where a received submit_sm or deliver_sm sits in a concatenated message: the concatenation element of its UDH
 * (8- or 16-bit reference), else its SAR TLVs. Null for a message on its own, and for a position that cannot be
 * (a total of 1, a part 0 or past the total), which is then taken as a message on its own.
 */
export function concatInfo(pdu: smpp.PDU): ConcatInfo | null {
  for (const ie of pduUdh(pdu)) {
    if (ie[0] === IEI_CONCAT_8BIT && ie[1] === 3 && ie.length >= 5) return valid(ie[2] ?? 0, ie[3] ?? 0, ie[4] ?? 0);
    if (ie[0] === IEI_CONCAT_16BIT && ie[1] === 4 && ie.length >= 6) return valid(ie.readUInt16BE(2), ie[4] ?? 0, ie[5] ?? 0);
  }
  if (pdu.sar_total_segments !== undefined) {
    return valid(pdu.sar_msg_ref_num ?? 0, pdu.sar_total_segments, pdu.sar_segment_seqnum ?? 0);
  }
  return null;
}

function valid(reference: number, total: number, seq: number): ConcatInfo | null {
  return total > 1 && seq >= 1 && seq <= total ? { reference, total, seq } : null;
}

/** A whole UDH (its length octet first) holding one concatenation element with a 16-bit reference. */
export function concatHeader16(reference: number, total: number, seq: number): Buffer {
  return Buffer.from([0x06, IEI_CONCAT_16BIT, 0x04, (reference >> 8) & 0xff, reference & 0xff, total, seq]);
}
