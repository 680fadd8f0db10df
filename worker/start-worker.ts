import { NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import { createSmppBind } from '../carriers/smpp/bind.ts';
import { connectDb } from '../db/connect.ts';
import { startHotPath, type HotPathTuning } from './hot-path.ts';
import { createTemporalWorker } from './temporal-worker.ts';

export interface WorkerConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  smpp: { name: string; host: string; port: number; systemId: string; password: string; window?: number };
  logger: Logger;
  tuning?: HotPathTuning;
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/** The `worker` process: Temporal worker, carrier bind, and the hot path after accept. */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const { logger } = config;
  const db = connectDb({ connectionString: config.databaseUrl, max: 12, applicationName: 'tern-worker' });
  const bind = createSmppBind({ ...config.smpp, logger: logger.child({ component: 'smpp' }) });
  const hotPath = startHotPath({ db, databaseUrl: config.databaseUrl, bind, logger, tuning: config.tuning });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createTemporalWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    db,
    ...(config.workflowBundle ? { workflowBundle: config.workflowBundle } : {}),
  });
  const running = worker.run();
  logger.info({ taskQueue: config.temporal.taskQueue, carrier: config.smpp.name }, 'worker started');

  return {
    async stop() {
      try {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
      } finally {
        await hotPath.stop();
        await bind.close();
        await db.destroy();
      }
    },
  };
}
