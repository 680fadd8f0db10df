import assert from 'node:assert/strict';
import { newMessageId } from '../../domain/message-ids.ts';
import { sql } from 'kysely';
import { chargeInput } from '../../db/billing-charge.ts';
import { claimDueCallbacks, enqueueStatusCallbacks } from '../../db/callbacks.ts';
import type { Db } from '../../db/connect.ts';
import { claimDueMessages } from '../../db/dispatch-queue.ts';
import { insertAcceptedRequests } from '../../db/messages.ts';
import { describe, test } from '../support/fixtures.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestTenant } from '../support/tenant.ts';

/** `count` messages accepted in one request, with a callback URL, stored and charged as an accept stores them. */
async function accept(db: Db, tenant: TestTenant, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newMessageId());
  const request = {
    request: { id: newMessageId(), tenantId: tenant.tenantId, appId: tenant.appId, idempotencyKey: undefined, requestHash: 'h', response: null, sendAt: undefined },
    batch: {
      status: 'accepted' as const,
      reference: null,
      callbackUrl: 'https://example.com/reports',
      nextAttemptAt: new Date(Date.now() - 1_000),
      surface: 'native' as const,
      campaignId: null,
      groups: [{ templateId: tenant.templates.mainlandCode, region: 'mainland' as const, signature: null, sender: '106', body: 'Your code is 123456', encoding: 'gsm7' as const, segments: 1, ids, recipients: ids.map(() => freshMainlandNumber()), countries: ids.map(() => 'CN') }],
    },
  };
  const charge = chargeInput(tenant.tenantId, ids.map((id) => ({ id, scope: 'mainland' as const, country: 'CN', segments: 1 })), new Date());
  await insertAcceptedRequests(db, tenant.tenantId, [request], { notify: false, charge });
  return ids;
}

/** The heap page each row lies on, by id. */
async function pages(db: Db, table: 'messages' | 'callback_outbox', ids: readonly (string | number)[]): Promise<Map<string, number>> {
  const idType = sql.raw(table === 'messages' ? 'uuid' : 'bigint');
  const { rows } = await sql<{ id: string; page: number }>`
    select id::text as id, (ctid::text::point)[0]::int as page from ${sql.table(table)} where id = any(${ids.map(String)}::${idType}[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.page]));
}

// Migration 0033: a claim (and every later update of a message or a report) writes a new version of the row. With
// room left on its page the version stays there and the WAL gets only the changed bytes; on a full page it moves,
// and the whole row, a report's payload included, goes to the WAL again.
describe('queue rows are updated on their own page (db/migrations/0033_update_room.ts)', () => {
  test('a claim leaves freshly filled pages of messages and of callback reports where they were', async ({ database, tenant }) => {
    const { db } = database;
    const ids = await accept(db, tenant, 200);
    const before = await pages(db, 'messages', ids);
    const firstPage = ids.filter((id) => before.get(id) === 0);
    assert.ok(firstPage.length > 10, `the first page holds many messages (${firstPage.length})`);

    const claimed = await claimDueMessages(db, 5, 10_000, [], [], 0);
    assert.equal(claimed.length, 5);
    const after = await pages(db, 'messages', claimed.map((m) => m.id));
    for (const m of claimed) assert.equal(after.get(m.id), before.get(m.id), `message ${m.id} stayed on page ${before.get(m.id)}`);

    await enqueueStatusCallbacks(db, ids);
    const { rows: reports } = await sql<{ id: string }>`select id::text as id from callback_outbox where message_id = any(${ids}::uuid[])`.execute(db);
    assert.equal(reports.length, 200);
    const reportsBefore = await pages(db, 'callback_outbox', reports.map((r) => r.id));
    const callbacks = await claimDueCallbacks(db, 3, 10_000);
    assert.equal(callbacks.length, 3);
    const reportsAfter = await pages(db, 'callback_outbox', callbacks.map((c) => c.id));
    for (const c of callbacks) assert.equal(reportsAfter.get(String(c.id)), reportsBefore.get(String(c.id)), `report ${c.id} stayed on its page`);
  });
});
