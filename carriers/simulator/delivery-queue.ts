import smpp from 'smpp';
import { backoffDelay } from '../../domain/backoff.ts';

/** A deliver_sm the SMSC owes an account: a delivery receipt or a mobile-originated reply. */
export interface DeliveryJob {
  systemId: string;
  kind: 'receipt' | 'reply';
  fields: smpp.PduFields;
  /** Attempts the client refused, ignored or lost so far. */
  attempts: number;
  settle?: (acked: boolean) => void;
}

export interface DeliveryRetryOptions {
  maxAttempts: number;
  minMs: number;
  maxMs: number;
}

export interface DeliveryEvents {
  sent(job: DeliveryJob): void;
  acked(job: DeliveryJob): void;
  failed(job: DeliveryJob): void;
  dropped(job: DeliveryJob): void;
  /** A refusal that came header-only: SMPP 3.4 gives deliver_sm_resp a body (message_id) whatever its status. */
  bodiless(job: DeliveryJob): void;
}

interface InFlight {
  job: DeliveryJob;
  session: smpp.Session;
  timer: NodeJS.Timeout | null;
  done: boolean;
}

/**
 * Delivers deliver_sm to an account like an SMSC does: while no session of the account can receive, jobs
 * wait; a refused (non-zero deliver_sm_resp), unanswered or lost deliver_sm is tried again later with
 * back-off, up to `maxAttempts`.
 */
export class DeliveryQueue {
  private readonly parked = new Map<string, DeliveryJob[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<InFlight>();
  private closed = false;

  constructor(
    private readonly options: {
      retry: DeliveryRetryOptions;
      ackTimeoutMs: number;
      /** A bound session of the account that may receive deliver_sm, or null. */
      pickSession(systemId: string): smpp.Session | null;
      /** What receipts and replies travel as: deliver_sm (the default), or data_sm with the text in message_payload. */
      command?: 'deliver_sm' | 'data_sm';
      events: DeliveryEvents;
    },
  ) {}

  get parkedCount(): number {
    let count = 0;
    for (const jobs of this.parked.values()) count += jobs.length;
    return count;
  }

  enqueue(job: DeliveryJob, delayMs: number): void {
    if (this.closed) {
      job.settle?.(false);
      return;
    }
    if (delayMs <= 0) {
      this.attempt(job);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(job);
    }, delayMs);
    this.timers.add(timer);
  }

  /** A session of the account can receive now: hand it what was waiting. */
  accountReachable(systemId: string): void {
    const jobs = this.parked.get(systemId);
    if (!jobs) return;
    this.parked.delete(systemId);
    for (const job of jobs) this.attempt(job);
  }

  /** Deliveries awaiting a response on this session will not get one. */
  sessionClosed(session: smpp.Session): void {
    for (const flight of this.inFlight) if (flight.session === session) this.finish(flight, null);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const flight of this.inFlight) {
      flight.done = true;
      if (flight.timer) clearTimeout(flight.timer);
      flight.job.settle?.(false);
    }
    this.inFlight.clear();
    for (const jobs of this.parked.values()) for (const job of jobs) job.settle?.(false);
    this.parked.clear();
  }

  private attempt(job: DeliveryJob): void {
    if (this.closed) return;
    const session = this.options.pickSession(job.systemId);
    if (!session || !session.socket.writable) {
      const jobs = this.parked.get(job.systemId);
      if (jobs) jobs.push(job);
      else this.parked.set(job.systemId, [job]);
      return;
    }
    const flight: InFlight = { job, session, timer: null, done: false };
    this.inFlight.add(flight);
    flight.timer = setTimeout(() => this.finish(flight, null), this.options.ackTimeoutMs);
    this.options.events.sent(job);
    const command = this.options.command ?? 'deliver_sm';
    const sent = session.send(new smpp.PDU(command, command === 'data_sm' ? asDataSm(job.fields) : job.fields), (response) => {
      // The header is 16 bytes; the body is at least message_id's NUL.
      if (response.command_status !== 0 && response.command_length <= 16) this.options.events.bodiless(job);
      this.finish(flight, response.command_status);
    });
    if (!sent) this.finish(flight, null);
  }

  /** `status` null: no response (timeout or session lost). */
  private finish(flight: InFlight, status: number | null): void {
    if (flight.done) return;
    flight.done = true;
    this.inFlight.delete(flight);
    if (flight.timer) clearTimeout(flight.timer);
    const { job } = flight;
    const { events, retry } = this.options;
    if (status === 0) {
      events.acked(job);
      job.settle?.(true);
      return;
    }
    job.attempts++;
    if (job.attempts >= retry.maxAttempts) {
      events.dropped(job);
      job.settle?.(false);
      return;
    }
    events.failed(job);
    this.enqueue(job, backoffDelay(job.attempts - 1, retry));
  }
}

/** A deliver_sm's fields as a data_sm's: data_sm has no short_message, its text goes in message_payload. */
function asDataSm(fields: smpp.PduFields): smpp.PduFields {
  const { short_message: text, ...rest } = fields;
  return text === undefined ? rest : { ...rest, message_payload: text };
}
