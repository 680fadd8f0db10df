import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ternSearchAttributes } from '../../workflows/search-attributes.ts';
import { temporalCliPath } from '../temporal/binaries.ts';
import { freePort } from './free-port.ts';
import { startTemporalDevServer } from './temporal-dev-server.ts';

export interface LocalTemporal {
  address: string;
  namespace: string;
  client: Client;
  teardown(): Promise<void>;
}

/**
 * A throw-away Temporal dev server for the tests and the bench: headless, in memory, on a free loopback port, with
 * Tern's search attributes, and tied to this process (unlike the SDK's `createLocal`, whose server outlives a
 * process that is killed). With TERN_TEMPORAL_DOWNLOAD=sdk it is the SDK's server after all.
 */
export async function startLocalTemporal(): Promise<LocalTemporal> {
  const cliPath = await temporalCliPath();
  if (!cliPath) {
    // TERN_TEMPORAL_DOWNLOAD=sdk: the SDK fetches and runs its own server.
    const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'cached-download' }, searchAttributes: ternSearchAttributes } });
    return { address: env.address, namespace: env.namespace ?? 'default', client: env.client, teardown: () => env.teardown() };
  }
  const server = await startTemporalDevServer({ cliPath, port: await freePort() });
  try {
    const connection = await Connection.connect({ address: server.address });
    const namespace = 'default';
    return {
      address: server.address,
      namespace,
      client: new Client({ connection, namespace }),
      async teardown() {
        await connection.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
