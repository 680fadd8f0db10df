import { Client, Connection } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import { temporalSuspensions } from '../processes/sending-suspension.ts';
import { startTrafficMonitor } from './traffic-monitor.ts';
import { startBillingMonitor } from './billing-monitor.ts';
import { temporalQuotaHolds } from '../processes/quota-runout.ts';
import type { Logger } from 'pino';
import type { SmppBindOptions } from '../carriers/smpp/bind.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import { startCarrierRegistry } from './carrier-registry.ts';
import { adoptLegacyCarrier } from './legacy-carrier.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';
import type { BindSettings } from '../db/carriers.ts';
import { httpCarrierManagement } from '../carriers/http-management.ts';
import { connectDb } from '../db/connect.ts';
import { startHotPath, type HotPathTuning } from './hot-path.ts';
import { serveMetrics, workerMetrics } from './metrics.ts';
import { createTemporalWorker } from './temporal-worker.ts';
import { runTemporalWorkerWhenReachable } from './temporal-when-reachable.ts';
import type { TemplateReviewSettings } from '../activities/template-review.ts';
import type { CallbackTargetPolicy } from '../domain/callback-targets.ts';

export interface WorkerConfig {
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  /** Opens the carriers' bind passwords (sealed in Postgres under the master key). */
  secrets: SecretBox;
  logger: Logger;
  /** How often the routing configuration is checked for changes. Default 2 000 ms. */
  routingReloadMs?: number;
  /** How long a bind lease holds unrenewed: a dead worker's binds move to another within it (`TERN_BIND_LEASE_MS`). */
  bindLeaseMs?: number | undefined;
  /** Settings every SMPP bind gets over its carrier's (tests shorten timeouts and back-off this way). */
  bindOverrides?: Partial<SmppBindOptions>;
  /** The single bind of the worker before routing (TERN_SMPP_*), made into a carrier when there is none. */
  legacySmpp?: { name: string; bind: BindSettings };
  tuning?: HotPathTuning;
  /** Where reports may go; default from `TERN_CALLBACK_ALLOW`. */
  callbackTargets?: CallbackTargetPolicy;
  /** Serve Prometheus metrics on this port (`TERN_METRICS_PORT`); none when absent. */
  metricsPort?: number;
  templateReview?: TemplateReviewSettings;
  /** Base URL of the carrier's management interface (unblocking). */
  carrierApiUrl?: string;
  workflowBundle?: WorkerOptions['workflowBundle'];
  bundleWorkflows?: () => Promise<{ code: string }>;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/** The `worker` process: Temporal worker, carrier bind, and the hot path after accept. */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const { logger } = config;
  const db = connectDb({
    connectionString: config.databaseUrl,
    max: 12,
    applicationName: 'tern-worker',
    // Every statement of the worker claims a queue by walking an index in order, or looks rows up by key for a
    // batch. The planner, left alone, picks plans that read far more as the tables grow: a bitmap scan of a
    // queue re-reads every entry dispatched since the last vacuum (a plain index scan marks them dead as it
    // passes), and a hash or merge join of a batch with message_parts reads the whole table (with stale
    // statistics it took 40 ms a round instead of 0.2). So the worker's connections use index scans and
    // nested loops only; the API and ad-hoc queries keep the defaults.
    settings: { enable_bitmapscan: 'off', enable_hashjoin: 'off', enable_mergejoin: 'off' },
  });
  const { legacySmpp } = config;
  if (legacySmpp) await retryWhileDatabaseAway('adopting TERN_SMPP_*', () => adoptLegacyCarrier(db, config.secrets, legacySmpp.name, legacySmpp.bind, logger), logger);
  const carriers = await startCarrierRegistry({
    db,
    secrets: config.secrets,
    logger,
    reloadMs: config.routingReloadMs,
    ...(config.bindLeaseMs ? { bindLeaseMs: config.bindLeaseMs } : {}),
    bindOverrides: config.bindOverrides,
  });
  // Metrics are kept only when someone can read them.
  const metrics = config.metricsPort === undefined ? undefined : workerMetrics(db, carriers);
  const metricsServer = metrics && config.metricsPort !== undefined ? await serveMetrics(metrics.registry, config.metricsPort) : undefined;
  if (metricsServer) logger.info({ port: metricsServer.port }, 'metrics at /metrics');
  const hotPath = startHotPath({ db, secrets: config.secrets, ...(metrics ? { metrics } : {}), databaseUrl: config.databaseUrl, carriers, logger, tuning: config.tuning, ...(config.callbackTargets ? { callbackTargets: config.callbackTargets } : {}) });
  // The traffic and billing monitors start suspensions and holds; they talk to Temporal as a client, connecting on first use.
  const clientConnection = Connection.lazy({ address: config.temporal.address });
  const temporalClient = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
  const suspensions = temporalSuspensions(temporalClient, config.temporal.taskQueue);
  const traffic = startTrafficMonitor({ db, logger, suspensions });
  const billing = startBillingMonitor({ db, logger, holds: temporalQuotaHolds(temporalClient, config.temporal.taskQueue) });
  // The activities do the API's kind of work, in bulk: a campaign's chunk accepts 1,000 rows in one statement,
  // whose joins of the rows with their groups are hash joins for the default planner and 1,000 × 1,000 nested
  // loops (400 ms a chunk) under the settings above. They get connections of their own that allow hash and merge
  // joins; bitmap scans stay off, since with statistics older than a fresh upload of a million rows the next
  // chunk's rows were read by a bitmap scan of every row after the cursor and sorted (110 ms at half the list,
  // against 0.3 ms through the primary key in line order).
  const activitiesDb = connectDb({ connectionString: config.databaseUrl, max: 6, applicationName: 'tern-activities', settings: { enable_bitmapscan: 'off' } });
  const temporal = runTemporalWorkerWhenReachable({
    address: config.temporal.address,
    logger,
    create: (connection) =>
      createTemporalWorker({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        db: activitiesDb,
        logger,
        templateReview: config.templateReview,
        carrierManagement: config.carrierApiUrl ? httpCarrierManagement(config.carrierApiUrl) : undefined,
        ...(config.workflowBundle ? { workflowBundle: config.workflowBundle } : {}),
        bundleWorkflows: config.bundleWorkflows,
      }),
  });
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker started');

  return {
    async stop() {
      try {
        await temporal.stop();
      } finally {
        await traffic.stop();
        await billing.stop();
        await clientConnection.close();
        await hotPath.stop();
        await metricsServer?.close();
        await carriers.stop();
        await activitiesDb.destroy();
        await db.destroy();
      }
    },
  };
}
