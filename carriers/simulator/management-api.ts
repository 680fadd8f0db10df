import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UnblockStatus } from '../../domain/unblocking.ts';

export interface ManagementSimulatorOptions {
  port?: number;
  /** How long the carrier takes to act on an unblock request. Default 2 000 ms. */
  unblockDelayMs?: number;
  /** Numbers ending so are refused by the carrier. Default `9906`. */
  refusedSuffix?: string;
}

/**
 * The simulated carrier's management interface: unblock requests that are decided after a delay, refused for
 * numbers ending in `9906`. `POST /unblock-requests {number, reason}` → `{ticket}`; `GET /unblock-requests/{ticket}`
 * → `{status}`.
 */
export async function startManagementSimulator(options: ManagementSimulatorOptions = {}) {
  const delayMs = options.unblockDelayMs ?? 2_000;
  const refusedSuffix = options.refusedSuffix ?? '9906';
  const tickets = new Map<string, { number: string; decidedAt: number }>();
  const statusOf = (t: { number: string; decidedAt: number }): UnblockStatus =>
    Date.now() < t.decidedAt ? 'pending' : t.number.endsWith(refusedSuffix) ? 'refused' : 'unblocked';

  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const ticketPath = /^\/unblock-requests\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'POST' && req.url === '/unblock-requests') {
        let number: unknown;
        try {
          number = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { number?: unknown }).number;
        } catch {
          return answer(400, { error: 'the body is not JSON' });
        }
        if (typeof number !== 'string') return answer(400, { error: 'number is required' });
        const ticket = randomUUID();
        tickets.set(ticket, { number, decidedAt: Date.now() + delayMs });
        return answer(202, { ticket });
      }
      if (req.method === 'GET' && ticketPath?.[1]) {
        const ticket = tickets.get(decodeURIComponent(ticketPath[1]));
        return ticket ? answer(200, { status: statusOf(ticket) }) : answer(404, { error: 'no such ticket' });
      }
      return answer(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
