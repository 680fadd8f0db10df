interface Waiter {
  resolve: (granted: boolean) => void;
  timer: NodeJS.Timeout | null;
  settled: boolean;
}

/** Waiters first come first served: an array read from `head`, compacted now and then. */
class WaiterQueue {
  private readonly items: Waiter[] = [];
  private head = 0;

  get empty(): boolean {
    return this.head === this.items.length;
  }

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  /** The next waiter still waiting, taken off the queue. */
  shift(): Waiter | undefined {
    while (this.head < this.items.length) {
      const waiter = this.items[this.head++];
      if (waiter && !waiter.settled) {
        this.compact();
        return waiter;
      }
    }
    this.compact();
    return undefined;
  }

  *waiting(): Iterable<Waiter> {
    for (let i = this.head; i < this.items.length; i++) {
      const waiter = this.items[i];
      if (waiter && !waiter.settled) yield waiter;
    }
  }

  clear(): void {
    this.items.length = 0;
    this.head = 0;
  }

  private compact(): void {
    if (this.empty) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }
}

/**
 * The submit window: at most `capacity` slots, granted first come first served within a class, and only while the
 * session is available (bound). Bulk waiters (campaigns' messages) get a slot only when no other message waits
 * for one: a verification code waits for the first slot to free, never behind a campaign's queue. A waiter gives
 * up when the session stays unavailable for `unavailableWaitMs`; while the session is bound it waits for a slot as
 * long as it takes, which is the back-pressure on callers.
 */
export class SlotPool {
  private inUse = 0;
  private available = false;
  private closed = false;
  private readonly urgent = new WaiterQueue();
  private readonly bulk = new WaiterQueue();

  constructor(
    private readonly capacity: number,
    private readonly unavailableWaitMs: number,
  ) {}

  get used(): number {
    return this.inUse;
  }

  /** Takes a slot now if one is free and nobody of this class (or before it) is queued. */
  tryAcquire(bulk = false): boolean {
    if (this.available && this.inUse < this.capacity && this.urgent.empty && (!bulk || this.bulk.empty)) {
      this.inUse++;
      return true;
    }
    return false;
  }

  /** Resolves true with a slot taken, or false when the session stayed unavailable too long or the pool closed. */
  wait(bulk = false): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, timer: null, settled: false };
      (bulk ? this.bulk : this.urgent).push(waiter);
      if (!this.available) this.arm(waiter);
    });
  }

  release(): void {
    this.inUse--;
    this.pump();
  }

  setAvailable(available: boolean): void {
    if (this.closed || this.available === available) return;
    this.available = available;
    for (const waiter of [...this.urgent.waiting(), ...this.bulk.waiting()]) {
      if (available) this.disarm(waiter);
      else this.arm(waiter);
    }
    if (available) this.pump();
  }

  /** Fails every waiter and every later wait. */
  close(): void {
    this.closed = true;
    this.available = false;
    for (const waiter of [...this.urgent.waiting(), ...this.bulk.waiting()]) this.settle(waiter, false);
    this.urgent.clear();
    this.bulk.clear();
  }

  private pump(): void {
    while (this.available && this.inUse < this.capacity) {
      const waiter = this.urgent.shift() ?? this.bulk.shift();
      if (!waiter) return;
      this.inUse++;
      this.settle(waiter, true);
    }
  }

  private arm(waiter: Waiter): void {
    if (waiter.timer) return;
    waiter.timer = setTimeout(() => {
      waiter.timer = null;
      if (!this.available) this.settle(waiter, false);
    }, this.unavailableWaitMs);
  }

  private disarm(waiter: Waiter): void {
    if (!waiter.timer) return;
    clearTimeout(waiter.timer);
    waiter.timer = null;
  }

  private settle(waiter: Waiter, granted: boolean): void {
    if (waiter.settled) return;
    waiter.settled = true;
    this.disarm(waiter);
    waiter.resolve(granted);
  }
}
