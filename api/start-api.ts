import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { SecretBox } from '../domain/secret-box.ts';
import { createApp } from './app.ts';
import type { ScheduledSends } from './scheduled-sends.ts';

export interface StartApiOptions {
  db: Db;
  secrets: SecretBox;
  scheduledSends: ScheduledSends;
  logger: Logger;
  port: number;
  host?: string;
  now?: () => Date;
  defaultRequestsPerSecond?: number;
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
