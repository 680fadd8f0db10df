import assert from 'node:assert/strict';
import { test } from 'vitest';
import { canTransition, finalStatuses, isFinal, messageStatuses, predecessorsOf, statusFromParts } from '../../domain/message-status.ts';

test('final states have no way out, and every other state can reach one', () => {
  assert.deepEqual([...finalStatuses].sort(), ['cancelled', 'delivered', 'expired', 'failed', 'rejected', 'undelivered']);
  for (const from of messageStatuses) for (const to of finalStatuses) if (isFinal(from)) assert.equal(canTransition(from, to), false);
  assert.ok(canTransition('scheduled', 'accepted'));
  assert.ok(canTransition('accepted', 'submitted'));
  assert.equal(canTransition('delivered', 'submitted'), false);
  assert.equal(canTransition('submitted', 'accepted'), false, 'a message never goes back to the queue once the carrier has it');
});

test('only scheduled messages can be cancelled; delivery follows submission', () => {
  assert.deepEqual(predecessorsOf('cancelled'), ['scheduled']);
  assert.deepEqual(predecessorsOf('delivered'), ['submitted']);
  assert.deepEqual(predecessorsOf('failed'), ['accepted', 'submitted']);
});

test('a message is delivered only when every part is; otherwise the most telling failure wins', () => {
  assert.equal(statusFromParts(['DELIVRD']), 'delivered');
  assert.equal(statusFromParts(['DELIVRD', 'DELIVRD', 'DELIVRD']), 'delivered');
  assert.equal(statusFromParts(['DELIVRD', null]), 'submitted', 'waits for the last part');
  assert.equal(statusFromParts(['DELIVRD', 'ENROUTE']), 'submitted', 'intermediate receipts are not an end');
  assert.equal(statusFromParts(['DELIVRD', 'UNDELIV']), 'undelivered');
  assert.equal(statusFromParts(['EXPIRED', 'REJECTD']), 'rejected');
  assert.equal(statusFromParts(['EXPIRED', 'DELIVRD']), 'expired');
  assert.equal(statusFromParts(['UNKNOWN']), 'failed');
  assert.equal(statusFromParts([]), 'submitted');
});
