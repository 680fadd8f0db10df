// Guessing credentials is throttled: after a burst of failures from one address, every further attempt (the right
// secret included, so a guesser learns nothing) gets 429 with Retry-After, on every surface, before any lookup.
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';
import { compatibleClient } from '../support/wsse-client.ts';

describe('failed authentication is throttled', () => {
  test('a key gets 10 wrong secrets, an address 20 failures; then 429 with Retry-After on every surface', async ({ api, tenant }) => {
    const basic = (key: string, secret: string) => ({ ...tenant, authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` });
    const statuses = async (n: number, as: (i: number) => typeof tenant) => {
      const seen: number[] = [];
      for (let i = 0; i < n; i++) seen.push((await sendCode(api.url, as(i), ['+447400123456'])).status);
      return seen;
    };
    // Per key: ten guesses at the tenant's secret.
    expect(await statuses(12, () => basic(tenant.appKey, 'not-the-secret'))).toEqual([...Array(10).fill(401), 429, 429]);
    // Per address: ten more failures with keys nobody has make twenty, and the address is held up.
    expect(await statuses(12, (i) => basic(`unknown${i}`, 'x'))).toEqual([...Array(10).fill(401), 429, 429]);

    const right = await sendCode(api.url, tenant, ['+447400123456']);
    expect(right.status, 'the right secret waits too: a guesser cannot tell').toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await right.json()).toMatchObject({ code: 'too_many_failed_attempts' });

    const compatible = await compatibleClient(api.url, tenant.appKey, tenant.appSecret).batchSendSms({ from: tenant.from, to: '+447400123456', templateId: tenant.templates.code, templateParas: '["1"]' });
    expect([compatible.status, compatible.body.code]).toEqual([429, 'E000429']);
    const operator = await fetch(`${api.url}/v1/admin/tenants`, { headers: { authorization: 'Bearer ternop_guess' } });
    expect(operator.status).toBe(429);
  });
});
