import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RunningApi } from '../../api/start-api.ts';
import { signatureReviewWorkflowId } from '../../processes/signature-review.ts';
import { createOperator } from '../../db/operators.ts';
import { createTenantApp, createTemplate, createTenant } from '../../db/provisioning.ts';
import { gif, jpeg, oversized, pdf, png, renamedExecutable, signatureForm } from '../support/documents.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { testSecrets } from '../support/secrets.ts';
import { startTimeSkippingStack, type TimeSkippingStack } from '../support/time-skipping.ts';
import { waitFor } from '../support/wait.ts';

const taskQueue = 'signature-review-test';
const day = 24 * 3600 * 1000;

interface SignatureAnswer {
  id: string;
  state: string;
  reason: string | null;
  expiresAt: string | null;
  documents: { id: string; kind: string; contentType: string; size: number; sha256: string }[];
}

describe('signature approval with documents (time-skipping Temporal, real Postgres, real HTTP)', () => {
  let stack: TimeSkippingStack;
  let database: TestDatabase;
  let api: RunningApi;
  let env: TestWorkflowEnvironment;
  let reviewer: string;
  let authorization: string;
  let mainlandTemplate: string;

  beforeAll(async () => {
    stack = await startTimeSkippingStack(taskQueue);
    ({ database, api, env } = stack);
    // A tenant without any signature yet.
    const tenantId = await createTenant(database.db, 'Signer Co');
    const app = await createTenantApp(database.db, testSecrets, { tenantId, name: 'app', senderId: 'SIGNER' });
    authorization = `Basic ${Buffer.from(`${app.appKey}:${app.appSecret}`).toString('base64')}`;
    mainlandTemplate = await createTemplate(database.db, { tenantId, name: 'cn', region: 'mainland', type: 'verification', body: '验证码${1}，5分钟内有效。' });
    reviewer = `Bearer ${(await createOperator(database.db, 'rosa', 'reviewer')).token}`;
  });
  afterAll(() => stack?.stop());

  const request = async (method: string, path: string, auth: string, body?: FormData | object) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: auth, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, json: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : undefined, bytes: type.includes('json') ? undefined : Buffer.from(await res.arrayBuffer()) };
  };
  const apply = (name: string, type: string, files: Record<string, [Blob, string]> = { attorneyLetter: [pdf(), 'attorney.pdf'], businessLicense: [png(), 'license.png'] }) =>
    request('POST', '/v1/signatures', authorization, signatureForm({ name, type }, files));
  const signature = async (id: string) => (await request('GET', `/v1/signatures/${id}`, authorization)).json as unknown as SignatureAnswer;
  const inState = (id: string, state: string) => waitFor(`signature ${state}`, async () => ((await signature(id)).state === state ? signature(id) : undefined));
  const decide = (id: string, body: object) => request('POST', `/v1/admin/reviews/${id}/decision`, reviewer, body);
  const countSignatures = async () => Number((await database.db.selectFrom('signatures').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const workflowStatus = async (id: string) => (await env.client.workflow.getHandle(signatureReviewWorkflowId(id)).describe()).status.name;
  const send = () =>
    fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ to: ['+8613800138000'], templateId: mainlandTemplate, params: ['123456'] }),
    });

  test('bad documents are refused by their content, before anything is stored', async () => {
    const before = await countSignatures();
    const cases: [Record<string, [Blob, string]>, number, string][] = [
      [{ attorneyLetter: [gif(), 'a.gif'], businessLicense: [png(), 'l.png'] }, 422, 'document_type_not_allowed'],
      [{ attorneyLetter: [pdf(), 'a.pdf'], businessLicense: [renamedExecutable(), 'license.pdf'] }, 422, 'document_type_not_allowed'],
      [{ attorneyLetter: [oversized(), 'big.pdf'], businessLicense: [png(), 'l.png'] }, 413, 'document_too_large'],
      [{ attorneyLetter: [pdf(), 'a.pdf'] }, 400, 'invalid_request'],
    ];
    for (const [files, status, code] of cases) {
      const res = await apply('坏文件', 'verification', files);
      assert.equal(res.status, status, code);
      assert.equal(res.json?.code, code);
    }
    assert.equal(await countSignatures(), before);
    assert.equal((await request('POST', '/v1/signatures', authorization, signatureForm({ name: 'X', type: 'verification' }, { attorneyLetter: [pdf(), 'a.pdf'], businessLicense: [png(), 'l.png'] }))).status, 400, 'a one-character name');
  });

  test('asked for more documents, the tenant uploads them and the review resumes; approved, mainland sends carry it', async () => {
    assert.equal((await send()).status, 422, 'no signature yet');
    const applied = await apply('签名公司', 'verification');
    assert.equal(applied.status, 201, JSON.stringify(applied.json));
    const id = applied.json?.id as string;
    const docs = applied.json?.documents as SignatureAnswer['documents'];
    assert.deepEqual(docs.map((d) => [d.kind, d.contentType]).sort(), [['attorney_letter', 'application/pdf'], ['business_license', 'image/png']]);
    assert.match(docs[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.equal((await apply('签名公司', 'verification')).status, 409, 'the same name and type is applied for once');

    const queue = (await request('GET', '/v1/admin/reviews', reviewer)).json?.reviews as { kind: string; reviewId: string; documents: { download: string; sha256: string }[] }[];
    const mine = queue.find((r) => r.reviewId === id);
    assert.equal(mine?.kind, 'signature');
    const download = await request('GET', mine!.documents[0]!.download, reviewer);
    assert.equal(download.status, 200);
    assert.equal(createHashOf(download.bytes!), mine!.documents[0]!.sha256, 'the reviewer downloads the very bytes uploaded');
    assert.equal((await request('GET', mine!.documents[0]!.download, authorization)).status, 401, 'tenants cannot download documents');

    assert.equal((await request('POST', `/v1/signatures/${id}/documents`, authorization, signatureForm({}, { businessLicense: [jpeg(), 'l.jpg'] }))).status, 409, 'not asked');
    const asked = await decide(id, { decision: 'request_documents', reason: 'The license is cut off; upload all of it.' });
    assert.equal(asked.status, 200, JSON.stringify(asked.json));
    const waiting = await signature(id);
    assert.equal(waiting.state, 'documents_requested');
    assert.equal(waiting.reason, 'The license is cut off; upload all of it.');
    assert.equal(Date.parse(waiting.expiresAt ?? '') - (await env.currentTimeMs()) > 29 * day, true, 'expires in 30 days');
    assert.equal((await decide(id, { decision: 'approve' })).status, 409, 'not open while documents are awaited');

    // Two uploads at once: one is taken; the other is refused (by the database check, or, when both pass it, by
    // the workflow's Update validator, which rolls back its documents) and stores nothing.
    const uploads = await Promise.all(
      ['license-full.jpg', 'license-again.jpg'].map((name) => request('POST', `/v1/signatures/${id}/documents`, authorization, signatureForm({}, { businessLicense: [jpeg(), name] }))),
    );
    assert.deepEqual(uploads.map((u) => u.status).sort(), [202, 409], JSON.stringify(uploads.map((u) => u.json)));
    assert.equal(uploads.find((u) => u.status === 202)!.json?.state, 'in_review', 'answered once the review resumed');
    const resumed = await inState(id, 'in_review');
    assert.equal(resumed.documents.length, 3, 'the refused upload stored nothing');
    assert.equal((await decide(id, { decision: 'approve' })).status, 200);
    assert.equal(await workflowStatus(id), 'COMPLETED');

    const sent = await send();
    assert.equal(sent.status, 202);
    const messageId = ((await sent.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
    const row = await database.db.selectFrom('messages').select('body').where('id', '=', messageId).executeTakeFirstOrThrow();
    assert.equal(row.body, '【签名公司】验证码123456，5分钟内有效。');
  });

  test('an application left waiting for documents expires after 30 days', async () => {
    const applied = await apply('过期公司', 'notification');
    const id = applied.json?.id as string;
    assert.equal((await decide(id, { decision: 'request_documents', reason: 'Upload the attorney letter signed.' })).status, 200);
    await stack.skipTo(new Date((await env.currentTimeMs()) + 30 * day + 60_000).toISOString());
    const expired = await inState(id, 'expired');
    assert.equal(expired.state, 'expired');
    assert.equal((await request('POST', `/v1/signatures/${id}/documents`, authorization, signatureForm({}, { attorneyLetter: [pdf(), 'a.pdf'] }))).status, 409);
    await waitFor('workflow completed', async () => ((await workflowStatus(id)) === 'COMPLETED' ? true : undefined));
  });

  test('a rejection ends the application; the name can be applied for again', async () => {
    const applied = await apply('拒绝公司', 'verification');
    const id = applied.json?.id as string;
    assert.equal((await decide(id, { decision: 'reject' })).status, 400, 'a rejection needs a reason');
    const rejected = await decide(id, { decision: 'reject', reason: 'The license does not match the name.' });
    assert.equal(rejected.status, 200);
    assert.equal((await signature(id)).state, 'rejected');
    assert.equal((await apply('拒绝公司', 'verification')).status, 201);
  });
});

function createHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
