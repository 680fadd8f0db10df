import { randomBytes } from 'node:crypto';

/**
 * Message ids as 16 hex digits: a random prefix per generator and a counter, so ids stay unique across
 * simulator restarts without any state on disk.
 */
export function messageIdGenerator(): () => string {
  const prefix = randomBytes(4).toString('hex');
  let counter = 0;
  return () => prefix + (counter++ >>> 0).toString(16).padStart(8, '0');
}
