import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describe, test } from '../support/fixtures.ts';
import { callApi } from '../support/http.ts';
import type { TestTenant } from '../support/tenant.ts';

interface Page {
  requests: { id: string; number: string; state: string }[];
  nextCursor: string | null;
}

describe('GET /v1/unblock-requests: the tenant’s requests', () => {
  test('pages through the tenant’s requests newest first, each once, by state when asked; never another tenant’s', async ({ api, database, tenant, otherTenant }) => {
    const add = (who: TestTenant, number: string, state: string, minutesAgo: number) =>
      sql`insert into unblock_requests (tenant_id, number, reason, state, submitted_at)
        values (${who.tenantId}, ${number}, 'Our customer asked for our messages again.', ${state}, now() - make_interval(mins => ${minutesAgo}))`.execute(database.db);
    await add(tenant, '+8613900000001', 'unblocked', 50);
    await add(tenant, '+8613900000002', 'refused', 40);
    await add(tenant, '+8613900000003', 'in_review', 30);
    await add(tenant, '+8613900000004', 'carrier_pending', 20);
    await add(tenant, '+8613900000005', 'in_review', 10);
    await add(otherTenant, '+8613900000006', 'in_review', 5);

    const all = async (query: string, limit: number) => {
      const numbers: string[] = [];
      let cursor: string | null = null;
      do {
        const { status, body } = await callApi(api.url, 'GET', `/v1/unblock-requests?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`, tenant.authorization);
        assert.equal(status, 200, JSON.stringify(body));
        const page = body as unknown as Page;
        numbers.push(...page.requests.map((r) => r.number));
        cursor = page.nextCursor;
      } while (cursor);
      return numbers;
    };
    const newestFirst = ['+8613900000005', '+8613900000004', '+8613900000003', '+8613900000002', '+8613900000001'];
    for (const limit of [1, 2, 50]) assert.deepEqual(await all('', limit), newestFirst, `${limit} a page`);
    assert.deepEqual(await all('&state=in_review', 1), ['+8613900000005', '+8613900000003']);

    const theirs = (await callApi(api.url, 'GET', '/v1/unblock-requests', otherTenant.authorization)).body as unknown as Page;
    assert.deepEqual(theirs.requests.map((r) => r.number), ['+8613900000006']);

    const foreign = await callApi(api.url, 'GET', `/v1/unblock-requests?cursor=${Buffer.from('1.42').toString('base64url')}`, tenant.authorization);
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.code, 'invalid_cursor');
    const badState = await callApi(api.url, 'GET', '/v1/unblock-requests?state=lost', tenant.authorization);
    assert.equal(badState.status, 400);
    assert.equal(badState.body.code, 'invalid_request');
  });
});
