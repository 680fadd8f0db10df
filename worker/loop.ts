import type { Logger } from 'pino';

export interface LoopOptions {
  name: string;
  /** One round of work; resolve `true` when there may be more to do right away. */
  step: () => Promise<boolean>;
  /** How long to sleep after a round that found nothing, unless woken. */
  idleMs: number;
  /** Pause after a failed round, so a database outage does not become a busy loop. */
  errorPauseMs?: number;
  logger: Logger;
}

export interface RunningLoop {
  /** Cuts the current idle sleep short: there is new work. */
  wake(): void;
  stop(): Promise<void>;
}

export function startLoop(options: LoopOptions): RunningLoop {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });

  const finished = (async () => {
    while (!stopped) {
      try {
        const more = await options.step();
        if (!more) await sleep(options.idleMs);
      } catch (err) {
        options.logger.error({ err, loop: options.name }, 'loop step failed');
        await sleep(options.errorPauseMs ?? 1000);
      }
    }
  })();

  return {
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await finished;
    },
  };
}

export interface LoopPoolOptions extends Omit<LoopOptions, 'step'> {
  /** Loops sharing the work. */
  count: number;
  step: () => Promise<boolean>;
}

export interface RunningLoopPool extends RunningLoop {
  /** Wakes one idle loop (a busy one if none is idle), so another round starts alongside the running ones. */
  wakeOne(): void;
}

/**
 * Several loops running the same step, for work whose rounds wait on I/O (a carrier's window, HTTP). New work
 * wakes one idle loop, not all of them, so a single message costs one round instead of one per loop; a round that
 * found more than it took (`step` resolved true) wakes another, so a backlog is worked by every loop at once.
 * `wakeOne` lets a step do that as soon as it knows, before it does the slow part of its round.
 */
export function startLoopPool(options: LoopPoolOptions): RunningLoopPool {
  const busy: boolean[] = new Array(options.count).fill(false);
  let next = 0;
  const wakeOne = () => {
    const idle = busy.findIndex((b) => !b);
    const index = idle >= 0 ? idle : next++ % options.count;
    loops[index]?.wake();
  };
  const loops = Array.from({ length: options.count }, (_, i) =>
    startLoop({
      ...options,
      name: `${options.name}-${i}`,
      step: async () => {
        busy[i] = true;
        try {
          const more = await options.step();
          if (more) wakeOne();
          return more;
        } finally {
          busy[i] = false;
        }
      },
    }),
  );
  return {
    wake: wakeOne,
    wakeOne,
    stop: async () => void (await Promise.all(loops.map((l) => l.stop()))),
  };
}
