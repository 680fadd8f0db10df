import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Logger } from 'pino';

export interface BackgroundTemporalWorker {
  stop(): Promise<void>;
}

/**
 * Connects to Temporal and runs the Temporal worker in the background. While Temporal cannot be reached (down,
 * restarting, not yet deployed) the rest of the worker process, the hot path above all, works as usual, and the
 * connection is tried again with back-off (1 s, doubling up to 30 s) until it succeeds or the worker stops.
 */
export function runTemporalWorkerWhenReachable(options: {
  address: string;
  create: (connection: NativeConnection) => Promise<Worker>;
  logger: Logger;
}): BackgroundTemporalWorker {
  const { logger } = options;
  let stopping = false;
  let wakeUp: () => void = () => undefined;
  let connection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wakeUp = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  const started = (async () => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        connection = await NativeConnection.connect({ address: options.address });
        break;
      } catch (err) {
        const retryInMs = Math.min(1_000 * 2 ** attempt, 30_000);
        logger.warn({ err: (err as Error).message, address: options.address, retryInMs }, 'Temporal cannot be reached; the hot path goes on, workflows wait');
        await pause(retryInMs);
      }
    }
    if (stopping || !connection) return;
    worker = await options.create(connection);
    running = worker.run();
    logger.info('Temporal worker running');
  })().catch((err: unknown) => logger.error({ err }, 'the Temporal worker could not start'));

  return {
    async stop() {
      stopping = true;
      wakeUp();
      await started;
      if (worker) {
        // Asked to stop just after starting, the Temporal worker may not be RUNNING yet: it refuses shutdown() until
        // then, and `running` would never end.
        while (worker.getState() === 'INITIALIZED') await new Promise((resolve) => setTimeout(resolve, 10));
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      }
      await connection?.close();
    },
  };
}
