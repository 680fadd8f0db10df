/**
 * A problem with the machine or the set-up that a person can fix (a port in use, a folder Postgres cannot reach):
 * the commands print its message as one sentence, without a stack trace, and exit non-zero.
 */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

/**
 * Runs a command's main function and sets the exit code from what it returned or threw, so that a failure always
 * exits non-zero. A SetupError prints as `[tern] <message>`; anything else prints its stack.
 */
export async function runMain(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    console.error(error instanceof SetupError ? `[tern] ${error.message}` : error);
    process.exitCode = 1;
  }
}
