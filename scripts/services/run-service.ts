import { runMain } from '../setup-error.ts';

export interface StartedService {
  /** What to print once it is up: where it listens, how to use it. */
  lines: string[];
  stop(): Promise<unknown>;
}

/**
 * Runs one piece of the dev stack on its own (`npm run postgres`, `npm run temporal`, …) until Ctrl-C or SIGTERM,
 * for running the platform in its production shape on one machine: each service a process of its own.
 */
export function runService(name: string, start: () => Promise<StartedService>): void {
  void runMain(async () => {
    const stopSignal = new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    const service = await start();
    console.error([`[tern] ${name} up`, ...service.lines.map((l) => `  ${l}`), 'Press Ctrl-C to stop.'].join('\n'));
    await stopSignal;
    console.error(`[tern] stopping ${name}…`);
    await service.stop();
    return 0;
  });
}
