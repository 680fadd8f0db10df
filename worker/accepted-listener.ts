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
  /** The connection attempt under way: `stop` waits for it, so a client still connecting is not left open. */
  let connecting: Promise<void> | undefined;

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
      if (stopped) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
    } catch (err) {
      await c.end().catch(() => undefined);
      if (stopped) return;
      logger.warn({ err }, 'listener could not connect; retrying');
      scheduleReconnect();
    }
  }

  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connecting = connect();
    }, 1000);
  }

  connecting = connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await connecting;
      await client?.end().catch(() => undefined);
    },
  };
}
