import assert from 'node:assert/strict';
import { newMessageId } from '../../domain/message-ids.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { claimDueMessages } from '../../db/dispatch-queue.ts';
import { chargeInput } from '../../db/billing-charge.ts';
import { insertAcceptedRequests, type AcceptedRequest } from '../../db/messages.ts';
import { describe, test } from '../support/fixtures.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestTenant } from '../support/tenant.ts';

/** A request of `count` messages, due at `due`; a campaign's when `campaignId` is given. */
function request(tenant: TestTenant, count: number, due: Date, campaignId: string | null): AcceptedRequest {
  const ids = Array.from({ length: count }, () => newMessageId());
  return {
    request: { id: newMessageId(), tenantId: tenant.tenantId, appId: tenant.appId, idempotencyKey: undefined, requestHash: 'h', response: null, sendAt: undefined },
    batch: {
      status: 'accepted',
      reference: null,
      callbackUrl: null,
      nextAttemptAt: due,
      surface: 'native',
      campaignId,
      groups: [{ templateId: tenant.templates.mainlandCode, region: 'mainland' as const, signature: null, sender: '106', body: 'x', encoding: 'gsm7', segments: 1, ids, recipients: ids.map(() => freshMainlandNumber()), countries: ids.map(() => 'CN') }],
    },
  };
}

/** Stored as an accept stores it: charged, so that the ledger adds up. */
async function store(db: Parameters<typeof insertAcceptedRequests>[0], tenant: TestTenant, accepted: AcceptedRequest) {
  const ids = accepted.batch.groups.flatMap((g) => g.ids);
  const charge = chargeInput(tenant.tenantId, ids.map((id) => ({ id, scope: 'mainland' as const, country: 'CN', segments: 1 })), new Date());
  await insertAcceptedRequests(db, tenant.tenantId, [accepted], { notify: false, charge });
}

describe('claim lanes: the API’s messages before campaigns’ (db/dispatch-queue.ts)', () => {
  test('a verification code accepted after a campaign’s backlog is claimed first; campaigns get the room left, at most their share', async ({ database, tenant }) => {
    const campaignId = randomUUID();
    const earlier = new Date(Date.now() - 60_000);
    await store(database.db, tenant, request(tenant, 300, earlier, campaignId));
    const code = request(tenant, 1, new Date(), null);
    await store(database.db, tenant, code);
    const codeId = code.batch.groups[0]?.ids[0];

    const round = await claimDueMessages(database.db, 50, 10_000, [], [], 20);
    assert.equal(round[0]?.id, codeId, 'the API’s message first, though the campaign’s are older');
    assert.equal(round[0]?.from_campaign, false);
    assert.equal(round.length, 21, 'one code and 20 campaign messages: the campaigns’ share');
    assert.ok(round.slice(1).every((m) => m.from_campaign));

    const next = await claimDueMessages(database.db, 50, 10_000, [], [], 100);
    assert.equal(next.length, 50, 'with no API message due, campaigns fill the round');
    const none = await claimDueMessages(database.db, 50, 10_000, [], [], 0);
    assert.equal(none.length, 0, 'no campaign room, nothing of theirs');

    // API messages take the round's room first: what they leave is all the campaigns get, whatever their share.
    const burst = request(tenant, 45, new Date(), null);
    await store(database.db, tenant, burst);
    const shared = await claimDueMessages(database.db, 50, 10_000, [], [], 20);
    assert.equal(shared.length, 50, 'the round is full');
    assert.equal(shared.filter((m) => !m.from_campaign).length, 45, 'every API message due');
    assert.ok(shared.slice(0, 45).every((m) => !m.from_campaign), 'the API’s first in the answer');

    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from messages where status = 'accepted' and next_attempt_at <= now() and campaign_id is not null order by next_attempt_at limit 10`.execute(database.db);
    assert.match(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), /messages_campaign_queue/, 'the campaigns’ lane has its own index');
  });
});
