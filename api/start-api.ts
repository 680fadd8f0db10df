import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApi, type ApiDeps } from './app.ts';

export interface StartApiOptions extends ApiDeps {
  port: number;
  host?: string;
}

export interface RunningApi {
  url: string;
  port: number;
  /**
   * Drains and stops (SIGTERM on a deploy): stops accepting connections; answers every request in flight and any
   * that arrives on an open keep-alive connection within `lingerMs` (default 500 ms), each with `Connection: close`;
   * then closes the idle connections, cuts what is still running after `graceMs` (default 10 s), and resolves once
   * every connection has ended. A client whose request was cut or refused knows nothing of it was stored.
   */
  stop(options?: { graceMs?: number; lingerMs?: number }): Promise<void>;
}

export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const app = createApi(options);
  let draining = false;
  const fetch = async (request: Request, ...rest: unknown[]) => {
    const response = await app.fetch(request, ...(rest as []));
    // The client must not send its next request on this connection: it is about to close.
    if (draining) response.headers.set('connection', 'close');
    return response;
  };
  return new Promise((resolve) => {
    const server: ReturnType<typeof serve> = serve({ fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, (info: AddressInfo) => {
      const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
      resolve({
        url,
        port: info.port,
        stop: ({ graceMs = 10_000, lingerMs = 500 } = {}) =>
          new Promise<void>((done) => {
            draining = true;
            const started = Date.now();
            const http = 'closeIdleConnections' in server ? server : undefined;
            const drain = setInterval(() => {
              const waited = Date.now() - started;
              if (waited > lingerMs) http?.closeIdleConnections();
              if (waited > graceMs) http?.closeAllConnections();
            }, 50);
            server.close(() => {
              clearInterval(drain);
              done();
            });
          }),
      });
    });
    // Node closes a keep-alive connection after 5 s idle, and a client that sends on it just then gets ECONNRESET.
    // Idle connections stay open longer than clients and load balancers keep theirs (commonly 60 s), so that they
    // are the ones to close them.
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = keepAliveMs;
      server.headersTimeout = keepAliveMs + 1_000;
    }
  });
}

const keepAliveMs = 65_000;
