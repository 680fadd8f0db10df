import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { OutcomeRule } from './outcomes.ts';
import { startSimulator, type Simulator } from './simulator.ts';

/**
 * Starts the simulator from environment variables, for `npm run smsc` and for the dev stack in-process:
 * TERN_SMSC_HOST (127.0.0.1), TERN_SMSC_PORT (2775), TERN_SMSC_SYSTEM_ID / TERN_SMSC_PASSWORD (tern / tern),
 * TERN_SMSC_RECEIPT_DELAY_MS (100), TERN_SMSC_RULES (JSON array of {pattern, outcome}, checked before the defaults).
 */
export async function startSimulatorFromEnv(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<Simulator> {
  return startSimulator({
    host: env.TERN_SMSC_HOST || '127.0.0.1',
    port: integer(env, 'TERN_SMSC_PORT', 2775),
    accounts: [{ systemId: env.TERN_SMSC_SYSTEM_ID || 'tern', password: env.TERN_SMSC_PASSWORD || 'tern' }],
    receiptDelayMs: integer(env, 'TERN_SMSC_RECEIPT_DELAY_MS', 100),
    rules: rules(env.TERN_SMSC_RULES),
    logger: logger ?? pino({ name: 'smsc' }),
  });
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return parsed;
}

function rules(value: string | undefined): OutcomeRule[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) throw new Error('TERN_SMSC_RULES must be a JSON array of {"pattern", "outcome"}');
  return parsed.map((rule: unknown) => {
    const { pattern, outcome } = (rule ?? {}) as Record<string, unknown>;
    if (typeof pattern !== 'string' || typeof outcome !== 'string') {
      throw new Error(`TERN_SMSC_RULES: each rule needs a string pattern and outcome, got ${JSON.stringify(rule)}`);
    }
    // The outcome itself is checked when the rules are compiled.
    return { pattern, outcome } as OutcomeRule;
  });
}

async function main(): Promise<void> {
  const logger = pino({ name: 'smsc' });
  const simulator = await startSimulatorFromEnv(process.env, logger);
  const systemId = process.env.TERN_SMSC_SYSTEM_ID || 'tern';
  console.log(`SMPP simulator listening on ${simulator.host}:${simulator.port} (system_id ${systemId})`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'smsc shutting down');
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'smsc shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
