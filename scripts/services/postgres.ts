// `npm run postgres`: the dev stack's embedded Postgres alone, on TERN_PG_PORT with the data of `npm run dev`.
import path from 'node:path';
import pg from 'pg';
import { devPorts, devStateDir } from '../stack/dev-config.ts';
import { startEmbeddedPostgres } from '../stack/postgres.ts';
import { runService } from './run-service.ts';

runService('Postgres', async () => {
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(devStateDir(), 'pg'), port: devPorts().postgres });
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'tern'`);
  if (exists.rowCount === 0) await admin.query('create database tern');
  await admin.end();
  return { lines: [`DATABASE_URL=${postgres.urlFor('tern')}`, `data in ${postgres.dataDir}`, 'npm run migrate applies the migrations'], stop: () => postgres.stop() };
});
