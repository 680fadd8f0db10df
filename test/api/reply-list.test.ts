import assert from 'node:assert/strict';
import { routeReplies, storeReply } from '../../db/replies.ts';
import { describe, test } from '../support/fixtures.ts';
import { callApi } from '../support/http.ts';
import { sendCode } from '../support/messages.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestTenant } from '../support/tenant.ts';

interface Reply {
  id: string;
  from: string;
  to: string;
  text: string;
  receivedAt: string;
  answers: { messageId: string; templateId: string; sentAt: string } | null;
}

async function listAll(apiUrl: string, tenant: TestTenant, query: Record<string, string>, limit: number): Promise<Reply[]> {
  const replies: Reply[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const { status, body } = await callApi(apiUrl, 'GET', `/v1/replies?${params}`, tenant.authorization);
    assert.equal(status, 200, JSON.stringify(body));
    const page = body as unknown as { replies: Reply[]; nextCursor: string | null };
    replies.push(...page.replies);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return replies;
}

async function sentTo(apiUrl: string, tenant: TestTenant, to: string): Promise<string> {
  const res = await sendCode(apiUrl, tenant, [to]);
  assert.equal(res.status, 202);
  return ((await res.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
}

describe('GET /v1/replies: what recipients answered, with the message each answers', () => {
  test('newest first across pages, each with the app’s last message to that number before it; narrowed by number and time', async ({ api, database, tenant, otherTenant }) => {
    const { db } = database;
    const alice = freshMainlandNumber();
    const bob = freshMainlandNumber();
    const stranger = freshMainlandNumber();
    const first = await sentTo(api.url, tenant, alice);
    const toBob = await sentTo(api.url, tenant, bob);
    // Replies at distinct times, after the messages they answer.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 3));
    const reply = async (from: string, to: string, text: string) => {
      await tick();
      const receivedAt = new Date();
      await storeReply(db, 'sim', { from, to, text, receivedAt });
      return receivedAt;
    };
    await reply(alice, tenant.mainlandFrom, 'who is this?');
    const bobAt = await reply(bob, tenant.mainlandFrom, 'ok');
    const strangerAt = await reply(stranger, tenant.mainlandFrom, 'hello?');
    await reply(alice, otherTenant.mainlandFrom, 'not for you');
    // A later message to alice: her next reply answers it, her first still the first.
    await tick();
    const later = await sentTo(api.url, tenant, alice);
    await reply(alice, tenant.mainlandFrom, 'got it');
    assert.ok((await routeReplies(db, 100)) >= 5);

    for (const limit of [1, 2, 50]) {
      const replies = await listAll(api.url, tenant, {}, limit);
      assert.deepEqual(
        replies.map((r) => [r.from, r.text, r.answers?.messageId ?? null]),
        [
          [alice, 'got it', later],
          [stranger, 'hello?', null],
          [bob, 'ok', toBob],
          [alice, 'who is this?', first],
        ],
        `${limit} a page`,
      );
    }
    const [newest] = await listAll(api.url, tenant, {}, 1);
    assert.equal(newest?.to, tenant.mainlandFrom);
    assert.equal(newest?.answers?.templateId, tenant.templates.mainlandCode);

    assert.deepEqual((await listAll(api.url, tenant, { from: alice }, 10)).map((r) => r.text), ['got it', 'who is this?']);
    assert.deepEqual((await listAll(api.url, tenant, { since: bobAt.toISOString(), until: new Date(strangerAt.getTime() + 1).toISOString() }, 10)).map((r) => r.text), ['hello?', 'ok']);
    // The other tenant sees only the reply to its own number, and no message of ours as its answer.
    assert.deepEqual((await listAll(api.url, otherTenant, {}, 10)).map((r) => [r.text, r.answers]), [['not for you', null]]);
  });

  test('bad filters and foreign cursors are refused with a code that says which', async ({ api, tenant }) => {
    for (const [query, status, code] of [
      ['from=13800138000', 400, 'invalid_request'],
      ['limit=0', 400, 'invalid_request'],
      [`cursor=${Buffer.from('1.not-a-number').toString('base64url')}`, 422, 'invalid_cursor'],
      ['since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z', 422, 'invalid_time_range'],
    ] as const) {
      const res = await callApi(api.url, 'GET', `/v1/replies?${query}`, tenant.authorization);
      assert.equal(res.status, status, query);
      assert.equal(res.body.code, code, query);
    }
    assert.equal((await callApi(api.url, 'GET', '/v1/replies', 'Basic bm9ib2R5Om5vdGhpbmc=')).status, 401);
  });
});
