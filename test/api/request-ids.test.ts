import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, expect } from 'vitest';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';
import { noScheduling } from '../support/scheduling.ts';
import { testSecrets } from '../support/secrets.ts';

describe('request ids and the access log', () => {
  const lines: Record<string, unknown>[] = [];
  let api: RunningApi | undefined;
  afterAll(async () => api?.stop());

  test('every answer names its request; errors quote it; the access log has a line per request, without secrets', async ({ database, tenant }) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    api = await startApi({ db: database.db, secrets: testSecrets, scheduledSends: noScheduling, logger: pino({ level: 'info' }, sink), port: 0 });

    const sent = await sendCode(api.url, tenant, ['+447400123456']);
    expect(sent.status).toBe(202);
    const id = sent.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await sendCode(api.url, tenant, ['+447400123456'], { templateId: 'nope' });
    const body = (await refused.json()) as { code: string; requestId: string };
    expect(body.code).toBe('template_not_found');
    expect(body.requestId).toBe(refused.headers.get('x-request-id'));

    const given = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'client-chosen-42' } });
    expect(given.headers.get('x-request-id')).toBe('client-chosen-42');

    await new Promise((resolve) => setTimeout(resolve, 50));
    const access = lines.filter((l) => l.msg === 'request');
    const ofSend = access.find((l) => l.requestId === id);
    expect(ofSend).toMatchObject({ method: 'POST', path: '/v1/messages', status: 202, appId: tenant.appId, component: 'access' });
    expect(typeof ofSend?.durationMs).toBe('number');
    expect(access.find((l) => l.requestId === body.requestId)).toMatchObject({ status: 404 });
    expect(access.find((l) => l.requestId === 'client-chosen-42')).toMatchObject({ path: '/healthz', status: 200 });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(tenant.appSecret);
    expect(logged).not.toContain(tenant.authorization.slice(6));
  });
});
