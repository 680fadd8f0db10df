import type { AddressRules } from '../../domain/smpp-settings.ts';

/** An SMPP address: the digits or name, its type of number (TON) and numbering plan (NPI). */
export interface SmppAddress {
  addr: string;
  ton: number;
  npi: number;
}

const TON_UNKNOWN = 0;
export const TON_INTERNATIONAL = 1;
export const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
export const NPI_ISDN = 1;

/** Longest number still treated as a short code rather than a full international number. */
const maxShortCodeLength = 8;

const digitsOnly = /^\d+$/;
/** Chinese-mainland service numbers (106 + access code + extension) are national, however long they are. */
const mainlandServiceNumber = /^106\d+$/;

/**
 * Sender address: a name (`Tern`) goes as alphanumeric 5/0; `+` and a number or a long number as
 * international 1/1; a short code as unknown/ISDN 0/1, so the SMSC reads it in its own numbering plan.
 * A carrier's rules replace the detected TON/NPI of a kind; the address itself is the same.
 */
export function sourceAddress(from: string, rules: AddressRules = {}): SmppAddress {
  const number = from.startsWith('+') ? from.slice(1) : from;
  if (!digitsOnly.test(number)) return { addr: from, ...(rules.alphanumericSource ?? { ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN }) };
  const national = { addr: number, ...(rules.nationalSource ?? { ton: TON_UNKNOWN, npi: NPI_ISDN }) };
  if (!from.startsWith('+') && mainlandServiceNumber.test(number)) return national;
  if (from.startsWith('+') || number.length > maxShortCodeLength) return { addr: number, ...(rules.internationalSource ?? { ton: TON_INTERNATIONAL, npi: NPI_ISDN }) };
  return national;
}

/** Recipient address: E.164 without the `+`, international/ISDN unless the carrier's rules say otherwise. */
export function destinationAddress(to: string, rules: AddressRules = {}): SmppAddress {
  return { addr: to.startsWith('+') ? to.slice(1) : to, ...(rules.destination ?? { ton: TON_INTERNATIONAL, npi: NPI_ISDN }) };
}

/**
 * An address received from the SMSC in the platform's form: international numbers (by TON, or by length when
 * the SMSC sends TON unknown) get their `+` back; short codes and names stay as they are.
 */
export function platformAddress(addr: string, ton: number | undefined): string {
  if (!digitsOnly.test(addr)) return addr;
  if (ton === TON_INTERNATIONAL) return `+${addr}`;
  if (addr.length > maxShortCodeLength && !mainlandServiceNumber.test(addr)) return `+${addr}`;
  return addr;
}
