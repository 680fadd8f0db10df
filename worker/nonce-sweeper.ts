import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { deleteExpiredNonces } from '../db/wsse-nonces.ts';
import { startLoop, type RunningLoop } from './loop.ts';

/** Keeps the WSSE nonce table to the nonces still inside their window. */
export function startNonceSweeper(options: { db: Db; logger: Logger; idleMs?: number }): RunningLoop {
  const batch = 5000;
  return startLoop({
    name: 'nonce-sweeper',
    logger: options.logger,
    idleMs: options.idleMs ?? 60_000,
    step: async () => (await deleteExpiredNonces(options.db, batch)) === batch,
  });
}
