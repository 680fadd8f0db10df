import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { connectDb, type Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { freePort } from '../../scripts/stack/free-port.ts';
import { startEmbeddedPostgres } from '../../scripts/stack/postgres.ts';

/**
 * The test suite shares one embedded Postgres cluster (started by `scripts/test.ts`, which sets
 * TERN_TEST_PG_URL) with a migrated template database; each test file clones its own database from it.
 * A test file run on its own starts a private cluster instead.
 */
export const templateDatabase = 'tern_template';

let cluster: Promise<string> | undefined;

async function clusterAdminUrl(): Promise<string> {
  const fromEnv = process.env.TERN_TEST_PG_URL;
  if (fromEnv) return fromEnv;
  cluster ??= (async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-test-pg-'));
    const running = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort(), unsafeFast: true });
    process.once('exit', () => void running.stop());
    await prepareTemplateDatabase(running.adminUrl);
    return running.adminUrl;
  })();
  return cluster;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function prepareTemplateDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase}`);
    await admin.query(`create database ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(adminUrl, templateDatabase), max: 1 }) }),
  });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = await clusterAdminUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = connectDb({ connectionString: url, max: 10 });
  return {
    url,
    db,
    async drop() {
      await db.destroy();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
