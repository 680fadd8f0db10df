interface Waiter {
  resolve: (granted: boolean) => void;
  timer: NodeJS.Timeout | null;
  settled: boolean;
}

/**
 * The submit window: at most `capacity` slots, granted first come first served, and only while the session
 * is available (bound). A waiter gives up when the session stays unavailable for `unavailableWaitMs`; while
 * the session is bound it waits for a slot as long as it takes, which is the back-pressure on callers.
 */
export class SlotPool {
  private inUse = 0;
  private available = false;
  private closed = false;
  private readonly waiters: Waiter[] = [];
  private head = 0;

  constructor(
    private readonly capacity: number,
    private readonly unavailableWaitMs: number,
  ) {}

  get used(): number {
    return this.inUse;
  }

  /** Takes a slot now if one is free and nobody is queued before us. */
  tryAcquire(): boolean {
    if (this.available && this.inUse < this.capacity && this.head === this.waiters.length) {
      this.inUse++;
      return true;
    }
    return false;
  }

  /** Resolves true with a slot taken, or false when the session stayed unavailable too long or the pool closed. */
  wait(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { resolve, timer: null, settled: false };
      this.waiters.push(waiter);
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
    for (let i = this.head; i < this.waiters.length; i++) {
      const waiter = this.waiters[i];
      if (!waiter || waiter.settled) continue;
      if (available) this.disarm(waiter);
      else this.arm(waiter);
    }
    if (available) this.pump();
  }

  /** Fails every waiter and every later wait. */
  close(): void {
    this.closed = true;
    this.available = false;
    for (let i = this.head; i < this.waiters.length; i++) {
      const waiter = this.waiters[i];
      if (waiter) this.settle(waiter, false);
    }
    this.waiters.length = 0;
    this.head = 0;
  }

  private pump(): void {
    while (this.available && this.inUse < this.capacity && this.head < this.waiters.length) {
      const waiter = this.waiters[this.head++];
      if (!waiter || waiter.settled) continue;
      this.inUse++;
      this.settle(waiter, true);
    }
    if (this.head === this.waiters.length) {
      this.waiters.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.waiters.length) {
      this.waiters.splice(0, this.head);
      this.head = 0;
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
