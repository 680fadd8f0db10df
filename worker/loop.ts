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
