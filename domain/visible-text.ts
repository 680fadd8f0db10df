/**
 * Characters no value may carry to a handset or show to a reviewer: control characters (a newline would put a line
 * of the sender's choosing into an approved text), format characters (bidi overrides that reorder what is shown,
 * zero-width characters that hide what is there), and line and paragraph separators: Unicode's Cc, Cf, Zl and Zp,
 * written out as code point ranges (Unicode 15.1, Node 20) so that one explicit class serves the server's checks
 * and the OpenAPI document's patterns alike: a client's regex engine need not know Unicode properties.
 * test/domain/visible-text.test.ts derives the ranges from the properties again, so a Node upgrade that changes
 * them fails there. Lone surrogates (half a character) are refused too, apart: no pattern engine but
 * JavaScript's can name them.
 */
export const hiddenOrControlRanges: readonly (readonly [number, number])[] = [
  [0x0, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x600, 0x605], [0x61c, 0x61c], [0x6dd, 0x6dd], [0x70f, 0x70f],
  [0x890, 0x891], [0x8e2, 0x8e2], [0x180e, 0x180e], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064],
  [0x2066, 0x206f], [0xfeff, 0xfeff], [0xfff9, 0xfffb], [0x110bd, 0x110bd], [0x110cd, 0x110cd],
  [0x13430, 0x1343f], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0001, 0xe0001], [0xe0020, 0xe007f],
];

/** Space separators (Unicode Zs): allowed inside a name, not at its ends, where nobody sees them. */
export const spaceRanges: readonly (readonly [number, number])[] = [
  [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
];

/**
 * The inside of a regex character class holding `ranges`: `\uXXXX` escapes for the BMP, the characters themselves
 * above it (an escaped surrogate pair would read as two lone surrogates in engines other than JavaScript's).
 */
function classOf(ranges: readonly (readonly [number, number])[]): string {
  const one = (cp: number) => (cp > 0xffff ? String.fromCodePoint(cp) : `\\u${cp.toString(16).padStart(4, '0')}`);
  return ranges.map(([from, to]) => (from === to ? one(from) : `${one(from)}-${one(to)}`)).join('');
}

const hidden = classOf(hiddenOrControlRanges);
const edge = hidden + classOf(spaceRanges);
const hiddenOrControl = new RegExp(`[${hidden}]|\\p{Cs}`, 'u');
const spaceAtAnEnd = new RegExp(`^[${edge}]|[${edge}]$`, 'u');

/** Whether text holds characters of `hiddenOrControlRanges`: refused in values, names, sender ids. */
export function hasHiddenOrControl(text: string): boolean {
  return hiddenOrControl.test(text);
}

/** Whether text holds half a character: a UTF-16 surrogate without its pair. */
export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

/**
 * The pattern of visible text of `min` to `max` characters (code points, as JSON Schema counts them): no hidden or
 * control character, no space at either end (lone surrogates aside: `hasLoneSurrogate`). The same source serves as a JavaScript regex (with the `u` flag) and
 * as an OpenAPI `pattern`.
 */
export function visibleTextPattern(min: number, max: number): string {
  if (min < 0 || max < Math.max(min, 1)) throw new RangeError(`no visible text of ${min} to ${max} characters`);
  const middle = (from: number, to: number) => `[^${hidden}]{${from},${to}}`;
  const body =
    max === 1 ? `[^${edge}]` : min <= 1 ? `[^${edge}](?:${middle(0, max - 2)}[^${edge}])?` : `[^${edge}]${middle(min - 2, max - 2)}[^${edge}]`;
  return min === 0 ? `^(?:${body})?$` : `^${body}$`;
}

/** Why `text` is not visible text of `min` to `max` characters, in a sentence; undefined when it is. */
export function whyNotVisibleText(text: string, min: number, max: number): string | undefined {
  const length = [...text].length;
  if (length < min) return min === 1 ? 'may not be empty' : `must have at least ${min} characters`;
  if (length > max) return `must have at most ${max} characters`;
  if (hasHiddenOrControl(text)) return 'may not hold control, format or invisible characters (newlines, tabs, direction marks, NUL…)';
  if (spaceAtAnEnd.test(text)) return 'may not start or end with a space';
  return undefined;
}
