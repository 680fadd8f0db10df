import net from 'node:net';
import { SetupError } from '../setup-error.ts';

export interface NeededPort {
  port: number;
  /** What listens there, e.g. "the callback sink". */
  what: string;
  /** The setting that moves it. */
  variable: string;
}

function inUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/**
 * Checks, before anything starts, that every port the stack will listen on is free, and names each one that is
 * not with the setting that moves it: one `[tern] …` sentence rather than a stack trace halfway through the start.
 */
export async function assertPortsFree(needed: readonly NeededPort[]): Promise<void> {
  const taken = (await Promise.all(needed.map(async (n) => ((await inUse(n.port)) ? n : null)))).filter((n): n is NeededPort => n !== null);
  if (taken.length === 0) return;
  const list = taken.map((n) => `${n.port} (${n.what}; ${n.variable}=…)`).join(', ');
  throw new SetupError(
    `${taken.length === 1 ? 'a port the dev stack needs is' : 'ports the dev stack needs are'} in use: ${list}. Stop what holds ${taken.length === 1 ? 'it' : 'them'} (another npm run dev?), or move the stack with the setting named.`,
  );
}
