import type { RoutableUpstream, SubmitResult } from './carrier.ts';

/** The answer of a carrier whose binds another worker holds: the message goes to that carrier's lane. */
export const laneHandoff = 'LANE_HANDOFF';

/**
 * A carrier as routing sees it when another worker holds its binds (one owner per bind): up when that worker's
 * session is bound (or just opening), and a submit hands the message over to it instead of sending it from here.
 */
export class RemoteLane implements RoutableUpstream {
  constructor(
    readonly name: string,
    private readonly usable: boolean,
  ) {}

  submit(): Promise<SubmitResult> {
    const reason = `${this.name}'s binds are held by another worker; the message waits in its lane`;
    return Promise.resolve({ ok: false, retryable: true, code: laneHandoff, reason, parts: [] });
  }

  isBound(): boolean {
    return this.usable;
  }

  isStarting(): boolean {
    return false;
  }

  lastFailure(): string | null {
    return this.usable ? null : `no bind of ${this.name} is bound at the worker that holds it`;
  }

  /** Receipts and replies reach the worker that holds the binds, not this one. */
  onReceipt(): void {}

  onReply(): void {}

  close(): Promise<void> {
    return Promise.resolve();
  }
}
