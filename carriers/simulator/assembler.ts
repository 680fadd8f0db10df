import type { ConcatInfo } from '../smpp/concatenation.ts';

/** One accepted submit_sm, with the header fields tests check. */
export interface ReceivedPart {
  messageId: string;
  esmClass: number;
  registeredDelivery: number;
  dataCoding: number;
  sourceTon: number;
  sourceNpi: number;
  destTon: number;
  destNpi: number;
  /** When the validity_period received runs out (the package reads a relative one from now); null when none. */
  validUntil: Date | null;
  /** The text came in message_payload rather than short_message. */
  payload: boolean;
}

/** A submitted message as the SMSC decoded it, concatenated parts joined. */
export interface ReceivedMessage {
  systemId: string;
  /** source_addr as received. */
  from: string;
  /** destination_addr as received (digits, no `+`). */
  to: string;
  text: string;
  encoding: 'gsm7' | 'ucs2' | 'other';
  parts: number;
  /** The concatenation reference and total from the UDH (or SAR TLVs); null for a single-part message. */
  concat: { reference: number; total: number } | null;
  /** Part details in part order. */
  pdus: ReceivedPart[];
  receivedAt: Date;
}

interface Pending {
  texts: (string | undefined)[];
  pdus: (ReceivedPart | undefined)[];
  count: number;
}

export interface PartInput {
  systemId: string;
  from: string;
  to: string;
  text: string;
  dataCoding: number;
  concat: ConcatInfo | null;
  part: ReceivedPart;
}

/** Joins concatenated parts by (account, from, to, reference); keeps at most `maxPending` unfinished messages. */
export class MessageAssembler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly maxPending = 10_000) {}

  /** The finished message when this part completes one (or is a single part), else null. */
  add(input: PartInput): ReceivedMessage | null {
    const { concat } = input;
    if (!concat) return finish(input, input.text, [input.part], null);
    const key = `${input.systemId}\u0000${input.from}\u0000${input.to}\u0000${concat.reference}\u0000${concat.total}`;
    let pending = this.pending.get(key);
    if (!pending) {
      if (this.pending.size >= this.maxPending) {
        const oldest = this.pending.keys().next();
        if (!oldest.done) this.pending.delete(oldest.value);
      }
      pending = { texts: new Array<string | undefined>(concat.total), pdus: new Array<ReceivedPart | undefined>(concat.total), count: 0 };
      this.pending.set(key, pending);
    }
    const index = concat.seq - 1;
    // A part sent twice (e.g. after a lost response) replaces the first copy instead of counting again.
    if (pending.texts[index] === undefined) pending.count++;
    pending.texts[index] = input.text;
    pending.pdus[index] = input.part;
    if (pending.count < concat.total) return null;
    this.pending.delete(key);
    const pdus = pending.pdus.filter((p): p is ReceivedPart => p !== undefined);
    return finish(input, pending.texts.join(''), pdus, { reference: concat.reference, total: concat.total });
  }
}

function finish(input: PartInput, text: string, pdus: ReceivedPart[], concat: ReceivedMessage['concat']): ReceivedMessage {
  return {
    systemId: input.systemId,
    from: input.from,
    to: input.to,
    text,
    encoding: input.dataCoding === 0 ? 'gsm7' : input.dataCoding === 8 ? 'ucs2' : 'other',
    parts: pdus.length,
    concat,
    pdus,
    receivedAt: new Date(),
  };
}
