import './temporal.ts';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { startApi, type RunningApi, type StartApiOptions } from '../../api/start-api.ts';
import { temporalScheduledSends } from '../../processes/scheduled-send.ts';
import { temporalSignatureReviews } from '../../processes/signature-review.ts';
import { temporalTemplateReviews } from '../../processes/template-review.ts';
import { testServerExecutable } from '../../scripts/temporal/binaries.ts';
import { httpCarrierManagement } from '../../carriers/http-management.ts';
import { temporalSuspensions } from '../../processes/sending-suspension.ts';
import { temporalUnblockings } from '../../processes/blocklist-unblocking.ts';
import { temporalQuotaHolds } from '../../processes/quota-runout.ts';
import { temporalCampaigns } from '../../processes/campaigns.ts';
import { temporalMessageExports } from '../../processes/message-exports.ts';
import { createActivities } from '../../worker/temporal-worker.ts';
import { workflowsPath } from '../../worker/workflows-path.ts';
import { testLogger } from './logger.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';
import { testSecrets } from './secrets.ts';

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  api: RunningApi;
  /** Moves the Temporal clock to `iso` (never back), firing the timers on the way; the API follows it. */
  skipTo(iso: string): Promise<void>;
  /** Makes the API stamp requests with this time (e.g. in the past), until the next `skipTo` or `syncClock`. */
  pretendNow(ms: number): void;
  syncClock(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The time-skipping test server, a fresh database, a worker with every workflow and activity, and the API
 * wired to them. The API reads the workflow clock, which time skipping moves ahead of the wall clock. The
 * server cannot register custom search attributes, so workflows start untagged here (the dev-server tests
 * cover the attributes).
 */
export async function startTimeSkippingStack(
  taskQueue: string,
  prepare: (database: TestDatabase) => Promise<void> = async () => undefined,
  apiOptions: Partial<StartApiOptions> = {},
  workerOptions: { carrierApiUrl?: string } = {},
): Promise<TimeSkippingStack> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await testServerExecutable() } });
  const database = await createTestDatabase();
  await prepare(database);
  let now = Date.now();
  const untagged = { searchAttributes: false };
  const api = await startApi({
    db: database.db,
    secrets: testSecrets,
    scheduledSends: temporalScheduledSends(env.client, taskQueue, untagged),
    templateReviews: temporalTemplateReviews(env.client, taskQueue, untagged),
    signatureReviews: temporalSignatureReviews(env.client, taskQueue, untagged),
    suspensions: temporalSuspensions(env.client, taskQueue, untagged),
    unblockings: temporalUnblockings(env.client, taskQueue, untagged),
    quotaHolds: temporalQuotaHolds(env.client, taskQueue, untagged),
    campaigns: temporalCampaigns(env.client, taskQueue, untagged),
    messageExports: temporalMessageExports(env.client, taskQueue, untagged),
    logger: testLogger,
    port: 0,
    now: () => new Date(now),
    ...apiOptions,
  });
  const carrier = workerOptions.carrierApiUrl ? httpCarrierManagement(workerOptions.carrierApiUrl) : undefined;
  const activities = createActivities(database.db, testLogger, undefined, carrier);
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  const running = worker.run();
  const syncClock = async () => void (now = await env.currentTimeMs());
  return {
    env,
    database,
    api,
    async skipTo(iso) {
      const ahead = Date.parse(iso) - (await env.currentTimeMs());
      if (ahead > 0) await env.sleep(ahead);
      await syncClock();
    },
    pretendNow: (ms) => void (now = ms),
    syncClock,
    async stop() {
      worker.shutdown();
      await running;
      await api.stop();
      await env.teardown();
      await database.drop();
    },
  };
}
