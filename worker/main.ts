// The worker process on its own (production, docker-compose); `npm run dev` starts it in-process instead.
import pino from 'pino';
import { bundleWorkflowsApart } from './bundle-workflows.ts';
import { startWorker } from './start-worker.ts';
import { installTemporalRuntime } from './temporal-runtime.ts';
import { secretBoxFromEnvOrExit } from '../domain/secret-box.ts';
import { retentionDaysFrom } from '../domain/retention.ts';

const env = process.env;
const logger = pino({ name: 'tern-worker', level: env.LOG_LEVEL ?? 'info' });
if (!env.DATABASE_URL) {
  logger.fatal('DATABASE_URL is required');
  process.exit(2);
}
function optionalNumber(name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    logger.fatal(`${name} must be a positive number of milliseconds, not ${value}`);
    process.exit(2);
  }
  return n;
}

/** `TERN_REVIEW_HOURS=09:00-18:00`: template review hours, Asia/Shanghai time. */
function reviewHours(text = '09:00-18:00') {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  const [start, end] = m ? [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])] : [NaN, NaN];
  if (!(start >= 0 && start < end && end <= 1440)) {
    logger.fatal(`TERN_REVIEW_HOURS must look like 09:00-18:00, not ${text}`);
    process.exit(2);
  }
  return { start, end };
}

function retentionDays(): number {
  try {
    return retentionDaysFrom(env.TERN_MESSAGE_RETENTION_DAYS);
  } catch (err) {
    logger.fatal((err as Error).message);
    process.exit(2);
  }
}

const secrets = secretBoxFromEnvOrExit(logger);

installTemporalRuntime(logger);
// Listen for SIGTERM before starting: the hot path runs while the workflows are still being bundled, and a signal
// then must stop it gracefully too, once the start has finished, not kill the process mid-round.
const stopSignal = new Promise<void>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
});
const worker = await startWorker({
  databaseUrl: env.DATABASE_URL,
  temporal: {
    address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TERN_TASK_QUEUE ?? 'tern',
  },
  secrets,
  logger,
  bundleWorkflows: bundleWorkflowsApart,
  ...(env.TERN_SMPP_HOST
    ? {
        legacySmpp: {
          name: env.TERN_SMPP_NAME ?? 'smsc',
          bind: {
            host: env.TERN_SMPP_HOST,
            port: Number(env.TERN_SMPP_PORT ?? 2775),
            systemId: env.TERN_SMPP_SYSTEM_ID ?? 'tern',
            password: env.TERN_SMPP_PASSWORD ?? 'tern',
            window: Number(env.TERN_SMPP_WINDOW ?? 50),
          },
        },
      }
    : {}),
  routingReloadMs: optionalNumber('TERN_ROUTING_RELOAD_MS'),
  bindLeaseMs: optionalNumber('TERN_BIND_LEASE_MS'),
  metricsPort: optionalNumber('TERN_METRICS_PORT'),
  carrierApiUrl: env.TERN_CARRIER_API_URL,
  templateReview: {
    reviewHours: reviewHours(env.TERN_REVIEW_HOURS),
    overdueWorkdays: Number(env.TERN_REVIEW_OVERDUE_WORKDAYS ?? 2),
    anytime: env.TERN_REVIEW_ANYTIME === '1',
  },
  tuning: {
    dispatchLeaseMs: optionalNumber('TERN_DISPATCH_LEASE_MS'),
    callbackTimeoutMs: optionalNumber('TERN_CALLBACK_TIMEOUT_MS'),
    receiptTimeoutMs: optionalNumber('TERN_RECEIPT_TIMEOUT_MS'),
    replyPartsTimeoutMs: optionalNumber('TERN_REPLY_PARTS_TIMEOUT_MS'),
    campaignInFlight: optionalNumber('TERN_CAMPAIGN_IN_FLIGHT'),
    retentionDays: retentionDays(),
  },
});
if (env.TERN_REVIEW_ANYTIME === '1') logger.warn('TERN_REVIEW_ANYTIME=1: template reviews open at once, workdays or not; for development only');
await stopSignal;
await worker.stop();
process.exit(0);
