import fs from 'node:fs';
import { once } from 'node:events';
import { recipientNumbers } from './numbers.ts';

/** The list the campaign bench uploads: a header, then a number and a code per row. */
export interface RecipientList {
  file: string;
  rows: number;
  bytes: number;
  /** The first number, for the report. */
  first: string;
}

/**
 * Writes `rows` distinct deliverable mainland numbers (numbers.ts, from `start`) to `file` as CSV, each with a
 * six-digit value for the template's `${1}`: `number,code`, then `+8613850000000,100000` and so on. Streamed, a
 * few thousand rows at a time: a million rows are about 22 MB.
 */
export async function writeRecipientList(file: string, start: number, rows: number): Promise<RecipientList> {
  const out = fs.createWriteStream(file);
  const numbers = recipientNumbers(start);
  let first = '';
  let lines: string[] = ['number,code'];
  for (let i = 0; i < rows; i++) {
    const number = numbers.next().value as string;
    if (i === 0) first = number;
    lines.push(`${number},${100_000 + (i % 900_000)}`);
    if (lines.length >= 5_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  if (lines.length > 0) out.write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return { file, rows, bytes: fs.statSync(file).size, first };
}
