/** After the carrier is asked to unblock a number, its answer is checked after this waiting period… */
export const unblockWaitingPeriodMs = 24 * 3600_000;
/** …and, while it is still pending, again every hour, up to this many checks in all. */
export const unblockCheckIntervalMs = 3600_000;
export const unblockChecks = 24;

/** What a carrier answers about an unblock it was asked for. */
export type UnblockStatus = 'pending' | 'unblocked' | 'refused';
