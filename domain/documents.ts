import { createHash } from 'node:crypto';

export const maxDocumentBytes = 5 * 1024 * 1024;

const signatures: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The types a document may have: the only ones stored, and the ones a download answers with. */
export const documentTypes = signatures.map((s) => s.type);

/** The document's type from its first bytes; the file name and the declared type are never trusted. */
export function sniffDocumentType(content: Uint8Array): string | undefined {
  return signatures.find(({ magic }) => magic.every((byte, i) => content[i] === byte))?.type;
}

export type DocumentCheck =
  | { ok: true; contentType: string; size: number; sha256: string }
  | { ok: false; code: 'document_empty' | 'document_too_large' | 'document_type_not_allowed'; message: string };

export function checkDocument(what: string, content: Uint8Array): DocumentCheck {
  if (content.length === 0) return { ok: false, code: 'document_empty', message: `${what} is empty.` };
  if (content.length > maxDocumentBytes) {
    return { ok: false, code: 'document_too_large', message: `${what} is ${(content.length / 1048576).toFixed(1)} MB; at most 5 MB is allowed.` };
  }
  const contentType = sniffDocumentType(content);
  if (!contentType) {
    return { ok: false, code: 'document_type_not_allowed', message: `${what} is not a PDF, JPEG or PNG file (judged by its content).` };
  }
  return { ok: true, contentType, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}
