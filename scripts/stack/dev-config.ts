import path from 'node:path';
import { SetupError } from '../setup-error.ts';
import { temporalCliPath } from '../temporal/binaries.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Where the dev stack keeps its state (Postgres data, Temporal's file, credentials): TERN_DEV_DIR, default .tern. */
export const devStateDir = (env: NodeJS.ProcessEnv = process.env): string => path.resolve(env.TERN_DEV_DIR ?? path.join(root, '.tern'));

/** The dev stack's ports, each overridable by its variable; `npm run dev` and the one-service commands share them. */
export function devPorts(env: NodeJS.ProcessEnv = process.env) {
  const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    postgres: port('TERN_PG_PORT', 54329),
    temporal: port('TERN_TEMPORAL_PORT', 7233),
    temporalUi: port('TERN_TEMPORAL_UI_PORT', 8233),
    /** The first of six consecutive ports: cmcc, ctcc, cucc, cbn, intl-a, intl-b. */
    smsc: port('TERN_SMSC_PORT', 2780),
    api: port('TERN_API_PORT', 8080),
    callbacks: port('TERN_CALLBACK_SINK_PORT', 8090),
    smscControl: port('TERN_SMSC_CONTROL_PORT', 2776),
    carrierApi: port('TERN_CARRIER_API_PORT', 2777),
  };
}

/** The Temporal CLI the dev stack runs its dev server from, provisioned into the cache if needed. */
export async function devTemporalCli(): Promise<string> {
  const cli = await temporalCliPath();
  if (!cli) throw new SetupError('TERN_TEMPORAL_DOWNLOAD=sdk does not apply to the dev stack: it runs the Temporal CLI from disk; unset it.');
  return cli;
}
