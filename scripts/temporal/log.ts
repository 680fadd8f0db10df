/** Progress lines go to stderr so stdout stays clean for callers that parse it. */
export function log(message: string): void {
  process.stderr.write(`[tern] ${message}\n`);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Prints a "still working" line every `everyMs` while `work` runs, so a long build does not look hung. */
export async function withHeartbeat<T>(label: string, work: Promise<T>, everyMs = 30_000): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => log(`… ${label} (${seconds(Date.now() - started)})`), everyMs);
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
