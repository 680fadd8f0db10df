import type { Options } from 'csv-stringify';

/** Cells a spreadsheet would run as a formula (`+86…` among them) get a leading `'`, which it shows as text. */
export const formulaStarts = ['=', '+', '-', '@', '\t', '\r'] as const;
const asText = (value: string) => ((formulaStarts as readonly string[]).includes(value.charAt(0)) ? `'${value}` : value);

export interface CsvOptions {
  /** Prefix cells that would run as formulas (for files whose cells quote what a client sent). */
  guardFormulas?: boolean;
  /** `\r\n` between records, as spreadsheets on Windows write them; `\n` otherwise. */
  windowsLineEnds?: boolean;
  /** Start with a byte order mark, by which spreadsheets tell UTF-8 (Excel reads Chinese text as garbage without). */
  bom?: boolean;
}

/** csv-stringify's options for the platform's files: every file the API streams or a job writes reads alike. */
export function csvStringifyOptions(columns: readonly string[], options: CsvOptions & { header?: boolean }): Options {
  return {
    header: options.header ?? true,
    columns: [...columns],
    // A line break inside a cell is quoted whatever ends the records.
    quoted_match: /[\r\n]/,
    ...(options.windowsLineEnds ? { record_delimiter: 'windows' as const } : {}),
    ...(options.guardFormulas ? { cast: { string: asText } } : {}),
    ...(options.bom ? { bom: true } : {}),
  };
}
