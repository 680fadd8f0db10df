/**
 * Whether an error means the database cannot be reached right now (down, restarting, the connection cut), as
 * opposed to a fault in the statement: callers answer 503 with Retry-After, or try the round again, instead of 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception); 57P01–57P03: terminated by an administrator, crash, still starting.
    if (/^08|^57P0[123]$/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) return true;
  }
  // node-postgres says these in words only.
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/i.test(error.message);
}

/** Seconds a client should wait before trying again while the database is away. */
export const databaseRetryAfterSeconds = 2;
