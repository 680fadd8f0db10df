import { messageIdKey, textIds, type CarrierIdFormats } from '../../domain/carrier-message-ids.ts';
import type smpp from 'smpp';
import type { DeliveryReceipt } from '../carrier.ts';
import type { ReceiptStat } from '../../domain/message-status.ts';
import { pduText } from './pdu-text.ts';

/** The fields of an SMPP 3.4 appendix B delivery receipt text. */
export interface ParsedReceipt {
  id: string;
  sub: string | null;
  dlvrd: string | null;
  submitDate: Date | null;
  doneDate: Date | null;
  stat: ReceiptStat;
  /** `000` when the receipt has no `err:` field. */
  err: string;
  /** Usually the first 20 characters of the original message; `''` when absent. */
  text: string;
}

const statAliases: Record<string, ReceiptStat> = {
  DELIVRD: 'DELIVRD',
  DELIVERED: 'DELIVRD',
  EXPIRED: 'EXPIRED',
  DELETED: 'DELETED',
  UNDELIV: 'UNDELIV',
  UNDELIVERABLE: 'UNDELIV',
  ACCEPTD: 'ACCEPTD',
  ACCEPTED: 'ACCEPTD',
  UNKNOWN: 'UNKNOWN',
  REJECTD: 'REJECTD',
  REJECTED: 'REJECTD',
  ENROUTE: 'ENROUTE',
};

export function normalizeStat(value: string): ReceiptStat {
  return statAliases[value.toUpperCase()] ?? 'UNKNOWN';
}

/** message_state TLV values (SMPP 3.4 §5.2.28) in receipt `stat:` terms. */
const statByMessageState: readonly ReceiptStat[] = [
  'ENROUTE', // 0 SCHEDULED: not yet attempted, so still on its way
  'ENROUTE',
  'DELIVRD',
  'EXPIRED',
  'DELETED',
  'UNDELIV',
  'ACCEPTD',
  'UNKNOWN',
  'REJECTD',
];

export function statFromMessageState(state: number): ReceiptStat {
  return statByMessageState[state] ?? 'UNKNOWN';
}

export const messageStateByStat: Record<ReceiptStat, number> = {
  ENROUTE: 1,
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
};

// Carriers spell the date keys `submit date`, `submit_date` or `submitdate`, in any case.
const fieldPattern = /(?:^|\s)(id|sub|dlvrd|submit[ _]?date|done[ _]?date|stat|err|text)\s*:/gi;

type FieldKey = 'id' | 'sub' | 'dlvrd' | 'submitdate' | 'donedate' | 'stat' | 'err';

/**
 * Parses an appendix B receipt text. Field order does not matter; fields other than `id` may be missing;
 * unknown fields are ignored. Returns null when the text has no `id:`, i.e. it is not a receipt.
 */
export function parseDeliveryReceipt(text: string): ParsedReceipt | null {
  const values: Partial<Record<FieldKey, string>> = {};
  let receiptText = '';
  fieldPattern.lastIndex = 0;
  for (let match = fieldPattern.exec(text); match; match = fieldPattern.exec(text)) {
    const key = (match[1] ?? '').toLowerCase().replace(/[ _]/g, '');
    let start = fieldPattern.lastIndex;
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    if (key === 'text') {
      // The text is last by convention and may itself contain `stat:` or `err:`, so it takes the rest.
      receiptText = text.slice(start);
      break;
    }
    // A value is one token, so an unknown field that follows (e.g. `mcc:`) does not leak into it, and a
    // token with a colon is the next field: this one is empty.
    let end = start;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    const token = text.slice(start, end);
    const k = key as FieldKey;
    if (values[k] === undefined && !token.includes(':')) values[k] = token;
  }
  const id = values.id;
  if (!id) return null;
  return {
    id,
    sub: values.sub || null,
    dlvrd: values.dlvrd || null,
    submitDate: parseReceiptDate(values.submitdate),
    doneDate: parseReceiptDate(values.donedate),
    stat: values.stat ? normalizeStat(values.stat) : 'UNKNOWN',
    err: values.err || '000',
    text: receiptText,
  };
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * `YYMMDDhhmm`, `YYMMDDhhmmss` or `YYYYMMDDhhmmss`. Receipts carry no time zone; they are read as UTC,
 * which is what the simulator writes and what most international SMSCs use.
 */
export function parseReceiptDate(value: string | undefined): Date | null {
  if (!value || !/^\d+$/.test(value)) return null;
  let year: number;
  let rest: string;
  if (value.length === 10 || value.length === 12) {
    year = 2000 + Number(value.slice(0, 2));
    rest = value.slice(2);
  } else if (value.length === 14) {
    year = Number(value.slice(0, 4));
    rest = value.slice(4);
  } else {
    return null;
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  const hour = Number(rest.slice(4, 6));
  const minute = Number(rest.slice(6, 8));
  const second = rest.length >= 10 ? Number(rest.slice(8, 10)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Rejects days that roll over into the next month, like 310231.
  return date.getUTCDate() === day ? date : null;
}

export interface ReceiptFields {
  id: string;
  sub?: number | string;
  dlvrd?: number | string;
  submitDate: Date;
  doneDate: Date;
  stat: ReceiptStat;
  err?: number | string;
  /** Only the first 20 characters are kept, as in the specification. */
  text?: string;
}

/** Writes the appendix B text, dates as `YYMMDDhhmm` in UTC. */
export function formatDeliveryReceipt(fields: ReceiptFields): string {
  const dlvrd = fields.dlvrd ?? (fields.stat === 'DELIVRD' ? 1 : 0);
  return (
    `id:${fields.id} sub:${pad3(fields.sub ?? 1)} dlvrd:${pad3(dlvrd)} ` +
    `submit date:${formatReceiptDate(fields.submitDate)} done date:${formatReceiptDate(fields.doneDate)} ` +
    `stat:${fields.stat} err:${pad3(fields.err ?? 0)} text:${(fields.text ?? '').slice(0, 20)}`
  );
}

function pad3(value: number | string): string {
  return String(value).padStart(3, '0');
}

export function formatReceiptDate(date: Date): string {
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return (
    two(date.getUTCFullYear() % 100) +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes())
  );
}

/**
 * Builds the platform's receipt from a deliver_sm that carries one. The `receipted_message_id` and
 * `message_state` TLVs win over the text when present: they are typed, and the id is written as in the
 * `submit_sm_resp`. The id becomes its match key by the carrier's formats (`domain/carrier-message-ids.ts`): the
 * TLV's by the response format, the text's by the receipt format. Returns null when neither gives an id.
 */
export function deliveryReceiptFromPdu(pdu: smpp.PDU, formats: CarrierIdFormats = textIds): DeliveryReceipt | null {
  const raw = pduText(pdu);
  const parsed = parseDeliveryReceipt(raw);
  const tlvId = pdu.receipted_message_id?.trim();
  const carrierMessageId = tlvId ? messageIdKey(tlvId, formats.response) : parsed?.id ? messageIdKey(parsed.id, formats.receipt) : '';
  if (!carrierMessageId) return null;
  const stat =
    pdu.message_state !== undefined ? statFromMessageState(pdu.message_state) : (parsed?.stat ?? 'UNKNOWN');
  return {
    carrierMessageId,
    stat,
    err: parsed?.err ?? networkErrorCode(pdu.network_error_code) ?? '000',
    doneAt: parsed?.doneDate ?? null,
    raw,
  };
}

/** network_error_code TLV: network type octet then a two-octet error; the error as three digits. */
function networkErrorCode(value: Buffer | undefined): string | null {
  if (!value || value.length < 3) return null;
  return pad3(value.readUInt16BE(1));
}
