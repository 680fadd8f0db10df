import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { joinReplyParts } from '../../domain/replies.ts';

// The two UTF-16 code units of 😀 (U+1F600).
const high = '\uD83D';
const low = '\uDE00';

describe('joinReplyParts', () => {
  test('joins the parts in part order, whatever order they came in', () => {
    assert.deepEqual(joinReplyParts(3, [{ seq: 3, text: 'c' }, { seq: 1, text: 'a' }, { seq: 2, text: 'b' }]), { text: 'abc', missingParts: [] });
  });

  test('a surrogate pair cut between two parts comes back whole', () => {
    assert.deepEqual(joinReplyParts(2, [{ seq: 1, text: `ok ${high}` }, { seq: 2, text: `${low} bye` }]), { text: 'ok 😀 bye', missingParts: [] });
  });

  test('missing parts are listed and left out; half a pair they leave alone becomes U+FFFD', () => {
    const joined = joinReplyParts(4, [{ seq: 1, text: `a${high}` }, { seq: 3, text: `${low}b` }]);
    assert.deepEqual(joined, { text: 'a\uFFFD\uFFFDb', missingParts: [2, 4] });
  });
});
