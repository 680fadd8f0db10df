// `npm run dev`: the whole platform on one machine with embedded defaults. Ctrl-C stops everything.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { startApi } from '../api/start-api.ts';
import { callbackTargetPolicy } from '../domain/callback-targets.ts';
import { temporalProcesses } from '../processes/temporal-processes.ts';
import { connectDb } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startWorker } from '../worker/start-worker.ts';
import { defaultTemplateReviewSettings } from '../worker/temporal-worker.ts';
import { installTemporalRuntime } from '../worker/temporal-runtime.ts';
import { secretBox } from '../domain/secret-box.ts';
import { startCallbackSink } from './stack/callback-sink.ts';
import { startSmscControl } from './stack/smsc-control.ts';
import { configureDevCarriers, startDevSimulators } from './stack/dev-carriers.ts';
import { startManagementSimulator } from '../carriers/simulator/management-api.ts';
import { devMasterKey } from './stack/master-key.ts';
import { startEmbeddedPostgres } from './stack/postgres.ts';
import { devPorts, devStateDir, devTemporalCli } from './stack/dev-config.ts';
import { SetupError } from './setup-error.ts';
import { assertPortsFree } from './stack/ports-free.ts';
import { seedDemo } from './stack/seed-demo.ts';
import { seedConsoleUsers, type DevSignIn } from './stack/seed-console-users.ts';
import { buildConsole } from './build-console.ts';
import { startTemporalDevServer } from './stack/temporal-dev-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const stateDir = devStateDir();
const ports = devPorts();
const taskQueue = 'tern';
const logger = pino({ name: 'tern-dev', level: process.env.LOG_LEVEL ?? 'info' });
const step = (what: string) => console.error(`[tern] ${what}`);
const stops: (() => Promise<unknown>)[] = [];
const started = performance.now();

async function main() {
  installTemporalRuntime(logger);
  await assertPortsFree([
    { port: ports.postgres, what: 'Postgres', variable: 'TERN_PG_PORT' },
    { port: ports.temporal, what: 'the Temporal dev server', variable: 'TERN_TEMPORAL_PORT' },
    { port: ports.temporalUi, what: 'the Temporal UI', variable: 'TERN_TEMPORAL_UI_PORT' },
    ...Array.from({ length: 6 }, (_, i) => ({ port: ports.smsc + i, what: `SMPP simulator ${i + 1} of 6`, variable: 'TERN_SMSC_PORT' })),
    { port: ports.api, what: 'the API', variable: 'TERN_API_PORT' },
    { port: ports.callbacks, what: 'the callback sink', variable: 'TERN_CALLBACK_SINK_PORT' },
    { port: ports.smscControl, what: 'the SMSC control', variable: 'TERN_SMSC_CONTROL_PORT' },
    { port: ports.carrierApi, what: 'the carrier management simulator', variable: 'TERN_CARRIER_API_PORT' },
  ]);
  await fs.mkdir(stateDir, { recursive: true });
  step('Temporal CLI…');
  const cli = await devTemporalCli();

  step(`embedded Postgres on 127.0.0.1:${ports.postgres}…`);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(stateDir, 'pg'), port: ports.postgres, log: (line) => logger.debug({ postgres: line }) });
  step(`  data in ${postgres.dataDir}`);
  stops.push(() => postgres.stop());
  const databaseUrl = await postgres.database('tern');
  const db = connectDb({ connectionString: databaseUrl, max: 10, applicationName: 'tern-api' });
  stops.push(() => db.destroy());
  step('migrations…');
  const migrated = await migrateToLatest(db);
  for (const r of migrated.results ?? []) step(`  ${r.migrationName}: ${r.status}`);

  step(`Temporal dev server on 127.0.0.1:${ports.temporal}, UI on ${ports.temporalUi}…`);
  const temporal = await startTemporalDevServer({
    cliPath: cli,
    port: ports.temporal,
    uiPort: ports.temporalUi,
    dbFile: path.join(stateDir, 'temporal.db'),
    log: (line) => logger.debug({ temporal: line }),
  });
  stops.push(() => temporal.stop());

  step(`SMPP simulators on 127.0.0.1:${ports.smsc}–${ports.smsc + 5} and callback sink on ${ports.callbacks}…`);
  const simulators = await startDevSimulators(ports.smsc, logger.child({ component: 'smsc' }));
  stops.push(() => Promise.all(simulators.map((c) => c.simulator.close())));
  const sink = await startCallbackSink({ port: ports.callbacks });
  stops.push(() => sink.close());
  const control = await startSmscControl(simulators, ports.smscControl);
  stops.push(() => control.close());
  const carrierApi = await startManagementSimulator({ port: ports.carrierApi });
  stops.push(() => carrierApi.close());
  const secrets = secretBox(await devMasterKey(path.join(stateDir, 'master.key')));
  const sinkBase = new URL(sink.url).origin;
  // Callbacks go only to public addresses, and to this sink: the dev stack's one exception (plus the operator's).
  const callbackTargets = callbackTargetPolicy([process.env.TERN_CALLBACK_ALLOW ?? '', `127.0.0.1:${ports.callbacks}`].join(','));
  await configureDevCarriers(db, secrets, simulators);
  const seeded = await seedDemo(db, secrets, path.join(stateDir, 'dev.json'), {
    callbackUrl: `${sinkBase}/callbacks`,
    uplinkUrl: `${sinkBase}/uplink`,
  });
  // The sink checks the demo app's signatures, as the tenant's server would: `GET /callbacks` shows the verdicts.
  sink.trust(seeded.signingSecret);
  const previous = await fs
    .readFile(path.join(stateDir, 'dev.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { consoleSignIns?: DevSignIn[] }).consoleSignIns)
    .catch(() => undefined);
  const consoleSignIns = await seedConsoleUsers(db, seeded.tenantId, previous);
  step('console…');
  const consoleBuild = await buildConsole();

  step('worker (bundling workflows)…');
  const worker = await startWorker({
    databaseUrl,
    temporal: { address: temporal.address, namespace: 'default', taskQueue },
    secrets,
    carrierApiUrl: carrierApi.url,
    callbackTargets,
    // TERN_REVIEW_ANYTIME=1 npm run dev: template reviews open at once, to try approval on a weekend or at night.
    ...(process.env.TERN_REVIEW_ANYTIME === '1' ? { templateReview: { ...defaultTemplateReviewSettings, anytime: true } } : {}),
    logger: logger.child({ component: 'worker' }),
  });
  stops.push(() => worker.stop());

  const connection = await Connection.connect({ address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection, namespace: 'default' });
  const api = await startApi({
    db,
    secrets,
    ...temporalProcesses(client, taskQueue),
    callbackTargets,
    logger: logger.child({ component: 'api' }),
    port: ports.api,
    host: '127.0.0.1',
    temporalUiUrl: `${temporal.uiUrl}/namespaces/default/workflows`,
  });
  stops.push(() => api.stop());

  const apiUrl = `http://localhost:${ports.api}`;
  const devJson = {
    apiUrl,
    ...seeded,
    consoleUrl: `${apiUrl}/console`,
    consoleSignIns,
    callbackSinkUrl: `${sinkBase}/callbacks`,
    /** Where compatible-API status reports can be sent (`statusCallback`); the sink records them. */
    statusCallbackUrl: `${sinkBase}/hw/report`,
    uplinkUrl: `${sinkBase}/uplink`,
    smscControlUrl: control.url,
    carrierApiUrl: carrierApi.url,
    temporalUiUrl: temporal.uiUrl,
    smscs: Object.fromEntries(simulators.map((c) => [c.id, `127.0.0.1:${c.simulator.port}`])),
  };
  await fs.writeFile(path.join(stateDir, 'dev.json'), JSON.stringify(devJson, null, 2) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`
[tern] up in ${seconds} s
  Console        ${apiUrl}/console   (first load ${(consoleBuild.firstLoadBrotliBytes / 1024).toFixed(0)} KiB; sign in as any of these)
${consoleSignIns.map((s) => `                 ${s.role.padEnd(14)} ${s.email.padEnd(26)} ${s.password}`).join('\n')}
  API            ${apiUrl}   (OpenAPI: ${apiUrl}/openapi.json)
  Temporal UI    ${temporal.uiUrl}
  SMPP simulators ${simulators.map((c) => `${c.id} :${c.simulator.port}`).join(', ')}
                 (POST ${control.url}/replies makes a handset reply; POST ${control.url}/carriers/{id}/stop|start)
  Callback sink  ${devJson.callbackSinkUrl}   (GET shows what the demo app received)
  Postgres       ${databaseUrl}
  Credentials    ${path.join(path.relative(root, stateDir) || stateDir, 'dev.json')}  (appKey, appSecret, templates)
Press Ctrl-C to stop.`);
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  for (const stop of stops.reverse()) {
    await stop().catch((err: unknown) => logger.warn({ err }, 'stop failed'));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (err: unknown) => {
  if (err instanceof SetupError) console.error(`[tern] ${err.message}`);
  else logger.error({ err }, 'dev stack failed to start');
  await shutdown(1);
});
