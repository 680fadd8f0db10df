import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Logger } from 'pino';

export interface BackgroundTemporalWorker {
  stop(): Promise<void>;
}

/**
 * Connects to Temporal and runs the Temporal worker in the background. While Temporal cannot be reached (down,
 * restarting, not yet deployed) the rest of the worker process, the hot path above all, works as usual, and the
 * connection is tried again with back-off (1 s, doubling up to 30 s) until it succeeds or the worker stops. A
 * Temporal worker that fails later (its server gone too long) is started again the same way.
 */
export function runTemporalWorkerWhenReachable(options: {
  address: string;
  create: (connection: NativeConnection) => Promise<Worker>;
  logger: Logger;
}): BackgroundTemporalWorker {
  const { logger } = options;
  let stopping = false;
  let wakeUp: () => void = () => undefined;
  let worker: Worker | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function connect(): Promise<NativeConnection | undefined> {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        return await NativeConnection.connect({ address: options.address });
      } catch (err) {
        const retryInMs = Math.min(1_000 * 2 ** attempt, 30_000);
        logger.warn({ err: (err as Error).message, address: options.address, retryInMs }, 'Temporal cannot be reached; the hot path goes on, workflows wait');
        await pause(retryInMs);
      }
    }
    return undefined;
  }

  /** One life of the Temporal worker: connect, run until it stops or fails. */
  async function runOnce(): Promise<void> {
    const connection = await connect();
    if (!connection) return;
    try {
      if (stopping) return;
      const created = await options.create(connection);
      if (stopping) return;
      worker = created;
      const running = created.run();
      logger.info('Temporal worker running');
      await running;
    } finally {
      worker = undefined;
      await connection.close().catch(() => undefined);
    }
  }

  const lives = (async () => {
    while (!stopping) {
      try {
        await runOnce();
      } catch (err) {
        if (stopping) break;
        logger.error({ err }, 'the Temporal worker stopped; starting it again');
        await pause(1_000);
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      wakeUp();
      const current = worker;
      if (current) {
        // Asked to stop just after starting, the Temporal worker may not be RUNNING yet: it refuses shutdown() until
        // then, and its run would never end.
        while (current.getState() === 'INITIALIZED') await new Promise((resolve) => setTimeout(resolve, 10));
        if (current.getState() === 'RUNNING') current.shutdown();
      }
      await lives;
    },
  };
}
