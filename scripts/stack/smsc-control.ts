import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '../../carriers/simulator/simulator.ts';

/**
 * A small HTTP control for the dev stack's SMPP simulator: `POST /replies` with `{ "from", "to", "text" }` makes
 * a handset reply (a mobile-originated deliver_sm) to the number `to`, as if a person had answered an SMS.
 */
export async function startSmscControl(simulator: Simulator, port: number) {
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url !== '/replies') return answer(404, { error: 'POST /replies { from, to, text }' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let reply: { from?: unknown; to?: unknown; text?: unknown };
      try {
        reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof reply;
      } catch {
        return answer(400, { error: 'the body is not JSON' });
      }
      const { from, to, text } = reply;
      if (typeof from !== 'string' || typeof to !== 'string' || typeof text !== 'string') {
        return answer(400, { error: 'from, to and text are required strings' });
      }
      simulator.sendReply({ from, to, text }).then(
        (acked) => answer(acked ? 202 : 503, { acked }),
        (err: unknown) => answer(500, { error: String(err) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
