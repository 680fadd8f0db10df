import { test as base } from 'vitest';
import { startTestApi } from './api.ts';
import { createTestDatabase } from './postgres.ts';
import { createTestTenant } from './tenant.ts';

/**
 * The suite's shared set-up as file-scoped fixtures: made once per test file when a test or a `test.beforeAll` asks
 * for them, and torn down after the file (the API before the database it uses).
 *   database     a fresh migrated database of the file's own
 *   api          the API on a free port over that database, without Temporal (startTestApi)
 *   tenant       a tenant with an app, approved signatures and templates (createTestTenant)
 *   otherTenant  a second one, for isolation checks
 */
export const test = base
  .extend('database', { scope: 'file' }, async ({}, { onCleanup }) => {
    const database = await createTestDatabase();
    onCleanup(() => database.drop());
    return database;
  })
  .extend('api', { scope: 'file' }, async ({ database }, { onCleanup }) => {
    const api = await startTestApi(database);
    onCleanup(() => api.stop());
    return api;
  })
  .extend('tenant', { scope: 'file' }, async ({ database }) => createTestTenant(database.db))
  .extend('otherTenant', { scope: 'file' }, async ({ database }) => createTestTenant(database.db, { name: 'Other Co' }));

export { describe } from 'vitest';
