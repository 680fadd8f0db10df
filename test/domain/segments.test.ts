import assert from 'node:assert/strict';
import { test } from 'vitest';
import { chooseEncoding, planSegments } from '../../domain/segments.ts';

test('GSM-7 text: 160 characters fit one SMS, 161 need two parts of at most 153', () => {
  assert.deepEqual(planSegments('a'.repeat(160)).parts, ['a'.repeat(160)]);
  const two = planSegments('a'.repeat(161));
  assert.equal(two.encoding, 'gsm7');
  assert.deepEqual(two.parts.map((p) => p.length), [153, 8]);
});

test('extension characters count twice and are never split from their escape', () => {
  assert.equal(planSegments('€'.repeat(80)).parts.length, 1);
  assert.equal(planSegments('€'.repeat(81)).parts.length, 2);
  // 152 septets then a two-septet character: it moves whole to the next part.
  const parts = planSegments('a'.repeat(152) + '{' + 'b'.repeat(10)).parts;
  assert.equal(parts[0], 'a'.repeat(152));
  assert.ok(parts[1]?.startsWith('{'));
});

test('any character outside GSM 03.38 makes the message UCS-2: 70 per SMS, 67 per part', () => {
  assert.equal(chooseEncoding('Hello'), 'gsm7');
  assert.equal(chooseEncoding('您好'), 'ucs2');
  assert.equal(chooseEncoding('Café ç'), 'ucs2'); // ç (lower case) is not in the default alphabet
  assert.equal(planSegments('好'.repeat(70)).parts.length, 1);
  assert.deepEqual(planSegments('好'.repeat(71)).parts.map((p) => p.length), [67, 4]);
});

test('UCS-2 cuts never split a surrogate pair', () => {
  const text = 'a'.repeat(66) + '😀' + 'b'.repeat(10);
  const parts = planSegments(text).parts;
  assert.equal(parts[0], 'a'.repeat(66));
  assert.ok(parts[1]?.startsWith('😀'));
  assert.equal(parts.join(''), text);
});
