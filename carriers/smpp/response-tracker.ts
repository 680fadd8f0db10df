import type smpp from 'smpp';

/** Why a request got no response: its session closed, or the SMSC took longer than the response timeout. */
export type NoResponse = 'SESSION_CLOSED' | 'RESPONSE_TIMEOUT';

export type ResponseListener = (response: smpp.PDU | NoResponse) => void;

interface Entry {
  deadline: number;
  listener: ResponseListener;
}

/**
 * Requests sent on the current session and waiting for their response, by sequence number. All requests share
 * one timeout, so deadlines grow in insertion order and expiring them stops at the first one still running.
 */
export class ResponseTracker {
  private readonly entries = new Map<number, Entry>();
  private drained: (() => void)[] = [];

  get size(): number {
    return this.entries.size;
  }

  track(sequenceNumber: number, deadline: number, listener: ResponseListener): void {
    this.entries.set(sequenceNumber, { deadline, listener });
  }

  /** Hands a response (or generic_nack) to its request; false when nothing was waiting for it. */
  settle(response: smpp.PDU): boolean {
    const entry = this.entries.get(response.sequence_number);
    if (!entry) return false;
    this.entries.delete(response.sequence_number);
    entry.listener(response);
    this.notifyIfDrained();
    return true;
  }

  expire(now: number): void {
    for (const [sequenceNumber, entry] of this.entries) {
      if (entry.deadline > now) break;
      this.entries.delete(sequenceNumber);
      entry.listener('RESPONSE_TIMEOUT');
    }
    this.notifyIfDrained();
  }

  failAll(reason: NoResponse): void {
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) entry.listener(reason);
    this.notifyIfDrained();
  }

  /** Resolves once no request is waiting for a response. */
  whenDrained(): Promise<void> {
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private notifyIfDrained(): void {
    if (this.entries.size > 0 || this.drained.length === 0) return;
    const waiting = this.drained;
    this.drained = [];
    for (const resolve of waiting) resolve();
  }
}
