/**
 * Frequency limits for Chinese-mainland numbers, per tenant and recipient, over sliding windows: all messages,
 * and the same message (same template and values, so the same text).
 */
export const frequencyLimits = [
  { code: 'frequency_limit_minute', windowMs: 60_000, max: 15, sameText: false, describe: '15 messages a minute' },
  { code: 'frequency_limit_day', windowMs: 24 * 3600_000, max: 50, sameText: false, describe: '50 messages in 24 hours' },
  { code: 'duplicate_limit_minute', windowMs: 59_000, max: 2, sameText: true, describe: 'the same message twice within 59 seconds' },
  { code: 'duplicate_limit_hour', windowMs: 59 * 60_000, max: 5, sameText: true, describe: 'the same message 5 times within 59 minutes' },
] as const;
