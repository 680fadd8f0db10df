import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkByPrefix } from '../../domain/mainland-networks.ts';
import type { DevCarrier } from './dev-carriers.ts';

type Answer = (status: number, body: unknown) => void;

/**
 * A small HTTP control for the dev stack's simulated SMSCs:
 * - `POST /replies` with `{ "from", "to", "text" }` makes a handset reply (a mobile-originated deliver_sm) to
 *   the number `to`, through the SMSC of the network of the handset's prefix (international handsets: intl-a);
 * - `POST /carriers/{id}/stop` and `/start` take one simulated SMSC down and bring it back, to watch failover;
 * - `GET /carriers` lists them with what each received.
 */
export async function startSmscControl(carriers: DevCarrier[], port: number) {
  const byId = new Map(carriers.map((c) => [c.id, c.simulator]));

  function reply(body: string, answer: Answer) {
    let parsed: { from?: unknown; to?: unknown; text?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return answer(400, { error: 'the body is not JSON' });
    }
    const { from, to, text } = parsed;
    if (typeof from !== 'string' || typeof to !== 'string' || typeof text !== 'string') {
      return answer(400, { error: 'from, to and text are required strings' });
    }
    const network = /^\+?86/.test(from) ? networkByPrefix(`+${from.replace(/^\+/, '')}`) : null;
    const simulator = byId.get(network ?? 'intl-a') ?? carriers[0]?.simulator;
    if (!simulator) return answer(503, { error: 'no simulated SMSC' });
    simulator.sendReply({ from, to, text }).then(
      (acked) => answer(acked ? 202 : 503, { acked, carrier: network ?? 'intl-a' }),
      (err: unknown) => answer(500, { error: String(err) }),
    );
  }

  function carrierAction(id: string, action: string, answer: Answer) {
    const simulator = byId.get(id);
    if (!simulator) return answer(404, { error: `no simulated SMSC ${id}; there are ${[...byId.keys()].join(', ')}` });
    const done = action === 'stop' ? simulator.stop() : simulator.start();
    done.then(
      () => answer(200, { carrier: id, running: action === 'start' }),
      (err: unknown) => answer(500, { error: String(err) }),
    );
  }

  const server = http.createServer((req, res) => {
    const answer: Answer = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const action = /^\/carriers\/([a-z0-9-]+)\/(stop|start)$/.exec(req.url ?? '');
    if (req.method === 'GET' && req.url === '/carriers') {
      return answer(200, carriers.map((c) => ({ id: c.id, port: c.simulator.port, received: c.simulator.stats().messages })));
    }
    if (req.method === 'POST' && action) return carrierAction(action[1] ?? '', action[2] ?? '', answer);
    if (req.method !== 'POST' || req.url !== '/replies') {
      return answer(404, { error: 'POST /replies { from, to, text } | POST /carriers/{id}/stop | POST /carriers/{id}/start | GET /carriers' });
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => reply(Buffer.concat(chunks).toString('utf8'), answer));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
