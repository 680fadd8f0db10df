import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { listenForAccepted } from '../../worker/accepted-listener.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { waitFor } from '../support/wait.ts';

describe('the accepted-messages listener', () => {
  test('stopped while still connecting, it leaves no connection open; stopped once listening, neither', async ({ database }) => {
    // With `listening`, only a session whose last statement is its LISTEN, done: connected is not enough, since a
    // notification sent between the connection and the LISTEN reaches nobody.
    const listeners = async (listening = false) =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where application_name = 'tern-listener' and datname = current_database()
              ${listening ? sql`and state = 'idle' and query ilike 'listen %'` : sql``}`.execute(database.db)
        ).rows[0]?.n,
      );
    // Stopped at once: the connection is still being made.
    await listenForAccepted(database.url, () => undefined, testLogger).stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await listeners(), 0);

    let woken = 0;
    const listener = listenForAccepted(database.url, () => woken++, testLogger);
    await waitFor('the listener listening', async () => (await listeners(true)) === 1);
    await sql`select pg_notify('tern_messages_accepted', '')`.execute(database.db);
    await waitFor('a wake-up', () => woken > 0);
    await listener.stop();
    await waitFor('its connection closed', async () => (await listeners()) === 0);
  });
});
