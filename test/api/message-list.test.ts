import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { callApi } from '../support/http.ts';
import { sendCode } from '../support/messages.ts';
import { freshMainlandNumber } from '../support/numbers.ts';
import type { TestTenant } from '../support/tenant.ts';

interface Summary {
  id: string;
  requestId: string;
  to: string;
  templateId: string;
  status: string;
  error: { code: string } | null;
  carrier: string | null;
  createdAt: string;
}
interface Page {
  messages: Summary[];
  nextCursor: string | null;
}

/** Every page of `GET /v1/messages?query`, following the cursors; the ids in the order given. */
async function listAll(apiUrl: string, tenant: TestTenant, query: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1_000; pages++) {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const { status, body } = await callApi(apiUrl, 'GET', `/v1/messages?${params}`, tenant.authorization);
    assert.equal(status, 200, JSON.stringify(body));
    const page = body as unknown as Page;
    assert.ok(page.messages.length <= limit);
    ids.push(...page.messages.map((m) => m.id));
    cursor = page.nextCursor;
    if (cursor === null) return ids;
    assert.equal(page.messages.length, limit, 'a page before the last is full');
  }
  throw new Error('more than 1,000 pages');
}

describe('GET /v1/messages: sending details', () => {
  test('pages through every message of the tenant once, newest first, with any mix of filters', async ({ api, database, tenant, otherTenant }) => {
    const { db } = database;
    // Requests of several recipients (one accept time each, so the order within one rests on the id), mainland and
    // international, and some of another tenant's.
    const requests: string[] = [];
    for (const to of [
      [freshMainlandNumber(), freshMainlandNumber(), freshMainlandNumber()],
      ['+447400123401', '+447400123402'],
      [freshMainlandNumber()],
      Array.from({ length: 7 }, () => freshMainlandNumber()),
      ['+85291230001', '+447400123403', '+447400123404'],
    ]) {
      const res = await sendCode(api.url, tenant, to);
      assert.equal(res.status, 202);
      requests.push(((await res.json()) as { requestId: string }).requestId);
    }
    assert.equal((await sendCode(api.url, otherTenant, ['+447400123498', '+447400123499'])).status, 202);
    // Outcomes as the hot path would leave them.
    await sql`update messages set status = 'delivered', carrier = 'cmcc', submitted_at = now(), completed_at = now()
      where tenant_id = ${tenant.tenantId} and recipient like '+86%' and request_id <> ${requests[3]}::uuid`.execute(db);
    await sql`update messages set status = 'undelivered', carrier = 'intl-1', error_code = 'UNDELIV', error_message = 'the handset is off'
      where tenant_id = ${tenant.tenantId} and recipient like '+44%'`.execute(db);

    // The reference: the tenant's rows, newest first, filtered here.
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'request_id', 'recipient', 'template_id', 'status', 'carrier', 'error_code', 'created_at', 'country', 'region', 'signature'])
      .where('tenant_id', '=', tenant.tenantId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    assert.equal(rows.length, 16);
    // Written at accept: the recipient's country, the template's region, a mainland message's signature.
    assert.deepEqual(new Set(rows.map((r) => `${r.country} ${r.region} ${r.signature}`)), new Set(['CN mainland Tern测试', 'GB international null', 'HK international null']));
    const middle = rows[8]?.created_at as Date;
    const cases: [Record<string, string>, (r: (typeof rows)[number]) => boolean][] = [
      [{}, () => true],
      [{ status: 'delivered' }, (r) => r.status === 'delivered'],
      [{ status: 'accepted,undelivered' }, (r) => r.status === 'accepted' || r.status === 'undelivered'],
      [{ templateId: tenant.templates.code }, (r) => r.template_id === tenant.templates.code],
      [{ requestId: requests[3] as string }, (r) => r.request_id === requests[3]],
      [{ to: '+447400123402' }, (r) => r.recipient === '+447400123402'],
      [{ toPrefix: '+44' }, (r) => r.recipient.startsWith('+44')],
      [{ toPrefix: '+86', status: 'delivered' }, (r) => r.recipient.startsWith('+86') && r.status === 'delivered'],
      [{ carrier: 'intl-1' }, (r) => r.carrier === 'intl-1'],
      [{ errorCode: 'UNDELIV' }, (r) => r.error_code === 'UNDELIV'],
      [{ since: middle.toISOString() }, (r) => r.created_at >= middle],
      [{ until: middle.toISOString() }, (r) => r.created_at < middle],
      [{ campaignId: '00000000-0000-4000-8000-000000000000' }, () => false],
      [{ country: 'GB' }, (r) => r.country === 'GB'],
      [{ region: 'international', status: 'accepted' }, (r) => r.region === 'international' && r.status === 'accepted'],
      [{ signature: tenant.signature }, (r) => r.signature === tenant.signature],
    ];
    for (const [query, keep] of cases) {
      const expected = rows.filter(keep).map((r) => r.id);
      for (const limit of [1, 3, 50]) {
        expect(await listAll(api.url, tenant, query, limit), `${JSON.stringify(query)}, ${limit} a page`).toEqual(expected);
      }
    }
    // The other tenant sees its own two only.
    const theirs = await listAll(api.url, otherTenant, {}, 10);
    assert.equal(theirs.length, 2);
    assert.ok(theirs.every((id) => !rows.some((r) => r.id === id)));
  });

  test('a page shows what a message is: its recipient, template, state, error and times', async ({ api, tenant }) => {
    const res = await sendCode(api.url, tenant, ['+447400123450'], { reference: 'order-77' });
    const { requestId } = (await res.json()) as { requestId: string };
    const { status, body } = await callApi(api.url, 'GET', `/v1/messages?requestId=${requestId}`, tenant.authorization);
    assert.equal(status, 200);
    const [message] = (body as unknown as Page).messages as (Summary & Record<string, unknown>)[];
    assert.ok(message);
    expect(message).toMatchObject({ requestId, to: '+447400123450', from: tenant.from, templateId: tenant.templates.code, status: 'accepted', error: null, reference: 'order-77', segments: 1, campaignId: null, submittedAt: null, country: 'GB', region: 'international', signature: null });
    assert.ok(Math.abs(Date.parse(message.createdAt) - Date.now()) < 60_000);
  });

  test('bad filters and foreign cursors are refused with a code that says which, never a server error', async ({ api, tenant }) => {
    const get = (query: string) => callApi(api.url, 'GET', `/v1/messages?${query}`, tenant.authorization);
    for (const [query, code] of [
      ['cursor=bm90LWEtY3Vyc29y', 'invalid_cursor'],
      [`cursor=${Buffer.from('1.2.3').toString('base64url')}`, 'invalid_cursor'],
      [`cursor=${Buffer.from('99999999999999999.00000000-0000-4000-8000-000000000000').toString('base64url')}`, 'invalid_cursor'],
      ['cursor=a%2Bb', 'invalid_request'],
      ['since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z', 'invalid_time_range'],
      ['status=sent', 'invalid_request'],
      ['status=delivered,', 'invalid_request'],
      ['limit=0', 'invalid_request'],
      ['limit=501', 'invalid_request'],
      ['toPrefix=%2B86%25', 'invalid_request'],
      ['to=13800138000', 'invalid_request'],
      ['since=yesterday', 'invalid_request'],
      ['campaignId=1', 'invalid_request'],
      ['country=gb', 'invalid_request'],
      ['region=moon', 'invalid_request'],
    ] as const) {
      const { status, body } = await get(query);
      // A malformed parameter is a 400; a well-formed one that breaks a rule (a cursor from elsewhere, an empty
      // range) a 422.
      assert.equal(status, code === 'invalid_request' ? 400 : 422, query);
      assert.equal(body.code, code, `${query}: ${JSON.stringify(body)}`);
      assert.equal(typeof body.message, 'string');
    }
    const { status } = await callApi(api.url, 'GET', '/v1/messages', 'Basic bm9ib2R5Om5vdGhpbmc=');
    assert.equal(status, 401);
  });

  test('an export is every message the filters match, newest first, across its pages, with a byte order mark when asked', async ({ api, database, otherTenant }) => {
    // The other tenant's file: 1,250 messages in two requests (pages of the export: test/api/message-export-pages.test.ts).
    for (const count of [1_000, 250]) {
      const to = Array.from({ length: count }, (_, i) => `+4474${String(count).padStart(4, '0')}${String(i).padStart(4, '0')}`);
      assert.equal((await sendCode(api.url, otherTenant, to)).status, 202);
    }
    await sql`update messages set status = 'undelivered', error_code = 'UNDELIV', error_message = 'said "no", then hung up'
      where tenant_id = ${otherTenant.tenantId} and recipient like '+44740250%'`.execute(database.db);
    const exported = async (query: string) => {
      const res = await fetch(`${api.url}/v1/messages/export?${query}`, { headers: { authorization: otherTenant.authorization } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="messages-\d{4}-\d{2}-\d{2}\.csv"/);
      return Buffer.from(await res.arrayBuffer());
    };
    const expected = (
      await database.db.selectFrom('messages').select(['id', 'recipient']).where('tenant_id', '=', otherTenant.tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    );
    assert.ok(expected.length >= 1_250);

    const plain = await exported('');
    assert.notEqual(plain[0], 0xef, 'no byte order mark unless asked');
    const records = parse(plain, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(records[0] ?? {}), ['id', 'request_id', 'to', 'from', 'template_id', 'segments', 'status', 'error_code', 'error_message', 'reference', 'carrier', 'campaign_id', 'send_at', 'created_at', 'submitted_at', 'completed_at', 'country', 'region', 'signature']);
    assert.deepEqual(records.map((r) => r.id), expected.map((r) => r.id), 'each message once, in the list’s order, across pages');
    // A spreadsheet would run `+44…` as a formula: the cell says it is text.
    assert.deepEqual(records.map((r) => r.to), expected.map((r) => `'${r.recipient}`));

    const filtered = parse(await exported('errorCode=UNDELIV&bom=true'), { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(filtered.length, 250);
    assert.ok(filtered.every((r) => r.status === 'undelivered' && r.error_message === 'said "no", then hung up'));
    const withBom = await exported('errorCode=UNDELIV&bom=true');
    assert.deepEqual([...withBom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    const refused = await fetch(`${api.url}/v1/messages/export?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z`, { headers: { authorization: otherTenant.authorization } });
    assert.equal(refused.status, 422);
    assert.equal(((await refused.json()) as { code: string }).code, 'invalid_time_range');
  });
});
