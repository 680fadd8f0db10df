import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison, so response timing does not reveal how much of a secret was right. */
export function secretsEqual(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the expected length.
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
