// The API process on its own (production, docker-compose); `npm run dev` starts it in-process instead.
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { connectDb } from '../db/connect.ts';
import { secretBoxFromEnvOrExit } from '../domain/secret-box.ts';
import { startApi } from './start-api.ts';
import { temporalProcesses } from '../processes/temporal-processes.ts';

const env = process.env;
const logger = pino({ name: 'tern-api', level: env.LOG_LEVEL ?? 'info' });
if (!env.DATABASE_URL) {
  logger.fatal('DATABASE_URL is required');
  process.exit(2);
}
const secrets = secretBoxFromEnvOrExit(logger);
const db = connectDb({ connectionString: env.DATABASE_URL, max: Number(env.TERN_DB_POOL ?? 20), applicationName: 'tern-api' });
// Lazy: the API starts and serves immediate sends while Temporal is down, and connects on the first call that needs it.
const connection = Connection.lazy({ address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE ?? 'default' });
const api = await startApi({
  db,
  secrets,
  ...temporalProcesses(client, env.TERN_TASK_QUEUE ?? 'tern'),
  logger,
  port: Number(env.TERN_API_PORT ?? 8080),
  defaultRequestsPerSecond: Number(env.TERN_APP_REQUESTS_PER_SECOND ?? 1000),
  wsseWindowMs: Number(env.TERN_WSSE_WINDOW_SECONDS ?? 86_400) * 1000,
  host: env.TERN_API_HOST ?? '0.0.0.0',
});
logger.info({ url: api.url }, 'api listening');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () =>
    void (async () => {
      await api.stop();
      await connection.close();
      await db.destroy();
      process.exit(0);
    })(),
  );
}
