import { setTimeout as sleep } from 'node:timers/promises';
import smpp from 'smpp';
import type { OutboundMessage, SubmitResult, SubmittedPart } from '../carrier.ts';
import { destinationAddress, sourceAddress, type SmppAddress } from './addressing.ts';
import { backoffDelay } from '../../domain/backoff.ts';
import { commandStatusName, ESME_ROK, isThrottleStatus, isTransientStatus } from './command-status.ts';
import { dataCodingFor, encodePart, maxShortMessageOctets } from './encoding.ts';
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

export interface SubmitterDeps {
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
    const source = sourceAddress(message.from);
    const destination = destinationAddress(message.to);
    if (total === 1) {
      const outcome = await this.submitPart(this.buildPart(message, source, destination, 0, 1, 1));
      if (typeof outcome === 'string') return { ok: true, parts: [{ partNo: 1, carrierMessageId: outcome, acceptedAt: new Date() }] };
      return { ok: false, ...outcome, parts: [], ...(isUncertain(outcome) ? { uncertain: true } : {}) };
    }
    const partNos = message.partNos ?? parts.map((_, i) => i + 1);
    // Each part's time is taken when its own answer comes, not when the last part's does.
    const outcomes = await Promise.all(
      partNos.map((seq) =>
        this.submitPart(this.buildPart(message, source, destination, message.reference & 0xff, total, seq)).then((outcome) => ({ outcome, at: new Date() })),
      ),
    );
    return combine(partNos, outcomes, total);
  }

  private buildPart(
    message: OutboundMessage,
    source: SmppAddress,
    destination: SmppAddress,
    reference: number,
    total: number,
    seq: number,
  ): smpp.PDU {
    const body = encodePart(message.parts[seq - 1] ?? '', message.encoding, reference, total, seq);
    const fields: smpp.PduFields = {
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
      source_addr: source.addr,
      dest_addr_ton: destination.ton,
      dest_addr_npi: destination.npi,
      destination_addr: destination.addr,
      esm_class: total > 1 ? ESM_CLASS_UDHI : 0,
      registered_delivery: REGISTERED_DELIVERY_FINAL,
      data_coding: dataCodingFor[message.encoding],
    };
    if (body.length <= maxShortMessageOctets) fields.short_message = body;
    else fields.message_payload = body;
    return new smpp.PDU('submit_sm', fields);
  }

  private async submitPart(pdu: smpp.PDU): Promise<PartOutcome> {
    const { slots, throttle } = this.deps;
    let holding = false;
    let throttled = 0;
    try {
      for (;;) {
        if (!holding) {
          if (!slots.tryAcquire() && !(await slots.wait())) return this.unavailable();
          holding = true;
        }
        await this.deps.pace?.();
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
