import type { CarrierBind, OutboundMessage, ReceiptHandler, ReplyHandler, RoutableUpstream, SubmitResult } from './carrier.ts';

/**
 * A carrier as routing sees it: one name over one or more binds. Submits go round-robin over the binds that are
 * bound; the receipt and reply handlers follow the binds when an operator changes them.
 */
export class Upstream implements RoutableUpstream {
  private binds: CarrierBind[] = [];
  private receiptHandler: ReceiptHandler | undefined;
  private replyHandler: ReplyHandler | undefined;
  private next = 0;

  /** Until then a submit with no bind bound waits for one (binds just opened are still connecting). */
  private startingUntil = 0;

  /** `startupGraceMs`: how long new binds get to come up before a submit fails fast instead of waiting. */
  constructor(
    readonly name: string,
    private readonly startupGraceMs = 5_000,
  ) {}

  /** Puts these binds in service and closes the ones they replace (after their in-flight submits). */
  async replaceBinds(binds: CarrierBind[]): Promise<void> {
    if (binds.some((b) => !this.binds.includes(b))) this.startingUntil = Date.now() + this.startupGraceMs;
    for (const bind of binds) this.attach(bind);
    const retired = this.binds.filter((b) => !binds.includes(b));
    this.binds = binds;
    await Promise.all(retired.map((b) => b.close()));
  }

  submit(message: OutboundMessage): Promise<SubmitResult> {
    const bound = this.binds.filter((b) => b.isBound());
    if (bound.length === 0 && !this.isStarting()) {
      // Down: answer at once. Waiting here would hold up the whole dispatch round, every other network's
      // messages included; the message goes back to the queue and is retried with back-off.
      const failure = this.lastFailure();
      const why = this.binds.length === 0 ? 'has no binds' : `is not bound${failure ? ` (${failure})` : ''}`;
      return Promise.resolve({ ok: false, retryable: true, code: 'BIND_UNAVAILABLE', reason: `${this.name} ${why}`, parts: [] });
    }
    // Just opened: the first bind takes it and waits briefly for its session.
    const pool = bound.length > 0 ? bound : this.binds;
    const bind = pool[this.next++ % pool.length] as CarrierBind;
    return bind.submit(message);
  }

  onReceipt(handler: ReceiptHandler): void {
    this.receiptHandler = handler;
    for (const bind of this.binds) bind.onReceipt(handler);
  }

  onReply(handler: ReplyHandler): void {
    this.replyHandler = handler;
    for (const bind of this.binds) bind.onReply(handler);
  }

  isBound(): boolean {
    return this.binds.some((b) => b.isBound());
  }

  isStarting(): boolean {
    return this.binds.length > 0 && Date.now() < this.startingUntil && !this.isBound();
  }

  lastFailure(): string | null {
    return this.isBound() ? null : (this.binds.map((b) => b.lastFailure()).find((f) => f !== null) ?? null);
  }

  async close(): Promise<void> {
    await this.replaceBinds([]);
  }

  private attach(bind: CarrierBind): void {
    if (this.receiptHandler) bind.onReceipt(this.receiptHandler);
    if (this.replyHandler) bind.onReply(this.replyHandler);
  }
}
