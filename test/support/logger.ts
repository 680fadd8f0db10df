import pino from 'pino';

/** Tests log only warnings and errors, as JSON on stderr, unless TERN_TEST_LOG asks for more. */
export const testLogger = pino({ level: process.env.TERN_TEST_LOG ?? 'warn' }, pino.destination(2));
