import { setTimeout as sleep } from 'node:timers/promises';
import smpp from 'smpp';
import type { OutboundMessage, SubmitResult, SubmittedPart } from '../carrier.ts';
import { destinationAddress, sourceAddress, type SmppAddress } from './addressing.ts';
import { backoffDelay } from '../../domain/backoff.ts';
import { commandStatusName, ESME_ROK, isThrottleStatus, isTransientStatus } from './command-status.ts';
import { dataCodingOf, encodePart, maxShortMessageOctets } from './encoding.ts';
import type { ConcatenationStyle, AddressRules, DefaultDataCoding } from '../../domain/smpp-settings.ts';
import type { NoResponse, ResponseTracker } from './response-tracker.ts';
import type { SlotPool } from './slot-pool.ts';

const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_FINAL = 0x01;

export interface ThrottleOptions {
  minMs: number;
  maxMs: number;
  /** How many times one PDU is sent again after ESME_RTHROTTLED/ESME_RMSGQFUL before giving up. */
  maxRetries: number;
}

/** How this carrier wants its submit_sm written (domain/smpp-settings.ts). */
export interface PduFormat {
  addresses: AddressRules;
  textCoding: DefaultDataCoding;
  concatenation: ConcatenationStyle;
  /** validity_period as sent, null for the SMSC's default. */
  validityPeriod: string | null;
}

export interface SubmitterDeps {
  format: PduFormat;
  /** Sends a request on the bound session; false when nothing was sent. */
  send(pdu: smpp.PDU): boolean;
  slots: SlotPool;
  tracker: ResponseTracker;
  responseTimeoutMs: number;
  throttle: ThrottleOptions;
  /** Aborted when the bind closes, cutting throttle pauses short. */
  signal: AbortSignal;
  /** Why the bind is not available, for the failure reason. */
  unavailableReason(): string;
  /** Waits for this submit_sm's turn under the account's throughput, when it has one. */
  pace?: () => Promise<void>;
}

interface PartFailure {
  retryable: boolean;
  code: string;
  reason: string;
}

/** A part's carrier message id, or why it failed. A bare string keeps the common case allocation-free. */
type PartOutcome = string | PartFailure;

type Exchange = smpp.PDU | NoResponse | 'NOT_SENT' | 'UNENCODABLE';

/** Turns an OutboundMessage into submit_sm PDUs and drives each through the window, throttling and retries. */
export class Submitter {
  constructor(private readonly deps: SubmitterDeps) {}

  async submit(message: OutboundMessage): Promise<SubmitResult> {
    const { parts } = message;
    const total = parts.length;
    if (total === 0 || total > 255) {
      const reason = `a message has 1 to 255 parts, this one has ${total}`;
      return { ok: false, retryable: false, code: 'INVALID_MESSAGE', reason, parts: [] };
    }
    const { addresses, concatenation } = this.deps.format;
    const addressed = { source: sourceAddress(message.from, addresses), destination: destinationAddress(message.to, addresses) };
    const partNos = message.partNos ?? parts.map((_, i) => i + 1);
    if (total === 1 || concatenation === 'payload') {
      // One submit_sm: the SMSC splits a long text itself, and its one message id stands for every part.
      const text = total === 1 ? (parts[0] ?? '') : partNos.map((n) => parts[n - 1] ?? '').join('');
      const outcome = await this.submitPart(this.buildPdu(message, addressed, text, null), message);
      if (typeof outcome !== 'string') return { ok: false, ...outcome, parts: [], ...(isUncertain(outcome) ? { uncertain: true } : {}) };
      const acceptedAt = new Date();
      return { ok: true, parts: (total === 1 ? [1] : partNos).map((partNo) => ({ partNo, carrierMessageId: outcome, acceptedAt })) };
    }
    // Each part's time is taken when its own answer comes, not when the last part's does.
    const outcomes = await Promise.all(
      partNos.map((seq) =>
        this.submitPart(this.buildPdu(message, addressed, parts[seq - 1] ?? '', { total, seq }), message).then((outcome) => ({ outcome, at: new Date() })),
      ),
    );
    return combine(partNos, outcomes, total);
  }

  /** The submit_sm of one part (`part` given) or of a whole message, tied to its other parts as the carrier wants. */
  private buildPdu(message: OutboundMessage, addressed: { source: SmppAddress; destination: SmppAddress }, text: string, part: { total: number; seq: number } | null): smpp.PDU {
    const { textCoding, concatenation, validityPeriod } = this.deps.format;
    const { source, destination } = addressed;
    const udh = part !== null && concatenation === 'udh';
    const body = udh ? encodePart(text, message.encoding, message.reference & 0xff, part.total, part.seq, textCoding) : encodePart(text, message.encoding, 0, 1, 1, textCoding);
    const fields: smpp.PduFields = {
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
      source_addr: source.addr,
      dest_addr_ton: destination.ton,
      dest_addr_npi: destination.npi,
      destination_addr: destination.addr,
      esm_class: udh ? ESM_CLASS_UDHI : 0,
      registered_delivery: REGISTERED_DELIVERY_FINAL,
      data_coding: dataCodingOf(message.encoding, textCoding),
    };
    if (validityPeriod) fields.validity_period = validityPeriod;
    if (part !== null && concatenation === 'sar') {
      fields.sar_msg_ref_num = message.reference & 0xffff;
      fields.sar_total_segments = part.total;
      fields.sar_segment_seqnum = part.seq;
    }
    if (body.length <= maxShortMessageOctets) fields.short_message = body;
    else fields.message_payload = body;
    return new smpp.PDU('submit_sm', fields);
  }

  private async submitPart(pdu: smpp.PDU, { bulk = false, ready }: Pick<OutboundMessage, 'bulk' | 'ready'>): Promise<PartOutcome> {
    const { slots, throttle } = this.deps;
    let holding = false;
    let throttled = 0;
    try {
      for (;;) {
        if (!holding) {
          if (!slots.tryAcquire(bulk) && !(await slots.wait(bulk))) return this.unavailable();
          holding = true;
        }
        await this.deps.pace?.();
        await ready?.();
        const response = await this.exchange(pdu);
        if (response === 'NOT_SENT') {
          // The session went away between the slot and the write; nothing left, so waiting for a rebind is safe.
          slots.release();
          holding = false;
          continue;
        }
        if (response === 'UNENCODABLE') return { retryable: false, code: 'INVALID_MESSAGE', reason: 'the part could not be encoded as a submit_sm' };
        if (response === 'SESSION_CLOSED') return { retryable: true, code: response, reason: 'the session closed before the SMSC answered' };
        if (response === 'RESPONSE_TIMEOUT') return { retryable: true, code: response, reason: 'the SMSC did not answer in time' };
        const status = response.command_status;
        if (status === ESME_ROK) return response.message_id ?? '';
        if (isThrottleStatus(status) && throttled < throttle.maxRetries) {
          // The slot stays taken during the pause: a throttling SMSC wants fewer PDUs in flight, and a window
          // full of paused parts holds new submits back without a separate rate limiter.
          await sleep(backoffDelay(throttled++, throttle), undefined, { signal: this.deps.signal });
          pdu.sequence_number = 0;
          continue;
        }
        const code = commandStatusName(status);
        const retries = throttled ? ` after ${throttled} throttling retries` : '';
        return { retryable: isTransientStatus(status), code, reason: `submit_sm refused with ${code}${retries}` };
      }
    } catch (error) {
      if (this.deps.signal.aborted) return this.unavailable();
      throw error;
    } finally {
      if (holding) slots.release();
    }
  }

  private exchange(pdu: smpp.PDU): Promise<Exchange> {
    return new Promise((resolve) => {
      let sent: boolean;
      try {
        sent = this.deps.send(pdu);
      } catch {
        resolve('UNENCODABLE');
        return;
      }
      if (!sent) resolve('NOT_SENT');
      else this.deps.tracker.track(pdu.sequence_number, Date.now() + this.deps.responseTimeoutMs, resolve);
    });
  }

  private unavailable(): PartFailure {
    return { retryable: true, code: 'BIND_UNAVAILABLE', reason: this.deps.unavailableReason() };
  }
}

/** Sent, but no answer came: the SMSC may have taken it. */
function isUncertain(failure: PartFailure): boolean {
  return failure.code === 'SESSION_CLOSED' || failure.code === 'RESPONSE_TIMEOUT';
}

/** All parts' ids, or the most serious failure (a permanent one wins) with the parts that did get through. */
function combine(partNos: readonly number[], timed: { outcome: PartOutcome; at: Date }[], total: number): SubmitResult {
  const parts: SubmittedPart[] = [];
  let failure: PartFailure | null = null;
  let failedPart = 0;
  const outcomes = timed.map((t) => t.outcome);
  timed.forEach(({ outcome, at }, i) => {
    const partNo = partNos[i] ?? 0;
    if (typeof outcome === 'string') parts.push({ partNo, carrierMessageId: outcome, acceptedAt: at });
    else if (!failure || (failure.retryable && !outcome.retryable)) {
      failure = outcome;
      failedPart = partNo;
    }
  });
  if (!failure) return { ok: true, parts };
  const { retryable, code, reason } = failure as PartFailure;
  const uncertain = outcomes.some((o) => typeof o !== 'string' && isUncertain(o));
  return { ok: false, retryable, code, reason: `part ${failedPart}/${total}: ${reason}`, parts, ...(uncertain ? { uncertain } : {}) };
}
