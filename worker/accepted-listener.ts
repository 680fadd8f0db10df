import pg from 'pg';
import type { Logger } from 'pino';
import { acceptedChannel } from '../db/messages.ts';

/**
 * LISTENs for newly accepted messages and wakes the dispatcher, so a verification code leaves in milliseconds
 * rather than at the next poll. Polling stays as the safety net: a lost connection only costs latency.
 */
export function listenForAccepted(connectionString: string, onAccepted: () => void, logger: Logger) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString, application_name: 'tern-listener' });
    c.on('notification', onAccepted);
    c.on('error', (err) => {
      logger.warn({ err }, 'listener connection lost; reconnecting');
      void c.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await c.connect();
      await c.query(`listen ${acceptedChannel}`);
      client = c;
    } catch (err) {
      logger.warn({ err }, 'listener could not connect; retrying');
      void c.end().catch(() => undefined);
      scheduleReconnect();
    }
  }

  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, 1000);
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
