// `npm run temporal`: the Temporal dev server with its UI and Tern's search attributes, on TERN_TEMPORAL_PORT.
import path from 'node:path';
import fs from 'node:fs/promises';
import { devPorts, devStateDir, devTemporalCli } from '../stack/dev-config.ts';
import { startTemporalDevServer } from '../stack/temporal-dev-server.ts';
import { runService } from './run-service.ts';

runService('Temporal dev server', async () => {
  const cliPath = await devTemporalCli();
  await fs.mkdir(devStateDir(), { recursive: true });
  const { temporal, temporalUi } = devPorts();
  const server = await startTemporalDevServer({ cliPath, port: temporal, uiPort: temporalUi, dbFile: path.join(devStateDir(), 'temporal.db') });
  return { lines: [`TEMPORAL_ADDRESS=${server.address}`, `UI ${server.uiUrl}`], stop: () => server.stop() };
});
