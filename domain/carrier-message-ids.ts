/**
 * How a carrier writes its message ids: as it likes (`text`, matched byte for byte), or as a number in hex or in
 * decimal. SMPP 3.4 has the receipt's `id:` in decimal and `receipted_message_id` as in the `submit_sm_resp`, but
 * SMSCs differ: hex in the response and decimal in the receipt, hex in either case, leading zeros or not.
 */
export const messageIdFormats = ['text', 'hex', 'decimal'] as const;
export type MessageIdFormat = (typeof messageIdFormats)[number];

/** A carrier's formats: its `submit_sm_resp` ids (and `receipted_message_id`), and the `id:` of its receipts' text. */
export interface CarrierIdFormats {
  response: MessageIdFormat;
  receipt: MessageIdFormat;
}

export const textIds: CarrierIdFormats = { response: 'text', receipt: 'text' };

const digits: Record<Exclude<MessageIdFormat, 'text'>, RegExp> = { hex: /^[0-9a-f]+$/i, decimal: /^[0-9]+$/ };

/**
 * The key a carrier message id is stored and matched by: the id itself for `text`, the number it writes in
 * decimal (no leading zeros, hex in any case) for `hex` and `decimal`, so `0A1B3A`, `0a1b3a` and `660282` are one
 * key. An id that is not of its format is kept as it came (it can still match an id given the same way).
 */
export function messageIdKey(id: string, format: MessageIdFormat): string {
  const trimmed = id.trim();
  if (format === 'text' || !digits[format].test(trimmed)) return trimmed;
  return BigInt(format === 'hex' ? `0x${trimmed}` : trimmed).toString(10);
}
