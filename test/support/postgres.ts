import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDb, type Db } from '../../db/connect.ts';
import { templateDatabase, withDatabase } from './template-database.ts';
import { checkLedger } from '../../db/ledger-check.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  /** Drops the database, after proving its ledger adds up (`db/ledger-check.ts`) unless told not to. */
  drop(options?: { checkLedger?: boolean }): Promise<void>;
}

/** Runs one statement as the cluster's superuser (creating and dropping databases). */
export async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database of its own, cloned from the template in the suite's cluster (test/setup/global-setup.ts).
 * Most files take it as the `database` fixture (test/support/fixtures.ts) rather than calling this.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await asAdmin(`create database ${name} template ${templateDatabase}`);
  const url = withDatabase(inject('postgresAdminUrl'), name);
  const db = connectDb({ connectionString: url, max: 10 });
  return {
    url,
    db,
    async drop({ checkLedger: check = true } = {}) {
      const ledger = check ? await checkLedger(db).catch((err: unknown) => ({ problems: [{ rule: `the check failed: ${String(err)}`, count: 1, examples: [] }] })) : { problems: [] };
      await db.destroy();
      await asAdmin(`drop database if exists ${name} with (force)`);
      if (ledger.problems.length > 0) throw new Error(`the ledger of ${name} does not add up: ${JSON.stringify(ledger.problems)}`);
    },
  };
}
