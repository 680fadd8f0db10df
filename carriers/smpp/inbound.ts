import type { Logger } from 'pino';
import type smpp from 'smpp';
import type { ReceiptHandler, ReplyHandler } from '../carrier.ts';
import { ESME_ROK, ESME_RX_P_APPN, ESME_RX_T_APPN } from './command-status.ts';
import { replyFromDeliverSm } from './inbound-reply.ts';
import { pduText } from './pdu-text.ts';
import { deliveryReceiptFromPdu } from './receipt.ts';
import { textIds, type CarrierIdFormats } from '../../domain/carrier-message-ids.ts';

/** esm_class bits 2-5 give the message type of a deliver_sm. */
const MESSAGE_TYPE_MASK = 0x3c;
const SMSC_DELIVERY_RECEIPT = 0x04;
const INTERMEDIATE_DELIVERY_NOTIFICATION = 0x20;

export type Respond = (session: smpp.Session, request: smpp.PDU, status: number) => void;

/**
 * Hands each deliver_sm to the receipt or reply handler and acknowledges it only once the handler has
 * stored it. A failed or missing handler gets ESME_RX_T_APPN, so the SMSC keeps the event and tries again.
 */
export class InboundDispatcher {
  private receiptHandler: ReceiptHandler | null = null;
  private replyHandler: ReplyHandler | null = null;
  private warnedNoHandler = false;

  constructor(
    private readonly respond: Respond,
    private readonly logger: Logger,
    private readonly idFormats: CarrierIdFormats = textIds,
  ) {}

  onReceipt(handler: ReceiptHandler): void {
    this.receiptHandler = handler;
  }

  onReply(handler: ReplyHandler): void {
    this.replyHandler = handler;
  }

  handle(session: smpp.Session, pdu: smpp.PDU): void {
    const messageType = (pdu.esm_class ?? 0) & MESSAGE_TYPE_MASK;
    if (messageType === SMSC_DELIVERY_RECEIPT || messageType === INTERMEDIATE_DELIVERY_NOTIFICATION) {
      const receipt = deliveryReceiptFromPdu(pdu, this.idFormats);
      if (!receipt) {
        // Sending it again will not give it an id: refuse it for good rather than loop.
        this.logger.warn({ text: pduText(pdu) }, 'smpp receipt without a message id refused');
        this.respond(session, pdu, ESME_RX_P_APPN);
        return;
      }
      this.dispatch(session, pdu, this.receiptHandler, receipt, 'receipt');
    } else {
      this.dispatch(session, pdu, this.replyHandler, replyFromDeliverSm(pdu), 'reply');
    }
  }

  private dispatch<T>(
    session: smpp.Session,
    pdu: smpp.PDU,
    handler: ((event: T) => Promise<void>) | null,
    event: T,
    kind: string,
  ): void {
    if (!handler) {
      if (!this.warnedNoHandler) this.logger.warn({ kind }, 'smpp deliver_sm before a handler was registered; deferred');
      this.warnedNoHandler = true;
      this.respond(session, pdu, ESME_RX_T_APPN);
      return;
    }
    let stored: Promise<void>;
    try {
      stored = handler(event);
    } catch (error) {
      stored = Promise.reject(error);
    }
    stored.then(
      () => this.respond(session, pdu, ESME_ROK),
      (error: unknown) => {
        this.logger.warn({ err: error, kind }, 'smpp deliver_sm handler failed; the SMSC will send it again');
        this.respond(session, pdu, ESME_RX_T_APPN);
      },
    );
  }
}
