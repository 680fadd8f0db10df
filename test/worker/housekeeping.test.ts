import { sql } from 'kysely';
import { expect } from 'vitest';
import { createUpload, finishUpload, storeUploadBatch } from '../../db/campaign-uploads.ts';
import { abandonedUploadMs, parkedReceiptsKeptMs, startHousekeeping } from '../../worker/housekeeping.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { createTestTenant } from '../support/tenant.ts';
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

describe('housekeeping of recipient lists', () => {
  test('a list abandoned mid-file (no rows for 15 minutes) is failed and its rows deleted; a live one and a finished one stay', async ({ database }) => {
    const tenant = await createTestTenant(database.db);
    const upload = async (touchedAgoMs: number, finished: boolean) => {
      const id = await createUpload(database.db, { tenantId: tenant.tenantId, appId: tenant.appId, name: 'list.csv', templateId: tenant.templates.code, signature: null });
      const recipient = { line: 2, recipient: '+447400111222', values: ['1'], segments: 1, country: 'GB', scope: 'international' as const };
      await storeUploadBatch(database.db, id, { read: 1, recipients: [recipient], errors: [] });
      if (finished) await finishUpload(database.db, id);
      await database.db.updateTable('campaign_uploads').set({ touched_at: new Date(Date.now() - touchedAgoMs) }).where('id', '=', id).execute();
      return id;
    };
    const abandoned = await upload(abandonedUploadMs + 60_000, false);
    const live = await upload(60_000, false);
    const finished = await upload(abandonedUploadMs * 4, true);

    const state = async (id: string) => {
      const row = await database.db.selectFrom('campaign_uploads').select(['status', 'error_code']).where('id', '=', id).executeTakeFirstOrThrow();
      const rows = await database.db.selectFrom('campaign_recipients').where('upload_id', '=', id).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return [row.status, row.error_code, Number(rows.n)];
    };
    const housekeeping = startHousekeeping({ db: database.db, logger: testLogger, idleMs: 60_000 });
    try {
      await waitFor('the abandoned list failed', async () => (await state(abandoned))[0] === 'failed');
    } finally {
      await housekeeping.stop();
    }
    expect(await state(abandoned)).toEqual(['failed', 'upload_interrupted', 0]);
    expect(await state(live)).toEqual(['receiving', null, 1]);
    expect(await state(finished)).toEqual(['ready', null, 1]);
  });
});
