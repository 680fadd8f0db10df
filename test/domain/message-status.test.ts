import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'vitest';
import { canTransition, finalStatuses, isFinal, messageStatuses, moveTo, predecessorsOf, statusFromParts, transition } from '../../domain/message-status.ts';

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

test('a database move names its state and where it may come from; a move the machine lacks cannot be made', () => {
  assert.deepEqual(moveTo('cancelled'), { to: 'cancelled', from: ['scheduled'] });
  assert.deepEqual(transition('submitted', 'expired'), { to: 'expired', from: ['submitted'] });
  assert.throws(() => transition('delivered', 'failed'), /no transition from delivered to failed/);
  assert.throws(() => transition('scheduled', 'submitted'));
});

test('no query writes a message status as a literal: every update goes through moveTo or transition', () => {
  const db = path.resolve(import.meta.dirname, '../../db');
  const literalWrites = /\bset\s+status\s*=\s*'|\.set\(\{\s*status:\s*'/;
  for (const file of fs.readdirSync(db).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(db, file), 'utf8');
    // Messages only: templates, signatures and the outbox have states of their own.
    for (const line of text.split('\n').filter((l) => literalWrites.test(l))) {
      const upTo = text.slice(0, text.indexOf(line) + line.length).split('\n').slice(-6).join('\n');
      assert.ok(!/\bmessages\b/.test(upTo), `${file}: ${line.trim()}`);
    }
  }
});
