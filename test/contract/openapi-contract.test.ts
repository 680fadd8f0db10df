import '../support/temporal.ts';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { temporalProcesses } from '../../processes/temporal-processes.ts';
import { createApiKey } from '../../db/api-keys.ts';
import { createOperator } from '../../db/operators.ts';
import { createTenantApp } from '../../db/provisioning.ts';
import { startWorker, type RunningWorker } from '../../worker/start-worker.ts';
import { ensureSchemathesis } from '../../scripts/contract/schemathesis.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { testSecrets } from '../support/secrets.ts';

const here = import.meta.dirname;
const taskQueue = 'contract-test';

/** Runs `command` with its output (stdout and stderr) written to `file`; resolves with its exit code. */
async function runTo(file: string, command: string, args: string[], env: Record<string, string>): Promise<number | null> {
  const handle = await fs.open(file, 'w');
  try {
    const child = spawn(command, args, { cwd: path.dirname(file), env: { ...process.env, ...env }, stdio: ['ignore', handle.fd, handle.fd] });
    return await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
  } finally {
    await handle.close();
  }
}

describe('the OpenAPI document and the server agree', () => {
  let temporal: LocalTemporal | undefined;
  let api: RunningApi | undefined;
  let worker: RunningWorker | undefined;
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await temporal?.teardown();
  });

  test('a bounded schemathesis run over every operation (app, operators, compatible) reports no failure', async ({ database, tenant }) => {
    const [st, local] = await Promise.all([ensureSchemathesis(), startLocalTemporal()]);
    temporal = local;
    // The worker runs the processes the operations start (reviews, unblocking, suspensions), as in production.
    // The run adds carriers with made-up hosts, which the worker then tries to bind: its warnings are noise here.
    worker = await startWorker({
      databaseUrl: database.url,
      temporal: { address: local.address, namespace: local.namespace, taskQueue },
      secrets: testSecrets,
      logger: testLogger.child({}, { level: 'error' }),
    });
    api = await startApi({
      db: database.db,
      secrets: testSecrets,
      logger: testLogger,
      port: 0,
      ...temporalProcesses(local.client, taskQueue),
      // The run checks that bad credentials get 401; the throttle that turns them into 429 has tests of its own.
      failedAttemptLimits: { perAddress: { burst: 1e9, ratePerSecond: 1e9 }, perKey: { burst: 1e9, ratePerSecond: 1e9 }, maxTracked: 1000 },
    });
    const operator = await createOperator(database.db, 'contract', 'admin');
    const apiKey = await createApiKey(database.db, tenant.appId, 'contract', ['send', 'read']);
    // Resources for the operations that read or change one, so they reach more than their 404. The operators'
    // app operations get an app of their own: rotating the secret the run signs in with would lock it out.
    const spareApp = await createTenantApp(database.db, testSecrets, { tenantId: tenant.tenantId, name: 'spare', senderId: 'SPARE', callbackUrl: null, uplinkUrl: null });
    // The tenants' own rotations (`/v1/app/secret`) sign in as another app (schemathesis.toml).
    const rotatedApp = await createTenantApp(database.db, testSecrets, { tenantId: tenant.tenantId, name: 'rotated', senderId: 'ROTATED', callbackUrl: null, uplinkUrl: null });
    const scheduled = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ to: ['+447400123456'], templateId: tenant.templates.code, params: ['123456'], sendAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    assert.equal(scheduled.status, 202, await scheduled.clone().text());
    const blocked = await fetch(`${api.url}/v1/admin/blocklist`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ numbers: ['+8613800138000'], source: 'complaint', reason: 'A complaint' }),
    });
    assert.equal(blocked.status, 200, await blocked.clone().text());
    const messageId = ((await scheduled.json()) as { messages: { id: string }[] }).messages[0]!.id;
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'tern-contract-'));
    const output = path.join(out, 'output.txt');
    const code = await runTo(output, st, ['--config-file', path.join(here, 'schemathesis.toml'), 'run', `${api.url}/openapi.json`, '--no-color'], {
      PYTHONPATH: here,
      TERN_APP_KEY: tenant.appKey,
      TERN_APP_SECRET: tenant.appSecret,
      TERN_OPERATOR_TOKEN: operator.token,
      TERN_API_KEY: apiKey.key,
      TERN_TENANT_ID: tenant.tenantId,
      TERN_SPARE_APP_ID: spareApp.id,
      TERN_ROTATED_APP_BASIC: Buffer.from(`${rotatedApp.appKey}:${rotatedApp.appSecret}`).toString('base64'),
      TERN_TEMPLATE_ID: tenant.templates.code,
      TERN_MESSAGE_ID: messageId,
    });
    const text = await fs.readFile(output, 'utf8');
    const summary = text.split('\n').filter((line) => /^ {2}(Selected|Tested):|^ {2}\d+ generated/.test(line));
    process.stderr.write(`[contract] ${summary.map((l) => l.trim()).join(' | ')}\n`);
    // The failures come first in the output, the summary last: show both, cut in the middle if long.
    const shown = text.length > 40_000 ? `${text.slice(0, 30_000)}\n…\n${text.slice(-10_000)}` : text;
    assert.equal(code, 0, `schemathesis found failures (whole output: ${output}):\n${shown}`);
    // The run's own credentials worked to its end: no operation it made locked the rest out (and so went untested).
    const still = await fetch(`${api.url}/v1/templates`, { headers: { authorization: tenant.authorization } });
    assert.equal(still.status, 200, 'the app secret the run signs in with stopped working during the run');
  });
});
