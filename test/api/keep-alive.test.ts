import http from 'node:http';
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';

/** GET on a keep-alive agent; resolves with the local port of the connection it went on. */
function get(url: string, agent: http.Agent): Promise<{ status: number; localPort: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, localPort: req.socket?.localPort ?? 0 }));
    });
    req.on('error', reject);
  });
}

describe('keep-alive connections', () => {
  test('an idle connection outlives Node’s 5 s default, so a client sending on it then is not reset', async ({ api }) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(`${api.url}/healthz`, agent);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get(`${api.url}/healthz`, agent);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });
});
