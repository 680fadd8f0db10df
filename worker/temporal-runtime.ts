import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Installs the Temporal runtime for a process entry point: SDK logs go to pino as JSON, and the process owns its
 * signals (by default the SDK drains workers on SIGINT itself, racing our orderly shutdown). Call once, before any
 * worker or connection is made.
 */
export function installTemporalRuntime(logger: Logger, level: LogLevel = 'WARN'): void {
  const temporalLogger = logger.child({ component: 'temporal' });
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger(level, ({ level: l, message, meta }) => temporalLogger[pinoLevel[l]](meta ?? {}, message)),
  });
}
