import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// bigint columns (bigserial ids, counts) come back as strings by default; the ones we read fit in a number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DbOptions {
  connectionString: string;
  /** Pool size; the hot path is mostly short transactions, so a handful per process is enough. */
  max?: number;
  applicationName?: string;
}

export function connectDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'tern',
  });
  // An idle connection that the server drops (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
