// Imported first by tests that run Temporal: the SDK logs through pino at warn level instead of printing
// every worker state change. Must run before any worker, connection or test environment is made.
import { installTemporalRuntime } from '../../worker/temporal-runtime.ts';
import { testLogger } from './logger.ts';

installTemporalRuntime(testLogger);
