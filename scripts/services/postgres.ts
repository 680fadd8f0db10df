// `npm run postgres`: the dev stack's embedded Postgres alone, on TERN_PG_PORT with the data of `npm run dev`.
import path from 'node:path';
import { devPorts, devStateDir } from '../stack/dev-config.ts';
import { startEmbeddedPostgres } from '../stack/postgres.ts';
import { runService } from './run-service.ts';

runService('Postgres', async () => {
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(devStateDir(), 'pg'), port: devPorts().postgres });
  return { lines: [`DATABASE_URL=${await postgres.database('tern')}`, `data in ${postgres.dataDir}`, 'npm run migrate applies the migrations'], stop: () => postgres.stop() };
});
