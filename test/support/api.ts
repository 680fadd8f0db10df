import { startApi, type RunningApi } from '../../api/start-api.ts';
import { testLogger } from './logger.ts';
import type { TestDatabase } from './postgres.ts';
import { noScheduling } from './scheduling.ts';
import { testSecrets } from './secrets.ts';

/** The API on a free port over a test database, without Temporal (scheduled sends refused). */
export function startTestApi(database: TestDatabase): Promise<RunningApi> {
  return startApi({ db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: testLogger, port: 0 });
}
