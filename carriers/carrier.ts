/**
 * The carrier interface: what the dispatcher and the report intake need from an upstream,
 * whatever protocol it speaks. The SMPP adapter in `carriers/smpp/` is the reference implementation.
 */
import type { ReceiptStat } from '../domain/message-status.ts';
import type { InboundReply } from '../domain/replies.ts';
import type { TextEncoding } from '../domain/segments.ts';


/** One SMS as the platform hands it to a carrier: the text already split into parts by `domain/segments`. */
export interface OutboundMessage {
  from: string;
  /** E.164 with the leading `+`. */
  to: string;
  encoding: TextEncoding;
  /** One string per SMS part; more than one part goes as a concatenated message (UDH). */
  parts: string[];
  /**
   * The concatenation reference of a multi-part message (16 bits; an 8-bit header uses the low byte). Fixed per
   * message, so that a part sent again joins its first parts on the handset rather than starting a new message.
   */
  reference: number;
  /** The part numbers (1-based) to send now; all when absent. A retry sends only the parts not yet taken. */
  partNos?: readonly number[];
  /** Campaign traffic: it takes a bind's free submit slot only when no other message waits for one. */
  bulk?: boolean;
  /**
   * Awaited right before each submit_sm goes out, its window slot taken: the sender's back-pressure (the dispatcher
   * waits while a batch of outcomes awaits its write, so what a crash sends twice stays within the windows and it).
   */
  ready?: () => Promise<void>;
}

export interface SubmittedPart {
  /** 1-based part number, in the order of `OutboundMessage.parts`. */
  partNo: number;
  carrierMessageId: string;
  /** When the carrier's submit_sm_resp took it: the part's submit time, per part. */
  acceptedAt: Date;
}

export type SubmitResult =
  | { ok: true; parts: SubmittedPart[] }
  | {
      ok: false;
      /** True when the same message may succeed later (bind down, throttled past the retry budget, timeout). */
      retryable: boolean;
      /** Stable error code, e.g. `ESME_RINVDSTADR` or `BIND_UNAVAILABLE`. */
      code: string;
      reason: string;
      /** Parts the carrier had accepted before the failure, so they can still be tracked. */
      parts: SubmittedPart[];
      /**
       * A part may have reached the SMSC without an answer (no response in time, session lost): sending the
       * message again through another carrier could deliver it twice.
       */
      uncertain?: boolean;
    };


export interface DeliveryReceipt {
  carrierMessageId: string;
  stat: ReceiptStat;
  /** The carrier's error code (`err:` field), `000` when none. */
  err: string;
  doneAt: Date | null;
  /** The receipt text as received, kept for the timeline and for support. */
  raw: string;
}


/**
 * A handler resolves once the event is stored durably; only then is the carrier acknowledged.
 * A rejected handler makes the adapter answer with a temporary error, so the carrier sends it again.
 */
export type ReceiptHandler = (receipt: DeliveryReceipt) => Promise<void>;
export type ReplyHandler = (reply: InboundReply) => Promise<void>;

/** One live connection (or pool of connections) to an upstream. */
export interface CarrierBind {
  readonly name: string;
  /** Submits every part of a message; never throws for carrier errors, it reports them in the result. */
  submit(message: OutboundMessage): Promise<SubmitResult>;
  onReceipt(handler: ReceiptHandler): void;
  onReply(handler: ReplyHandler): void;
  isBound(): boolean;
  /** Why the last session ended or failed to bind (for operators), null while bound or before any failure. */
  lastFailure(): string | null;
  /** Unbinds gracefully and stops reconnecting. */
  close(): Promise<void>;
}

/** An upstream as routing sees it. */
export interface RoutableUpstream extends CarrierBind {
  /** Its binds were just opened and are still connecting: worth waiting for rather than passing over. */
  isStarting(): boolean;
}
