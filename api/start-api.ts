import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type ApiDeps } from './app.ts';

export interface StartApiOptions extends ApiDeps {
  port: number;
  host?: string;
}

export interface RunningApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const app = createApp(options);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, (info: AddressInfo) => {
      const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
      resolve({
        url,
        port: info.port,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
