import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createOperator } from '../../db/operators.ts';
import { matchReceipts, storeReceipts } from '../../db/receipts.ts';
import { callApi } from '../support/http.ts';
import { describe, test } from '../support/fixtures.ts';

describe('receipts that match no sent part: retried, then parked and said so, listed for operators', () => {
  test('a receipt given up on is reported by the matching round and listed with its state; filters and cursor', async ({ database, api }) => {
    const operator = `Bearer ${(await createOperator(database.db, 'rita', 'operator')).token}`;
    const receivedAt = new Date();
    await storeReceipts(database.db, [
      { carrier: 'hexdec', carrierMessageId: '00A1B3E', stat: 'DELIVRD', err: '000', raw: 'id:662334 stat:DELIVRD', receivedAt },
      { carrier: 'other', carrierMessageId: 'x-1', stat: 'UNDELIV', err: '001', raw: 'id:x-1 stat:UNDELIV', receivedAt },
    ]);
    const first = await matchReceipts(database.db, 100);
    assert.deepEqual([first.seen, first.matched, first.parked], [2, 0, []]);

    // The last of its 30 attempts comes due (its back-off would take hours).
    await sql`update receipt_inbox set match_attempts = 29, next_match_at = now() where carrier = 'hexdec'`.execute(database.db);
    const last = await matchReceipts(database.db, 100);
    assert.deepEqual(last.parked, [{ carrier: 'hexdec', carrierMessageId: '00A1B3E' }]);

    const list = async (query = '') => {
      const res = await callApi(api.url, 'GET', `/v1/admin/receipts/unmatched${query}`, operator);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { receipts: { carrier: string; carrierMessageId: string; state: string; attempts: number; raw: string }[]; nextBefore: number | null };
    };
    const all = await list();
    assert.deepEqual(
      all.receipts.map((r) => [r.carrier, r.carrierMessageId, r.state, r.attempts]),
      [
        ['other', 'x-1', 'retrying', 1],
        ['hexdec', '00A1B3E', 'parked', 30],
      ],
    );
    assert.deepEqual((await list('?state=parked')).receipts.map((r) => r.raw), ['id:662334 stat:DELIVRD']);
    assert.deepEqual((await list('?carrier=other')).receipts.map((r) => r.carrierMessageId), ['x-1']);
    const page = await list('?limit=1');
    assert.equal(page.receipts.length, 1);
    assert.deepEqual((await list(`?limit=1&before=${String(page.nextBefore)}`)).receipts.map((r) => r.carrier), ['hexdec']);
    assert.equal((await callApi(api.url, 'GET', '/v1/admin/receipts/unmatched', 'Bearer nope')).status, 401);
  });
});
