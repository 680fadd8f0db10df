import { sql } from 'kysely';
import { expect } from 'vitest';
import { createOperator } from '../../db/operators.ts';
import { beginSuspension } from '../../db/traffic.ts';
import { describe, test } from '../support/fixtures.ts';

describe('what operators watch across tenants: failovers and suspensions', () => {
  test('the latest failovers, newest first and by carrier; suspensions in force with their tenant; operators only', async ({ database, api, tenant }) => {
    const operator = await createOperator(database.db, 'watcher', 'operator');
    const reviewer = await createOperator(database.db, 'reader', 'reviewer');
    const get = async (token: string, path: string) => {
      const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const sent = await fetch(`${api.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ to: ['+447400123456'], templateId: tenant.templates.code, params: ['1'] }),
    });
    const messageId = ((await sent.json()) as { messages: { id: string }[] }).messages[0]?.id ?? '';
    const now = Date.now();
    await sql`insert into message_failovers (message_id, at, carrier, code, reason) values
      (${messageId}, ${new Date(now - 60_000)}, 'intl-a', 'BIND_UNAVAILABLE', 'no bind is up'),
      (${messageId}, ${new Date(now - 1_000)}, 'intl-b', 'THROTTLED', 'the carrier asked to slow down'),
      (${messageId}, ${new Date(now - 9 * 86_400_000)}, 'intl-a', 'OLD', 'over a week ago')`.execute(database.db);

    const all = await get(operator.token, '/v1/admin/failovers');
    expect(all.status).toBe(200);
    expect((all.body.failovers as { carrier: string; code: string }[]).map((f) => [f.carrier, f.code])).toEqual([
      ['intl-b', 'THROTTLED'],
      ['intl-a', 'BIND_UNAVAILABLE'],
    ]);
    const one = await get(operator.token, '/v1/admin/failovers?carrier=intl-a&limit=5');
    expect((one.body.failovers as { messageId: string }[]).map((f) => f.messageId)).toEqual([messageId]);

    expect((await get(operator.token, '/v1/admin/suspensions')).body).toEqual({ suspensions: [] });
    const start = new Date(Math.floor(now / 86_400_000) * 86_400_000);
    await beginSuspension(database.db, { tenantId: tenant.tenantId, period: 'day', periodStart: start, until: new Date(start.getTime() + 86_400_000), reason: 'daily limit of 10 reached' });
    const suspended = await get(operator.token, '/v1/admin/suspensions');
    expect(suspended.body.suspensions).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, tenantName: 'Test Co', period: 'day', reason: 'daily limit of 10 reached' })]);

    expect((await get(reviewer.token, '/v1/admin/failovers')).status).toBe(403);
    expect((await get(reviewer.token, '/v1/admin/suspensions')).status).toBe(403);
  });
});
