/** Stores a group of items in one statement; one result per item, in order. */
export type StoreGroup<T, R> = (items: readonly T[]) => Promise<readonly R[]>;

export interface GroupCommitOptions {
  /** The most an item may weigh in one group (messages, for accepts); an item heavier than this goes alone. */
  maxWeight: number;
  /** Called with each group's size as it is stored, for the metrics. */
  onGroup?: (size: number) => void;
}

interface Waiting<T, R> {
  item: T;
  weight: number;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/**
 * Group commit: at most one statement in flight per key (a tenant); items that arrive while it runs wait and go
 * together in the next one. An item alone costs what it did before (it is stored at once), and under load the
 * groups grow by themselves, so the cost per item falls as the rate rises: the planning, the function calls and
 * the commit are paid per statement, not per request. One statement at a time per tenant costs no parallelism
 * that mattered: concurrent accepts of one tenant take the same package shards and number locks anyway.
 *
 * A group that fails is not the fault of every item in it: each is then stored alone, so a failure reaches only
 * the items that fail by themselves.
 */
export class GroupCommit<T, R> {
  private readonly queues = new Map<string, Waiting<T, R>[]>();

  constructor(
    private readonly store: StoreGroup<T, R>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Stores `item` in the next group of `key`; resolves with its own result once that group committed. */
  add(key: string, item: T, weight: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      const waiting = { item, weight, resolve, reject };
      if (queue) {
        queue.push(waiting);
        return;
      }
      // No statement of this key in flight: this item goes now, and the key's queue collects what comes meanwhile.
      this.queues.set(key, []);
      void this.run(key, [waiting]);
    });
  }

  private async run(key: string, group: Waiting<T, R>[]): Promise<void> {
    this.options.onGroup?.(group.length);
    try {
      const results = await this.store(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results[i] as R));
    } catch (err) {
      if (group.length === 1) group[0]?.reject(err);
      else await Promise.all(group.map((w) => this.store([w.item]).then((results) => w.resolve(results[0] as R), w.reject)));
    }
    const queue = this.queues.get(key) ?? [];
    if (queue.length === 0) {
      this.queues.delete(key);
      return;
    }
    const next = this.take(queue);
    void this.run(key, next);
  }

  /** The first waiting items up to the weight limit (always at least one). */
  private take(queue: Waiting<T, R>[]): Waiting<T, R>[] {
    let weight = 0;
    let count = 0;
    while (count < queue.length) {
      weight += queue[count]?.weight ?? 0;
      if (count > 0 && weight > this.options.maxWeight) break;
      count++;
    }
    return queue.splice(0, count);
  }
}
