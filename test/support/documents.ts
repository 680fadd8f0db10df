/** Small files whose content is what their name says, and some that are not, for upload tests. */
export const pdf = () => new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], { type: 'application/pdf' });
export const png = () => new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])], { type: 'image/png' });
export const jpeg = () => new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])], { type: 'image/jpeg' });
/** A Windows executable (MZ header) dressed up as a PDF. */
export const renamedExecutable = () => new Blob([Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])], { type: 'application/pdf' });
export const gif = () => new Blob([Buffer.from('GIF89a')], { type: 'image/gif' });
export const oversized = () => new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)])], { type: 'application/pdf' });

export function signatureForm(fields: Record<string, string>, files: Record<string, [Blob, string]>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const [k, [blob, name]] of Object.entries(files)) form.set(k, blob, name);
  return form;
}


export { onePagePdf, solidPng } from '../../scripts/console/sample-documents.ts';
