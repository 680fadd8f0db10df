import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { callApi } from '../support/http.ts';
import { describe, test } from '../support/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('the ledger check (`npm run tern -- ledger check`) and the ledger that cannot be rewritten', () => {
  const check = (url: string) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/tern-cli.ts', 'ledger', 'check'], { cwd: root, env: { ...process.env, DATABASE_URL: url } }).then(
      (ok) => ({ code: 0, out: ok.stdout }),
      (err: { code: number; stderr: string }) => ({ code: err.code, out: err.stderr }),
    );

  test('green on a consistent ledger; a message charged twice turns it red, naming the rule', async ({ database, api, tenant }) => {
    const sent = await callApi(api.url, 'POST', '/v1/messages', tenant.authorization, { to: ['+14155550001', '+14155550002'], templateId: tenant.templates.code, params: ['1'] });
    assert.equal(sent.status, 202);
    const green = await check(database.url);
    assert.equal(green.code, 0, green.out);
    assert.match(green.out, /every rule holds \(0 packages, 2 charges, 0 refunds over 2 messages\)/);

    // A charge made twice: the second row of the same message, written behind the charge function's back.
    const [first] = await database.db.selectFrom('billing_ledger').selectAll().orderBy('id').limit(1).execute();
    assert.ok(first);
    await database.db
      .insertInto('billing_ledger')
      .values({ tenant_id: first.tenant_id, at: first.at, kind: 'charge', message_id: first.message_id, package_id: null, scope: first.scope, country: first.country, segments: 1, amount: first.amount, currency: first.currency, price_version: first.price_version, refund_of: null })
      .execute();
    const red = await check(database.url);
    assert.equal(red.code, 1);
    assert.match(red.out, /every message is charged exactly its segments \(none free, none twice\): 1 broken/);

    // Rows cannot be changed or removed to hide it: a correction is a new row.
    await assert.rejects(sql`update billing_ledger set segments = 2`.execute(database.db), /append-only/);
    await assert.rejects(sql`delete from billing_ledger`.execute(database.db), /append-only/);
    // The test's own row is taken out (as the owner, with the guard off) so the database's final check passes.
    await sql`alter table billing_ledger disable trigger billing_ledger_append_only`.execute(database.db);
    await sql`delete from billing_ledger where id = (select max(id) from billing_ledger)`.execute(database.db);
    await sql`alter table billing_ledger enable trigger billing_ledger_append_only`.execute(database.db);
    assert.equal((await check(database.url)).code, 0);
  });
});
