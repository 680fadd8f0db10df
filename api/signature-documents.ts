import type { NewDocument } from '../db/signatures.ts';
import type { DocumentKind } from '../db/schema.ts';
import { checkDocument } from '../domain/documents.ts';
import { ApiError } from './errors.ts';

const labels: Record<DocumentKind, string> = { attorney_letter: 'The letter of attorney', business_license: 'The business license' };

/** Reads uploaded files and checks each by its content; the first bad one refuses the request. */
export async function readDocuments(files: Partial<Record<DocumentKind, File | undefined>>): Promise<NewDocument[]> {
  const documents: NewDocument[] = [];
  for (const [kind, file] of Object.entries(files) as [DocumentKind, File | undefined][]) {
    if (!file) continue;
    const content = new Uint8Array(await file.arrayBuffer());
    const check = checkDocument(labels[kind], content);
    if (!check.ok) throw new ApiError(check.code === 'document_too_large' ? 413 : 422, check.code, check.message);
    documents.push({ kind, contentType: check.contentType, size: check.size, sha256: check.sha256, fileName: file.name || null, content });
  }
  return documents;
}

/** A stored document as the API shows it: metadata only, never the content. */
export function documentView(d: { id: string; kind: DocumentKind; content_type: string; size: number; sha256: string; file_name: string | null; uploaded_at: Date }) {
  return { id: d.id, kind: d.kind, contentType: d.content_type, size: d.size, sha256: d.sha256, fileName: d.file_name, uploadedAt: d.uploaded_at.toISOString() };
}
