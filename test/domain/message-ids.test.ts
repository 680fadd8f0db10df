import { describe, expect, test } from 'vitest';
import { newMessageId } from '../../domain/message-ids.ts';
import { concatReference } from '../../domain/segments.ts';

describe('message ids: UUIDv7, ordered by time, random where it matters (domain/message-ids.ts)', () => {
  const ids = Array.from({ length: 10_000 }, () => newMessageId());

  test('ids made one after another sort in the order they were made (an index on them grows at its right edge)', () => {
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('each is an RFC 9562 version 7 UUID whose first 48 bits are the millisecond it was made in', () => {
    const before = Date.now();
    const id = newMessageId();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });

  test('multi-part references stay spread: ids made in the same millisecond get different ones', () => {
    // 10,000 draws from 65,536 values give about 9,250 distinct ones when random; a counter or a clock would not.
    expect(new Set(ids.map(concatReference)).size).toBeGreaterThan(8_500);
  });
});
