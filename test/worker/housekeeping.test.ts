import { sql } from 'kysely';
import { expect } from 'vitest';
import { parkedReceiptsKeptMs, startHousekeeping } from '../../worker/housekeeping.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { waitFor } from '../support/wait.ts';

describe('housekeeping', () => {
  test('receipts parked unmatched are deleted after the retention period; recent and pending ones stay', async ({ database }) => {
    const day = 24 * 3600_000;
    const receipt = (id: string, receivedAgoMs: number, parked: boolean) =>
      sql`insert into receipt_inbox (carrier, carrier_message_id, stat, err, raw, received_at, match_attempts, next_match_at)
          values ('sim', ${id}, 'DELIVRD', '000', '', ${new Date(Date.now() - receivedAgoMs)}, ${parked ? 30 : 1},
                  ${parked ? sql`'infinity'::timestamptz` : sql`now() + interval '1 hour'`})`.execute(database.db);
    await receipt('old-parked', parkedReceiptsKeptMs + day, true);
    await receipt('recent-parked', day, true);
    await receipt('old-pending', parkedReceiptsKeptMs + day, false);

    const housekeeping = startHousekeeping({ db: database.db, logger: testLogger, idleMs: 60_000 });
    const left = async () =>
      (await sql<{ id: string }>`select carrier_message_id as id from receipt_inbox order by id`.execute(database.db)).rows.map((r) => r.id);
    try {
      await waitFor('the old parked receipt deleted', async () => !(await left()).includes('old-parked'));
    } finally {
      await housekeeping.stop();
    }
    expect(await left()).toEqual(['old-pending', 'recent-parked']);
  });
});
