import assert from 'node:assert/strict';
import { test } from 'vitest';
import { takeToken, type Bucket } from '../../domain/token-bucket.ts';

const rule = { ratePerSecond: 2, burst: 4 };

test('a burst is allowed up to the bucket size, then refused with the wait until the next token', () => {
  let bucket: Bucket | undefined;
  for (let i = 0; i < 4; i++) {
    const taken = takeToken(bucket, rule, 1_000);
    assert.equal(taken.allowed, true, `request ${i + 1}`);
    bucket = taken.bucket;
  }
  const refused = takeToken(bucket, rule, 1_000);
  assert.equal(refused.allowed, false);
  assert.equal(!refused.allowed && refused.retryAfterMs, 500);
});

test('tokens come back at the rate, never beyond the burst', () => {
  const empty = { tokens: 0, updatedAt: 0 };
  assert.equal(takeToken(empty, rule, 499).allowed, false);
  assert.equal(takeToken(empty, rule, 500).allowed, true);
  const idle = takeToken(empty, rule, 60_000);
  assert.equal(idle.bucket.tokens, 3, 'refilled to the burst (4), one taken');
});
