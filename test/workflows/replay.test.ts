import '../support/temporal.ts';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, test } from 'vitest';
import { workflowsPath } from '../../worker/workflows-path.ts';

const histories = path.join(import.meta.dirname, 'histories');
const files = (await fs.readdir(histories)).filter((f) => f.endsWith('.json')).sort();

/**
 * Every recorded history replays on today's workflow code without a nondeterminism error: a change that would
 * break workflows in flight across a deploy fails here. `signals-*` histories come from before decisions and
 * uploads were Updates (they were signals): reviews started then must still finish. Record new ones with
 * `npx tsx test/workflows/histories/record.ts <label>` (test/workflows/histories/record.ts says how).
 */
describe('replaying recorded histories on the current workflows', () => {
  test('there is a history of each workflow, from before and after decisions became Updates', () => {
    for (const prefix of ['signals-', 'updates-']) {
      for (const workflow of ['template-review', 'signature-review', 'blocklist-unblocking', 'scheduled-send', 'sending-suspension']) {
        assert.ok(files.some((f) => f.startsWith(`${prefix}${workflow}`)), `${prefix}${workflow}`);
      }
    }
  });

  test.for(files)('%s replays', async (file) => {
    // The recorder writes protobufjs's own JSON of the history; the same library reads it back.
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(await fs.readFile(path.join(histories, file), 'utf8')) as object);
    await Worker.runReplayHistory({ workflowsPath }, history, file);
  });
});
