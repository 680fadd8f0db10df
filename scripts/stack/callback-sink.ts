import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCallback, type Verification } from '../../domain/callback-signing.ts';

export interface ReceivedCallback {
  at: string;
  path: string;
  contentType: string | undefined;
  /** The signature headers as received (`webhook-id`, `webhook-timestamp`, `webhook-signature`). */
  headers: Record<string, string>;
  /**
   * Whether the signature verifies with a trusted secret: `valid`, `unsigned`, `bad_signature` or `stale`;
   * `no_secret` when the sink trusts none.
   */
  signature: Verification | 'no_secret';
  body: unknown;
}

export interface CallbackSink {
  url: string;
  received(): ReceivedCallback[];
  /** Checks the signatures of what arrives from now on with this signing secret (as a receiver would). */
  trust(signingSecret: string): void;
  /** Answer the next `n` callbacks (to paths starting with `pathPrefix`) with 503, as a server that is down would. */
  failNext(n: number, pathPrefix?: string): void;
  close(): Promise<void>;
}

/**
 * A stand-in for a tenant's callback server: it records what it is sent (JSON or form bodies), with the signature
 * headers and whether they verify with the secrets it trusts, and shows it on GET. The dev stack points the demo app at it; tests use it to see the callbacks arrive over real HTTP.
 */
export async function startCallbackSink(options: { port?: number; host?: string; keep?: number } = {}): Promise<CallbackSink> {
  const keep = options.keep ?? 10_000;
  const received: ReceivedCallback[] = [];
  const trusted: string[] = [];
  let failures = { left: 0, pathPrefix: '' };
  /** The best verdict over the trusted secrets: a receiver that knows several (a rotation) tries each. */
  const verify = (headers: http.IncomingHttpHeaders, text: string): ReceivedCallback['signature'] => {
    if (trusted.length === 0) return headers['webhook-signature'] ? 'no_secret' : 'unsigned';
    const verdicts = trusted.map((secret) => verifyCallback(secret, headers, text));
    if (verdicts.includes('valid')) return 'valid';
    if (!headers['webhook-signature']) return 'unsigned';
    return verdicts.find((v) => v !== 'valid') ?? 'bad_signature';
  };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received.slice(-100), null, 2));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures.left > 0 && (req.url ?? '/').startsWith(failures.pathPrefix)) {
        failures.left--;
        res.writeHead(503).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const contentType = req.headers['content-type'];
      let body: unknown = text;
      if (contentType?.includes('json')) body = JSON.parse(text || 'null');
      else if (contentType?.includes('form')) body = Object.fromEntries(new URLSearchParams(text));
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].flatMap((name) => {
          const value = req.headers[name];
          return typeof value === 'string' ? [[name, value]] : [];
        }),
      );
      received.push({ at: new Date().toISOString(), path: req.url ?? '/', contentType, headers, signature: verify(req.headers, text), body });
      if (received.length > keep) received.splice(0, received.length - keep);
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks`,
    received: () => received,
    trust: (signingSecret) => void trusted.push(signingSecret),
    failNext: (n, pathPrefix = '') => void (failures = { left: n, pathPrefix }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
