import type smpp from 'smpp';
import type { InboundReply } from '../../domain/replies.ts';
import { platformAddress } from './addressing.ts';
import { concatInfo } from './concatenation.ts';
import { pduText } from './pdu-text.ts';

/** A mobile-originated deliver_sm as the platform's reply; one part of a concatenated reply carries where it sits. */
export function replyFromDeliverSm(pdu: smpp.PDU, receivedAt: Date = new Date()): InboundReply {
  const part = concatInfo(pdu);
  return {
    from: platformAddress(pdu.source_addr ?? '', pdu.source_addr_ton),
    to: platformAddress(pdu.destination_addr ?? '', pdu.dest_addr_ton),
    text: pduText(pdu),
    receivedAt,
    ...(part ? { part } : {}),
  };
}
