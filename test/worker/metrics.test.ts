import { expect } from 'vitest';
import { singleCarrier } from '../../carriers/routing.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { startSimulator } from '../../carriers/simulator/simulator.ts';
import { startCallbackSink } from '../../scripts/stack/callback-sink.ts';
import { startHotPath } from '../../worker/hot-path.ts';
import { serveMetrics, workerMetrics } from '../../worker/metrics.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import { sendCode } from '../support/messages.ts';
import { testSecrets } from '../support/secrets.ts';
import { waitFor } from '../support/wait.ts';

describe('worker metrics', () => {
  test('queue depth and age, dispatch outcomes, callback attempts and bind states, in the Prometheus format', async ({ database, api, tenant }) => {
    const [simulator, sink] = await Promise.all([startSimulator({ receiptDelayMs: 10 }), startCallbackSink()]);
    const bind = createSmppBind({ name: 'sim', host: '127.0.0.1', port: simulator.port, systemId: 'tern', password: 'tern', logger: testLogger });
    const carriers = singleCarrier(bind);
    const metrics = workerMetrics(database.db, carriers);
    const server = await serveMetrics(metrics.registry, 0, '127.0.0.1');
    const scrape = async () => (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    try {
      // Queued before any worker runs: the depth shows them waiting.
      const res = await sendCode(api.url, tenant, ['+447400200001', '+447400200002', '+447400200003'], { callbackUrl: sink.url });
      expect(res.status).toBe(202);
      expect(await scrape()).toMatch(/tern_queue_messages\{status="accepted"\} 3/);

      const hotPath = startHotPath({ db: database.db, secrets: testSecrets, databaseUrl: database.url, carriers, logger: testLogger, metrics });
      try {
        await waitFor('three reports', () => sink.received().length >= 3);
        await waitFor('the counters', async () => /tern_callback_attempts_total\{outcome="delivered",failure=""\} 3/.test(await scrape()));
        // The queue figures of one scrape are read once and shared for 200 ms: the next reading is a fresh one.
        await new Promise((resolve) => setTimeout(resolve, 250));
        const text = await scrape();
        expect(text).toMatch(/tern_dispatch_outcomes_total\{outcome="submitted"\} 3/);
        expect(text).toMatch(/tern_queue_messages\{status="accepted"\} 0/);
        expect(text).toMatch(/tern_carrier_bound\{carrier="sim"\} 1/);
        expect(text).toMatch(/tern_callback_backlog 0/);
        expect(text).toMatch(/tern_receipts_unmatched\{state="parked"\} 0/);
      } finally {
        await hotPath.stop();
      }
    } finally {
      await server.close();
      await bind.close();
      await Promise.all([simulator.close(), sink.close()]);
    }
  });
});
