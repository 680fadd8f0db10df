import assert from 'node:assert/strict';
import { test } from 'vitest';
import { periodBounds, thresholdsReached } from '../../domain/traffic.ts';

test('traffic periods are days and hours of Asia/Shanghai time', () => {
  // 00:30 on 26 November in Shanghai is 16:30 UTC on the 25th.
  const at = new Date('2026-11-25T16:30:00Z');
  assert.deepEqual(periodBounds('day', at), { period: 'day', start: new Date('2026-11-25T16:00:00Z'), end: new Date('2026-11-26T16:00:00Z') });
  assert.deepEqual(periodBounds('hour', at), { period: 'hour', start: new Date('2026-11-25T16:00:00Z'), end: new Date('2026-11-25T17:00:00Z') });
  const lastSecond = new Date('2026-11-25T15:59:59Z');
  assert.equal(periodBounds('day', lastSecond).end.toISOString(), '2026-11-25T16:00:00.000Z');
});

test('thresholds: the alarm and the limit are reached at their values', () => {
  assert.deepEqual(thresholdsReached(9, { alarm: 10, limit: 20 }), []);
  assert.deepEqual(thresholdsReached(10, { alarm: 10, limit: 20 }), ['alarm']);
  assert.deepEqual(thresholdsReached(20, { alarm: 10, limit: 20 }), ['alarm', 'limit']);
  assert.deepEqual(thresholdsReached(5, { alarm: null, limit: 5 }), ['limit']);
});
