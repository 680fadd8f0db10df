import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { hasHiddenOrControl, hasLoneSurrogate, hiddenOrControlRanges, spaceRanges, visibleTextPattern, whyNotVisibleText } from '../../domain/visible-text.ts';

/** The code point ranges a Unicode property regex matches, scanning every code point. */
function rangesOf(property: RegExp, also: (cp: number) => boolean = () => false): [number, number][] {
  const ranges: [number, number][] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!(also(cp) || property.test(String.fromCodePoint(cp)))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

describe('visible text: one rule for the server and the OpenAPI document', () => {
  test('the written-out ranges are exactly Unicode Cc, Cf, Zl and Zp, and Zs', () => {
    assert.deepEqual(rangesOf(/^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u), hiddenOrControlRanges);
    assert.deepEqual(rangesOf(/^\p{Zs}$/u), spaceRanges);
  });

  test.for([
    ['Acme', 1, 100, undefined],
    ['中国移动', 2, 32, undefined],
    ['a b', 1, 3, undefined],
    ['', 0, 10, undefined],
    ['', 1, 10, 'may not be empty'],
    ['a', 2, 32, 'must have at least 2 characters'],
    ['abcd', 1, 3, 'must have at most 3 characters'],
    ['𝟧𝟧𝟧', 1, 3, undefined], // three code points, six UTF-16 units
    [' Acme', 1, 100, 'may not start or end with a space'],
    ['Acme\u3000', 1, 100, 'may not start or end with a space'],
    ['Ac\nme', 1, 100, 'may not hold control, format or invisible characters (newlines, tabs, direction marks, NUL…)'],
    ['Ac\u202eme', 1, 100, 'may not hold control, format or invisible characters (newlines, tabs, direction marks, NUL…)'],
    ['Acme\u{e0041}', 1, 100, 'may not hold control, format or invisible characters (newlines, tabs, direction marks, NUL…)'],
  ] as const)('%j in %i..%i: %s', ([text, min, max, why]) => {
    assert.equal(whyNotVisibleText(text, min, max), why);
    assert.equal(new RegExp(visibleTextPattern(min, max), 'u').test(text), why === undefined, 'the pattern agrees with the reasons');
    if (why?.startsWith('may not hold')) assert.ok(hasHiddenOrControl(text));
  });

  test('a lone surrogate is hidden text, though no pattern names it', () => {
    assert.ok(hasLoneSurrogate('Ac\ud800me') && hasHiddenOrControl('Ac\ud800me'));
    assert.ok(!hasLoneSurrogate('𝟧') && !hasHiddenOrControl('𝟧'));
  });
});
