// Background exports of the sending details (time-skipping Temporal, real Postgres, real HTTP): the file a workflow
// writes in parts is byte for byte the streamed export's, it is served while ready and deleted a day later.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { RunningApi } from '../../api/start-api.ts';
import { appendExportPart, createMessageExport } from '../../db/message-exports.ts';
import { sendCode } from '../support/messages.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';

const taskQueue = 'message-export-test';

interface ExportView {
  id: string;
  state: string;
  rows: number;
  bytes: number;
  expiresAt: string;
  downloadUrl: string | null;
  code?: string;
}

describe('background exports of the sending details (time-skipping Temporal, real Postgres, real HTTP)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api } = stack);
    tenant = await createTestTenant(database.db);
    other = await createTestTenant(database.db, { name: 'Other Co' });
    // 12,000 messages: a file of a few parts of about a megabyte.
    for (let batch = 0; batch < 12; batch++) {
      const to = Array.from({ length: 1_000 }, (_, i) => `+4474${String(batch).padStart(3, '0')}0${String(i).padStart(4, '0')}`);
      const res = await sendCode(api.url, tenant, to, { reference: 'say "hi", then =1+1' });
      assert.equal(res.status, 202, await res.text());
    }
    await sql`update messages set status = 'undelivered', error_code = 'UNDELIV', error_message = 'line one\nline two' where recipient like '+4474005%'`.execute(database.db);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const call = async (who: TestTenant, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: who.authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as ExportView };
  };
  const file = (who: TestTenant, url: string) => fetch(`${api.url}${url}`, { headers: { authorization: who.authorization } });

  test('the file is the streamed export’s, byte for byte, written in parts; served while ready, gone a day later', async () => {
    const started = await call(tenant, 'POST', '/v1/messages/exports', { toPrefix: '+4474', bom: true });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.equal(started.body.state, 'running');
    const ready = await waitFor('the export written', async () => {
      const { body } = await call(tenant, 'GET', `/v1/messages/exports/${started.body.id}`);
      return body.state === 'ready' && body;
    }, 60_000);
    assert.equal(ready.rows, 12_000);
    assert.equal(ready.downloadUrl, `/v1/messages/exports/${ready.id}/file`);
    const { rows } = await sql<{ parts: number }>`select parts from message_exports where id = ${ready.id}`.execute(database.db);
    assert.ok((rows[0]?.parts ?? 0) >= 2, 'more than one part');

    const downloaded = await file(tenant, ready.downloadUrl ?? '');
    assert.equal(downloaded.status, 200);
    assert.match(downloaded.headers.get('content-type') ?? '', /^text\/csv/);
    const bytes = Buffer.from(await downloaded.arrayBuffer());
    assert.equal(bytes.length, ready.bytes);
    const streamed = Buffer.from(await (await file(tenant, '/v1/messages/export?toPrefix=%2B4474&bom=true')).arrayBuffer());
    assert.ok(bytes.equals(streamed), 'the same file as the streamed export');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    // Another tenant sees neither the export nor its file.
    assert.equal((await call(other, 'GET', `/v1/messages/exports/${ready.id}`)).status, 404);
    assert.equal((await file(other, ready.downloadUrl ?? '')).status, 404);

    await stack.skipTo(new Date(Date.parse(ready.expiresAt) + 60_000).toISOString());
    const expired = await waitFor('the export expired', async () => {
      const { body } = await call(tenant, 'GET', `/v1/messages/exports/${ready.id}`);
      return body.state === 'expired' && body;
    });
    assert.equal(expired.downloadUrl, null);
    const gone = await file(tenant, `/v1/messages/exports/${ready.id}/file`);
    assert.equal(gone.status, 410);
    assert.equal(((await gone.json()) as { code: string }).code, 'export_expired');
    const left = await sql<{ n: string }>`select count(*) as n from message_export_parts where export_id = ${ready.id}`.execute(database.db);
    assert.equal(Number(left.rows[0]?.n), 0);
  });

  test('an export of nothing is its header line; one still running is not served; a part stored twice counts once', async () => {
    const started = await call(tenant, 'POST', '/v1/messages/exports', { to: '+8613800000000' });
    const ready = await waitFor('the empty export', async () => {
      const { body } = await call(tenant, 'GET', `/v1/messages/exports/${started.body.id}`);
      return body.state === 'ready' && body;
    }, 60_000);
    assert.equal(ready.rows, 0);
    assert.equal(await (await file(tenant, ready.downloadUrl ?? '')).text(), await (await file(tenant, '/v1/messages/export?to=%2B8613800000000')).text());

    // A row whose workflow has not written yet (created here without one).
    const id = randomUUID();
    await createMessageExport(database.db, { id, tenantId: tenant.tenantId, appId: tenant.appId, filters: {}, bom: false, now: new Date() });
    const early = await file(tenant, `/v1/messages/exports/${id}/file`);
    assert.equal(early.status, 409);
    assert.equal(((await early.json()) as { code: string }).code, 'export_not_ready');
    const part = { partNo: 0, data: Buffer.from('a,b\n'), rows: 1, after: { micros: 1n, key: randomUUID() } };
    assert.equal(await appendExportPart(database.db, id, part), true);
    assert.equal(await appendExportPart(database.db, id, part), false, 'the same part again (a retried activity) is not stored');
    const { rows } = await sql<{ parts: number; rows: number; bytes: number }>`select parts, rows::int, bytes::int from message_exports where id = ${id}`.execute(database.db);
    assert.deepEqual(rows[0], { parts: 1, rows: 1, bytes: 4 });
  });

  test('bad filters are refused before anything starts', async () => {
    for (const [body, status, code] of [
      [{ status: 'sent' }, 400, 'invalid_request'],
      [{ bom: 'yes' }, 400, 'invalid_request'],
      [{ since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' }, 422, 'invalid_time_range'],
    ] as const) {
      const res = await call(tenant, 'POST', '/v1/messages/exports', body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.code, code);
    }
    const bare = await fetch(`${api.url}/v1/messages/exports`, { method: 'POST', headers: { authorization: tenant.authorization } });
    assert.equal(bare.status, 415, 'no body is not "every message"');
    assert.equal((await call(tenant, 'GET', `/v1/messages/exports/${randomUUID()}`)).status, 404);
  });
});
