import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
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
/** The list is read in slices of this many characters, so a long list does not hold up the API's other work. */
const sliceChars = 64 * 1024;
const headerCell = /^(number|phone|mobile|msisdn|号码|手机号码?)$/i;

/** The text in slices, with a turn of the event loop before each, so requests waiting meanwhile are served. */
async function* slices(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += sliceChars) {
    await new Promise((resolve) => setImmediate(resolve));
    yield text.slice(i, i + sliceChars);
  }
}

/**
 * Reads a ported-numbers list: CSV lines `number,network`, an optional header line (`number,network`), the number
 * as `+86…`, `86…` or the 11 national digits, the network as `cmcc|ctcc|cucc|cbn` or its Chinese name. Every line
 * must be right; otherwise the errors (the first hundred, with their line numbers) say which and why, and nothing
 * is imported.
 */
export async function parsePortedList(text: string): Promise<PortedList> {
  const errors: PortedListError[] = [];
  const byNumber = new Map<string, { network: MainlandNetwork; line: number }>();
  const failure = (line: number, message: string) => void (errors.length < maxErrors && errors.push({ line, message }));
  const parser = Readable.from(slices(text)).pipe(parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }));
  let first = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      const [rawNumber = '', rawNetwork = ''] = record;
      const header = first && headerCell.test(rawNumber);
      first = false;
      if (header) continue;
      if (record.length !== 2) {
        failure(line, `expected two columns (number,network), found ${record.length}`);
        continue;
      }
      const national = rawNumber.replace(/^\+?86/, '');
      if (!/^1[3-9]\d{9}$/.test(national) || !networkByPrefix(`+86${national}`)) {
        failure(line, `${rawNumber} is not a Chinese-mainland mobile number`);
        continue;
      }
      const lower = rawNetwork.toLowerCase();
      const network = isMainlandNetwork(lower) ? lower : networkAliases[rawNetwork];
      if (!network) {
        failure(line, `${rawNetwork || '(empty)'} is not a network: cmcc, ctcc, cucc, cbn, or 移动, 电信, 联通, 广电`);
        continue;
      }
      const number = `+86${national}`;
      const earlier = byNumber.get(number);
      if (earlier && earlier.network !== network) failure(line, `${number} is also on line ${earlier.line} with another network`);
      else byNumber.set(number, { network, line });
    }
  } catch (err) {
    return { ok: false, errors: [...errors, { line: (err as { lines?: number }).lines ?? 0, message: `not valid CSV: ${(err as Error).message}` }] };
  }
  if (errors.length) return { ok: false, errors };
  if (byNumber.size === 0) return { ok: false, errors: [{ line: 0, message: 'the list has no numbers' }] };
  return { ok: true, entries: [...byNumber].map(([number, { network }]) => ({ number, network })) };
}
