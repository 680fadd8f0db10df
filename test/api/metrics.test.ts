import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { sendCode } from '../support/messages.ts';

describe('/metrics', () => {
  test('counts requests by method, route pattern and status, with their latency, in the Prometheus format', async ({ api, tenant }) => {
    expect((await sendCode(api.url, tenant, ['+447400123456'])).status).toBe(202);
    const sent = (await (await sendCode(api.url, tenant, ['+447400123457'])).json()) as { messages: { id: string }[] };
    await fetch(`${api.url}/v1/messages/${sent.messages[0]?.id}`, { headers: { authorization: tenant.authorization } });
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/tern_http_requests_total\{method="POST",route="\/v1\/messages",status="202"\} 2/);
    expect(text).toMatch(/tern_http_requests_total\{method="GET",route="\/v1\/messages\/:id",status="200"\} 1/);
    expect(text).toMatch(/tern_http_request_duration_seconds_bucket\{le="0.5",method="POST",route="\/v1\/messages"\} \d+/);
    expect(text).toContain('tern_api_process_resident_memory_bytes');
    expect(text).not.toContain(sent.messages[0]?.id ?? 'x');
  });
});
