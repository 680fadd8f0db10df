import { describe, expect, test } from 'vitest';
import { failedAttempts } from '../../api/auth/failed-attempts.ts';
import { ApiError } from '../../api/errors.ts';
import { LruMap } from '../../domain/lru-map.ts';

const limits = { perAddress: { burst: 5, ratePerSecond: 1 }, perKey: { burst: 3, ratePerSecond: 0.5 }, maxTracked: 1_000 };

function refusal(run: () => void): ApiError | null {
  try {
    run();
    return null;
  } catch (err) {
    return err as ApiError;
  }
}

describe('failed authentication throttle', () => {
  test('an address that keeps failing is refused with 429 and Retry-After, then let in again as time passes', () => {
    let now = 0;
    const attempts = failedAttempts(limits, () => now);
    for (let i = 0; i < 5; i++) {
      expect(refusal(() => attempts.check('10.0.0.1', `key-${i}`))).toBeNull();
      attempts.failed('10.0.0.1', `key-${i}`);
    }
    const refused = refusal(() => attempts.check('10.0.0.1', 'key-new'));
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe('too_many_failed_attempts');
    expect(refused?.headers?.['retry-after']).toBe('1');
    expect(refusal(() => attempts.check('10.0.0.2', 'key-other')), 'another address is not held up').toBeNull();
    now += 1_000;
    expect(refusal(() => attempts.check('10.0.0.1', 'key-new'))).toBeNull();
  });

  test('a key guessed at from many addresses is refused from all of them', () => {
    let now = 0;
    const attempts = failedAttempts(limits, () => now);
    for (let i = 0; i < 3; i++) attempts.failed(`10.0.1.${i}`, 'victim');
    expect(refusal(() => attempts.check('10.0.2.9', 'victim'))?.status).toBe(429);
    expect(refusal(() => attempts.check('10.0.2.9', 'someone-else'))).toBeNull();
    now += 2_000;
    expect(refusal(() => attempts.check('10.0.2.9', 'victim'))).toBeNull();
  });

  test('what is remembered is bounded, and filling it drops only the least recently used', () => {
    const map = new LruMap<string, number>(3);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect(map.get('a')).toBe(1);
    map.set('d', 4);
    expect([map.get('a'), map.get('b'), map.get('c'), map.get('d')]).toEqual([1, undefined, 3, 4]);
    expect(map.size).toBe(3);
  });
});
