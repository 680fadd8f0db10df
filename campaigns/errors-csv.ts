import type { UploadRowError } from '../db/campaign-uploads.ts';

/** Cells a spreadsheet would run as a formula (`+86…` among them) get a leading `'`, which it shows as text. */
const formulaStart = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  const text = String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (cells: readonly (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * An upload's refused rows as CSV (`line,code,message`), read page by page after the last line sent, as the client
 * takes them: however many there are, one page is held at a time.
 */
export function uploadErrorsCsv(readPage: (afterLine: number) => Promise<UploadRowError[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterLine = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(['line', 'code', 'message'])));
        return;
      }
      const page = await readPage(afterLine);
      const last = page.at(-1);
      if (!last) return controller.close();
      afterLine = last.line;
      controller.enqueue(encoder.encode(page.map((e) => csvLine([e.line, e.code, e.message])).join('')));
    },
  });
}
