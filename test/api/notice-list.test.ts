import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describe, test } from '../support/fixtures.ts';
import { callApi } from '../support/http.ts';
import type { TestTenant } from '../support/tenant.ts';

interface Page {
  notices: { id: string; kind: string; at: string; details: Record<string, unknown> }[];
  nextCursor: string | null;
}

describe('GET /v1/notices: what the platform told the tenant of', () => {
  test('traffic alarms, suspensions and their ends, and billing notices, newest first, each once, by kind when asked', async ({ api, database, tenant, otherTenant }) => {
    const { db } = database;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await sql`insert into traffic_events (tenant_id, period, period_start, kind, count, created_at)
      values (${tenant.tenantId}, 'hour', ${ago(120)}, 'alarm', 800, ${ago(100)}), (${tenant.tenantId}, 'hour', ${ago(120)}, 'limit', 1000, ${ago(90)})`.execute(db);
    await sql`insert into tenant_suspensions (tenant_id, period, period_start, until, reason, state, created_at, ended_at, ended_reason)
      values (${tenant.tenantId}, 'hour', ${ago(120)}, ${ago(60)}, 'over the hourly limit of 1000', 'ended', ${ago(90)}, ${ago(60)}, 'the hour ended'),
             (${otherTenant.tenantId}, 'day', ${ago(300)}, ${ago(-600)}, 'over the daily limit', 'active', ${ago(30)}, null, null)`.execute(db);
    await sql`insert into tenant_notices (tenant_id, kind, details, at) values
      (${tenant.tenantId}, 'quota_alarm', '{"scope":"mainland","threshold":1000,"remaining":990}', ${ago(20)}),
      (${tenant.tenantId}, 'quota_runout', '{"holdId":"h-1"}', ${ago(10)})`.execute(db);

    const all = async (who: TestTenant, query: string, limit: number) => {
      const seen: Page['notices'] = [];
      let cursor: string | null = null;
      do {
        const { status, body } = await callApi(api.url, 'GET', `/v1/notices?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`, who.authorization);
        assert.equal(status, 200, JSON.stringify(body));
        const page = body as unknown as Page;
        seen.push(...page.notices);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    for (const limit of [1, 2, 50]) {
      const notices = await all(tenant, '', limit);
      assert.deepEqual(notices.map((n) => n.kind), ['quota_runout', 'quota_alarm', 'suspension_ended', 'suspended', 'traffic_alarm'], `${limit} a page`);
      assert.equal(new Set(notices.map((n) => n.id)).size, 5);
    }
    const [runout, , ended, suspended, alarm] = await all(tenant, '', 50);
    assert.deepEqual(runout?.details, { holdId: 'h-1' });
    assert.deepEqual(ended?.details, { reason: 'the hour ended', liftedByOperator: false });
    assert.equal(suspended?.details.reason, 'over the hourly limit of 1000');
    assert.equal(alarm?.details.count, 800);
    assert.ok(Math.abs(Date.parse(alarm?.at ?? '') - ago(100).getTime()) < 60_000, 'an alarm is dated when it was raised');

    assert.deepEqual((await all(tenant, '&kind=suspended,traffic_alarm', 1)).map((n) => n.kind), ['suspended', 'traffic_alarm']);
    assert.deepEqual((await all(otherTenant, '', 10)).map((n) => n.kind), ['suspended'], 'another tenant’s notices are its own');

    const foreign = await callApi(api.url, 'GET', `/v1/notices?cursor=${Buffer.from('1.n1.2').toString('base64url')}`, tenant.authorization);
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.code, 'invalid_cursor');
    const badKind = await callApi(api.url, 'GET', '/v1/notices?kind=weather', tenant.authorization);
    assert.equal(badKind.status, 400);
    assert.equal(badKind.body.code, 'invalid_request');
  });
});
