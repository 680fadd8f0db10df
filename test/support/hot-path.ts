import { singleCarrier } from '../../carriers/routing.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { startHotPath, type HotPathTuning } from '../../worker/hot-path.ts';
import { testLogger } from './logger.ts';
import type { TestDatabase } from './postgres.ts';
import { testSecrets } from './secrets.ts';

export interface SimulatorHotPath {
  stop(): Promise<void>;
}

/** A worker's share of the stack over one simulator, as a process starts it: a bind to the simulator and the hot path on it. */
export function startSimulatorHotPath(database: TestDatabase, simulatorPort: number, tuning: HotPathTuning = {}): SimulatorHotPath {
  const bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulatorPort, systemId: 'tern', password: 'tern', logger: testLogger });
  const hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers: singleCarrier(bind), logger: testLogger, tuning });
  return {
    async stop() {
      await hotPath.stop();
      await bind.close();
    },
  };
}
