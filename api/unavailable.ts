import { databaseRetryAfterSeconds, isDatabaseUnavailable } from '../db/unavailable.ts';
import { isTemporalUnavailable, temporalRetryAfterSeconds } from '../processes/temporal-unavailable.ts';

/** A service the API depends on that cannot be reached right now: the request stored nothing and may be retried. */
export interface Unavailable {
  code: 'database_unavailable' | 'scheduler_unavailable';
  message: string;
  /** The same for the compatible API (code E000000). */
  description: string;
  retryAfterSeconds: number;
  logAs: string;
}

const services: { matches: (err: unknown) => boolean; unavailable: Unavailable }[] = [
  {
    matches: isDatabaseUnavailable,
    unavailable: {
      code: 'database_unavailable',
      message: 'The service cannot reach its database right now; nothing was stored. Retry in a few seconds.',
      description: 'System busy: the database cannot be reached right now; nothing was stored. Retry in a few seconds.',
      retryAfterSeconds: databaseRetryAfterSeconds,
      logAs: 'database unavailable',
    },
  },
  {
    matches: isTemporalUnavailable,
    unavailable: {
      code: 'scheduler_unavailable',
      message:
        'The workflow service that runs scheduled sends, reviews and suspensions cannot be reached right now; nothing was stored. Immediate sends are not affected. Retry in a few seconds.',
      description: 'System busy: scheduled sending is unavailable right now; nothing was stored. Retry in a few seconds.',
      retryAfterSeconds: temporalRetryAfterSeconds,
      logAs: 'Temporal unavailable',
    },
  },
];

/** What to answer (503 with Retry-After) when `err` means a dependency is away; undefined for any other error. */
export function unavailableService(err: unknown): Unavailable | undefined {
  return services.find((s) => s.matches(err))?.unavailable;
}
