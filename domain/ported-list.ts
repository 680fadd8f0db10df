import { parse } from 'csv-parse/sync';
import { isMainlandNetwork, networkByPrefix, type MainlandNetwork } from './mainland-networks.ts';

/** Network names as carriers' portability files spell them, besides our own codes. */
const networkAliases: Record<string, MainlandNetwork> = {
  移动: 'cmcc',
  中国移动: 'cmcc',
  电信: 'ctcc',
  中国电信: 'ctcc',
  联通: 'cucc',
  中国联通: 'cucc',
  广电: 'cbn',
  中国广电: 'cbn',
};

export interface PortedListError {
  line: number;
  message: string;
}

export type PortedList = { ok: true; entries: { number: string; network: MainlandNetwork }[] } | { ok: false; errors: PortedListError[] };

const maxErrors = 100;

/**
 * Reads a ported-numbers list: CSV lines `number,network`, an optional header line, the number as `+86…`,
 * `86…` or the 11 national digits, the network as `cmcc|ctcc|cucc|cbn` or its Chinese name. Every line must
 * be right; otherwise the errors (the first hundred) say which and why, and nothing is imported.
 */
export function parsePortedList(text: string): PortedList {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    return { ok: false, errors: [{ line: (err as { lines?: number }).lines ?? 0, message: `not valid CSV: ${(err as Error).message}` }] };
  }
  const errors: PortedListError[] = [];
  const byNumber = new Map<string, { network: MainlandNetwork; line: number }>();
  rows.forEach((row, i) => {
    const line = i + 1;
    const [rawNumber = '', rawNetwork = ''] = row;
    if (i === 0 && /^[^+\d]/.test(rawNumber)) return; // a header line
    const failure = (message: string) => errors.length < maxErrors && errors.push({ line, message });
    if (row.length !== 2) return failure(`expected two columns (number,network), found ${row.length}`);
    const national = rawNumber.replace(/^\+?86/, '');
    if (!/^1[3-9]\d{9}$/.test(national) || !networkByPrefix(`+86${national}`)) {
      return failure(`${rawNumber} is not a Chinese-mainland mobile number`);
    }
    const network = isMainlandNetwork(rawNetwork.toLowerCase()) ? (rawNetwork.toLowerCase() as MainlandNetwork) : networkAliases[rawNetwork];
    if (!network) return failure(`${rawNetwork || '(empty)'} is not a network: cmcc, ctcc, cucc, cbn, or 移动, 电信, 联通, 广电`);
    const number = `+86${national}`;
    const earlier = byNumber.get(number);
    if (earlier && earlier.network !== network) return failure(`${number} is also on line ${earlier.line} with another network`);
    byNumber.set(number, { network, line });
  });
  if (errors.length) return { ok: false, errors };
  if (byNumber.size === 0) return { ok: false, errors: [{ line: 0, message: 'the list has no numbers' }] };
  return { ok: true, entries: [...byNumber].map(([number, { network }]) => ({ number, network })) };
}
