import assert from 'node:assert/strict';
import type { ScheduledSends } from '../../processes/scheduled-send.ts';

/** For API tests without Temporal: an immediate send must never reach the scheduler; if one does, the test fails. */
export const noScheduling: ScheduledSends = {
  schedule: async () => assert.fail('an immediate send must not be scheduled'),
  cancel: async () => assert.fail('nothing to cancel'),
};
