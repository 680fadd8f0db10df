import smpp from 'smpp';
import type { TextEncoding } from '../../domain/segments.ts';
import type { DefaultDataCoding } from '../../domain/smpp-settings.ts';

/** data_coding values: 0 is the SMSC default alphabet (GSM 03.38, one septet per octet on SMPP), 8 is UCS-2. */
export const dataCodingFor = { gsm7: 0x00, ucs2: 0x08 } as const satisfies Record<TextEncoding, number>;

const ESCAPE = 0x1b;
const QUESTION_MARK = 0x3f;

// Lookups built once from the package's GSM 03.38 tables, so that the peer's decoder (the same tables)
// gives back exactly the text we sent; the package's own encoder builds a RegExp on every call.
const gsmTable = smpp.gsmCoder.getCoder(0x00);
const septetByChar = new Map<number, number>();
const extensionSeptetByChar = new Map<number, number>();
for (const [char, septet] of Object.entries(gsmTable.charListEnc)) septetByChar.set(char.charCodeAt(0), septet);
for (const [char, escaped] of Object.entries(gsmTable.extCharListEnc)) {
  const septet = gsmTable.charListEnc[escaped];
  if (septet !== undefined) extensionSeptetByChar.set(char.charCodeAt(0), septet);
}

/** Octets a concatenation UDH takes: UDHL, IEI 0x00, IE length 3, reference, total, sequence. */
export const concatHeaderLength = 6;

/** sm_length is one octet and 255 is reserved; longer bodies go in the message_payload TLV. */
export const maxShortMessageOctets = 254;

/** The data_coding a part goes with: GSM-alphabet text in the carrier's default coding (0x00, 0x01 or 0x03). */
export function dataCodingOf(encoding: TextEncoding, textCoding: DefaultDataCoding): number {
  return encoding === 'ucs2' ? dataCodingFor.ucs2 : textCoding;
}

/**
 * Encodes one SMS part, with a concatenation UDH in front when `total` > 1. GSM-alphabet text goes as septets for
 * data_coding 0x00, as ASCII octets for 0x01 and Latin-1 octets for 0x03 (a character that coding lacks becomes
 * `?`). The result is a view on a buffer sized once, not a concatenation of pieces.
 */
export function encodePart(text: string, encoding: TextEncoding, reference: number, total: number, seq: number, textCoding: DefaultDataCoding = 0): Buffer {
  const headerLength = total > 1 ? concatHeaderLength : 0;
  let octets: Buffer;
  let length: number;
  if (encoding === 'ucs2') {
    octets = Buffer.allocUnsafe(headerLength + text.length * 2);
    octets.write(text, headerLength, 'utf16le');
    octets.subarray(headerLength).swap16();
    length = octets.length;
  } else if (textCoding !== 0) {
    octets = Buffer.allocUnsafe(headerLength + text.length);
    length = writeOctets(text, octets, headerLength, textCoding === 1 ? 0x7f : 0xff);
  } else {
    // An extension character takes two septets, so twice the length is the worst case.
    octets = Buffer.allocUnsafe(headerLength + text.length * 2);
    length = writeGsm7(text, octets, headerLength);
  }
  if (headerLength) {
    octets[0] = 0x05;
    octets[1] = 0x00;
    octets[2] = 0x03;
    octets[3] = reference & 0xff;
    octets[4] = total;
    octets[5] = seq;
  }
  return length === octets.length ? octets : octets.subarray(0, length);
}

/** Writes one octet per character up to `highest` (0x7F for ASCII, 0xFF for Latin-1), `?` past it. Returns the end offset. */
function writeOctets(text: string, target: Buffer, offset: number, highest: number): number {
  let at = offset;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    target[at++] = code <= highest ? code : QUESTION_MARK;
  }
  return at;
}

/** Writes unpacked GSM 03.38 septets; a character outside the alphabet becomes `?`. Returns the end offset. */
function writeGsm7(text: string, target: Buffer, offset: number): number {
  let at = offset;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const septet = septetByChar.get(code);
    if (septet !== undefined) {
      target[at++] = septet;
      continue;
    }
    const extension = extensionSeptetByChar.get(code);
    if (extension !== undefined) {
      target[at++] = ESCAPE;
      target[at++] = extension;
    } else {
      target[at++] = QUESTION_MARK;
    }
  }
  return at;
}
