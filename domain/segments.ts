/** How the text of a message travels on the wire. */
export type TextEncoding = 'gsm7' | 'ucs2';

// GSM 03.38 default alphabet and its extension table (each extension character costs two septets).
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const gsmExtension = '^{}\\[~]|€\f';

const basicSet = new Set(gsmBasic);
const extensionSet = new Set(gsmExtension);

export const segmentLimits = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
} as const satisfies Record<TextEncoding, { single: number; multi: number }>;

export interface SegmentPlan {
  encoding: TextEncoding;
  /** The text cut into SMS parts; a single element when it fits in one SMS. */
  parts: string[];
}

export function chooseEncoding(text: string): TextEncoding {
  for (const ch of text) if (!basicSet.has(ch) && !extensionSet.has(ch)) return 'ucs2';
  return 'gsm7';
}

/** Cost of one character in the units the limits count: septets for GSM-7, UTF-16 code units for UCS-2. */
function unitCost(ch: string, encoding: TextEncoding): number {
  if (encoding === 'ucs2') return ch.length;
  return extensionSet.has(ch) ? 2 : 1;
}

/**
 * Splits text into SMS parts. Cuts never fall inside a GSM escape sequence or a UTF-16 surrogate pair, since
 * either would garble the character on the handset.
 */
export function planSegments(text: string): SegmentPlan {
  const encoding = chooseEncoding(text);
  const limits = segmentLimits[encoding];
  const chars = [...text];
  const total = chars.reduce((sum, ch) => sum + unitCost(ch, encoding), 0);
  if (total <= limits.single) return { encoding, parts: [text] };

  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const cost = unitCost(ch, encoding);
    if (used + cost > limits.multi) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += cost;
  }
  if (current) parts.push(current);
  return { encoding, parts };
}

/**
 * The concatenation reference of a message's parts (16 bits), taken from its id rather than from a counter so
 * that it stays the same for every worker and every attempt: a part sent again after a lost answer or a crash
 * joins its first parts on the handset instead of starting a second, incomplete message. The last digits of a
 * UUID (v4 or v7) are random, so consecutive messages to one handset differ as a counter's would.
 */
export function concatReference(messageId: string): number {
  return Number.parseInt(messageId.slice(-4), 16) || 0;
}

/** Where one received part sits in a concatenated message: its message's reference and size, and its number (1-based). */
export interface ConcatInfo {
  reference: number;
  total: number;
  seq: number;
}
