/**
 * Whether Postgres refused a value for its characters (a NUL, a byte sequence that is not UTF-8): the request's
 * fault, answered 400, never 500. Fields where control characters make no sense refuse them before this.
 */
export function isInvalidText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

export const invalidTextMessage = 'The request holds characters text cannot hold here (such as NUL).';
