// Input that cannot break: a NUL or another control character anywhere gets a 4xx with a stable code (never a
// 500), and values that reach a handset carry no hidden lines, direction marks or disguised dots.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { createOperator } from '../../db/operators.ts';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';
import { compatibleClient } from '../support/wsse-client.ts';

describe('bad input', () => {
  const stored = async (db: Db) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from messages`.execute(db)).rows[0]?.n);

  test('a NUL in a native send’s fields is a 4xx with a code, and stores nothing', async ({ database, api, tenant }) => {
    // Fields whose document pattern refuses it get the schema's 400; template values, checked by the template's
    // rules, a 422.
    const cases: [Record<string, unknown>, number, string][] = [
      [{ reference: 'order\u00007' }, 400, 'invalid_request'],
      [{ templateId: `${tenant.templates.code}\u0000` }, 400, 'invalid_request'],
      [{ params: ['42\u000042'] }, 422, 'param_invalid'],
      [{ signature: 'Tern\u0000测试' }, 400, 'invalid_request'],
    ];
    for (const [extra, status, code] of cases) {
      const res = await sendCode(api.url, tenant, ['+447400123456'], extra);
      expect(res.status, JSON.stringify(extra)).toBe(status);
      expect((await res.json()) as { code: string }).toMatchObject({ code });
    }
    expect(await stored(database.db)).toBe(0);
  });

  test('a NUL in credentials is an ordinary 401, in a path a 4xx, in an operator’s field a 400', async ({ database, api }) => {
    const basic = `Basic ${Buffer.from('app\u0000key:secret').toString('base64')}`;
    const unauthorized = await fetch(`${api.url}/v1/messages`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: '{}' });
    expect(unauthorized.status).toBe(401);

    const admin = `Bearer ${(await createOperator(database.db, 'nul', 'admin')).token}`;
    const tenant = await fetch(`${api.url}/v1/admin/tenants`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Acme\u0000Ltd' }),
    });
    expect(tenant.status).toBe(400);
    const path = await fetch(`${api.url}/v1/admin/carriers/sim%00x`, { headers: { authorization: admin } });
    expect(path.status).toBeGreaterThanOrEqual(400);
    expect(path.status).toBeLessThan(500);
  });

  test('the compatible API answers a NUL in extend or templateParas with its parameter error, not a system error', async ({ api, tenant }) => {
    const client = compatibleClient(api.url, tenant.appKey, tenant.appSecret);
    const fields = { from: tenant.from, to: '+447400123456', templateId: tenant.templates.code };
    const withExtend = await client.batchSendSms({ ...fields, templateParas: '["1"]', extend: 'x\u0000y' });
    expect([withExtend.status, withExtend.body.code]).toEqual([400, 'E000503']);
    const withParas = await client.batchSendSms({ ...fields, templateParas: '["1\\u0000"]' });
    expect(withParas.status).toBeLessThan(500);
    expect(withParas.body.code).not.toBe('E000000');
  });

  test.for([
    ['a fullwidth dot', 'evil．com'],
    ['an ideographic full stop', 'evil。com'],
    ['a newline', 'Ann\nCall +44 800'],
    ['a tab', 'Ann\tB'],
    ['an escape', 'Ann\u001b[31m'],
    ['a DEL', 'Ann\u007f'],
    ['a right-to-left override', 'Ann\u202Emoc.live'],
    ['a zero-width space', 'An\u200Bn'],
    ['a line separator', 'Ann\u2028Call'],
  ])('a value with %s is refused (param_invalid)', async ([, value], { database, api, tenant }) => {
    const before = await stored(database.db);
    const res = await sendCode(api.url, tenant, ['+447400123456'], { templateId: tenant.templates.notice, params: [value, 'P-1'] });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'param_invalid' });
    expect(await stored(database.db)).toBe(before);
  });

  test('ordinary values still go: Chinese names, fullwidth letters, spaces', async ({ api, tenant }) => {
    for (const value of ['张三', 'Ｊｏｈｎ', 'Mary Ann']) {
      const res = await sendCode(api.url, tenant, ['+447400123456'], { templateId: tenant.templates.notice, params: [value, 'P-2'] });
      expect(res.status, value).toBe(202);
    }
  });

  test('operator-set names and sender ids refuse control and invisible characters', async ({ database, api, tenant }) => {
    const admin = `Bearer ${(await createOperator(database.db, 'names', 'admin')).token}`;
    for (const body of [{ senderId: 'TERN\u202E' }, { name: 'App\nTwo' }]) {
      const res = await fetch(`${api.url}/v1/admin/apps/${tenant.appId}`, {
        method: 'PATCH',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});
