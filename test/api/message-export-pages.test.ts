// The export's pages as Postgres writes them (db/message-export-pages.ts): page after page, every message once, the
// cells a spreadsheet or a CSV reader could misread quoted or guarded, the filters' values never read as SQL.
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { ListPosition } from '../../db/list-position.ts';
import { copyExportPage, messageExportColumns, messageExportHeader } from '../../db/message-export-pages.ts';
import type { MessageFilters } from '../../db/message-list.ts';
import { connectDb, type Db } from '../../db/connect.ts';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';

async function wholeFile(db: Db, tenantId: string, filters: MessageFilters, pageSize: number) {
  const pages: Buffer[] = [messageExportHeader(false)];
  let after: ListPosition | undefined;
  let rows = 0;
  for (;;) {
    const page = await copyExportPage(db, tenantId, filters, pageSize, after);
    pages.push(page.csv);
    rows += page.rows;
    if (page.rows < pageSize) break;
    after = page.last;
  }
  return { records: parse(Buffer.concat(pages), { columns: true }) as Record<string, string>[], rows };
}

describe('the export’s pages, written by Postgres', () => {
  test('page after page, every message once in the list’s order, with awkward cells quoted and formulas guarded', async ({ api, database, tenant }) => {
    const { db } = database;
    const to = Array.from({ length: 23 }, (_, i) => `+4475${String(i).padStart(8, '0')}`);
    assert.equal((await sendCode(api.url, tenant, to)).status, 202);
    const ids = (await db.selectFrom('messages').select('id').where('tenant_id', '=', tenant.tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id);
    const awkward = ['line one\nline two', 'a, b and "c"', '=HYPERLINK("http://x")', '', '@SUM(A1)', 'plain'];
    for (const [i, reference] of awkward.entries()) {
      await sql`update messages set reference = ${reference}, error_message = ${i === 0 ? 'said "no"\r\nthen hung up' : null} where id = ${ids[i * 3]}::uuid`.execute(db);
    }

    for (const pageSize of [1, 4, 23, 100]) {
      const { records, rows } = await wholeFile(db, tenant.tenantId, {}, pageSize);
      assert.equal(rows, ids.length, `rows counted with pages of ${pageSize}`);
      assert.deepEqual(records.map((r) => r.id), ids, `each message once, newest first, with pages of ${pageSize}`);
      assert.deepEqual(Object.keys(records[0] ?? {}), [...messageExportColumns]);
    }
    // Times are written in UTC whatever zone the database's sessions start in.
    const shanghai = connectDb({ connectionString: database.url, max: 1, settings: { TimeZone: 'Asia/Shanghai' } });
    const { records } = await wholeFile(shanghai, tenant.tenantId, {}, 5).finally(() => shanghai.destroy());
    const byId = new Map(records.map((r) => [r.id, r]));
    assert.deepEqual(
      awkward.map((_, i) => byId.get(ids[i * 3] ?? '')?.reference),
      ['line one\nline two', 'a, b and "c"', `'=HYPERLINK("http://x")`, '', `'@SUM(A1)`, 'plain'],
    );
    assert.equal(byId.get(ids[0] ?? '')?.error_message, 'said "no"\r\nthen hung up');
    assert.ok(records.every((r) => r.to?.startsWith(`'+4475`)), 'a number starting with + is text to a spreadsheet');
    const row = await db.selectFrom('messages').selectAll().where('id', '=', ids[1] ?? '').executeTakeFirstOrThrow();
    const written = byId.get(row.id)?.created_at ?? '';
    assert.match(written, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00$/, 'Postgres’s ISO style, in UTC');
    assert.equal(Date.parse(written.replace(' ', 'T').replace('+00', 'Z')), row.created_at.getTime());
    assert.equal(byId.get(row.id)?.segments, String(row.segments));
  });

  test('a filter’s value is a value, whatever quotes and backslashes it holds', async ({ api, database, tenant }) => {
    const { db } = database;
    assert.equal((await sendCode(api.url, tenant, ['+447500000101', '+447500000102'])).status, 202);
    const [one] = await db.selectFrom('messages').select('id').where('tenant_id', '=', tenant.tenantId).orderBy('id').execute();
    const hostile = `O'Brien\\' or true; drop table messages; --`;
    await sql`update messages set signature = ${hostile} where id = ${one?.id}::uuid`.execute(db);
    const { records } = await wholeFile(db, tenant.tenantId, { signature: hostile }, 10);
    assert.deepEqual(records.map((r) => [r.id, r.signature]), [[one?.id, hostile]]);
    assert.equal((await wholeFile(db, tenant.tenantId, { signature: `x' or 'a' = 'a` }, 10)).records.length, 0);
    assert.equal((await wholeFile(db, tenant.tenantId, { since: new Date(Date.now() - 3600_000), to: '+447500000102' }, 10)).records.length, 1);
  });

});
