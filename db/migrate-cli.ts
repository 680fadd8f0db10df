// `npm run migrate`: brings the database at DATABASE_URL to the latest schema.
import pino from 'pino';
import { connectDb } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const logger = pino({ name: 'tern-migrate' });
const url = process.env.DATABASE_URL;
if (!url) {
  logger.fatal('DATABASE_URL is required');
  process.exit(2);
}
const db = connectDb({ connectionString: url, max: 1, applicationName: 'tern-migrate' });
try {
  const result = await migrateToLatest(db);
  for (const r of result.results ?? []) logger.info({ migration: r.migrationName, status: r.status }, 'migration');
  logger.info('database is up to date');
} finally {
  await db.destroy();
}
