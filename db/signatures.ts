import type { Db } from './connect.ts';
import type { DocumentKind, SignatureRow } from './schema.ts';
import type { ReviewDecision } from '../domain/reviews.ts';
import type { TemplateType } from '../domain/templates.ts';

export interface NewDocument {
  kind: DocumentKind;
  contentType: string;
  size: number;
  sha256: string;
  fileName: string | null;
  content: Uint8Array;
}

/** Runs before the commit and returns the review process's id (see `StartReview` of templates). */
export type StartSignatureReview = (signatureId: string) => Promise<string>;

/** A signature application with its documents, in review, its process started; undefined if the name is taken. */
export async function insertSignatureApplication(
  db: Db,
  application: { tenantId: string; name: string; type: TemplateType; submittedAt: Date; documents: NewDocument[] },
  startReview: StartSignatureReview,
): Promise<SignatureRow | undefined> {
  return db.transaction().execute(async (trx) => {
    // The unique index on live names decides, also between two applications at the same moment.
    const row = await trx
      .insertInto('signatures')
      .values({ tenant_id: application.tenantId, name: application.name, type: application.type, state: 'in_review', submitted_at: application.submittedAt })
      .onConflict((oc) => oc.columns(['tenant_id', 'name', 'type']).where('state', 'in', ['in_review', 'documents_requested', 'approved']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await insertDocuments(trx, row.id, application.documents);
    const workflowId = await startReview(row.id);
    await trx.updateTable('signatures').set({ workflow_id: workflowId }).where('id', '=', row.id).execute();
    return { ...row, workflow_id: workflowId };
  });
}

export async function insertDocuments(db: Db, signatureId: string, documents: NewDocument[]): Promise<void> {
  if (documents.length === 0) return;
  await db
    .insertInto('signature_documents')
    .values(
      documents.map((d) => ({
        signature_id: signatureId,
        kind: d.kind,
        content_type: d.contentType,
        size: d.size,
        sha256: d.sha256,
        file_name: d.fileName,
        content: Buffer.from(d.content),
      })),
    )
    .execute();
}

export async function findTenantSignature(db: Db, tenantId: string, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('signatures').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function findSignature(db: Db, id: string): Promise<SignatureRow | undefined> {
  return db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTenantSignatures(db: Db, tenantId: string): Promise<SignatureRow[]> {
  return db.selectFrom('signatures').selectAll().where('tenant_id', '=', tenantId).orderBy('submitted_at').execute();
}

export async function listSignaturesInReview(db: Db): Promise<SignatureRow[]> {
  return db.selectFrom('signatures').selectAll().where('state', '=', 'in_review').orderBy('submitted_at').execute();
}

/** Document metadata, without the content. */
export async function listDocuments(db: Db, signatureId: string) {
  return db
    .selectFrom('signature_documents')
    .select(['id', 'kind', 'content_type', 'size', 'sha256', 'file_name', 'uploaded_at'])
    .where('signature_id', '=', signatureId)
    .orderBy('uploaded_at')
    .execute();
}

export async function findDocument(db: Db, signatureId: string, documentId: string) {
  return db.selectFrom('signature_documents').selectAll().where('signature_id', '=', signatureId).where('id', '=', documentId).executeTakeFirst();
}

/** Approved signatures of a tenant, for sending. */
export async function findApprovedSignatures(db: Db, tenantId: string): Promise<SignatureRow[]> {
  return db.selectFrom('signatures').selectAll().where('tenant_id', '=', tenantId).where('state', '=', 'approved').execute();
}

// The review process's writes. Each moves the signature only from the state the step expects.

export async function decideSignature(db: Db, id: string, decision: ReviewDecision): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({
      state: decision.decision === 'approve' ? 'approved' : 'rejected',
      reason: decision.decision === 'reject' ? decision.reason : null,
      decided_at: new Date(),
      decided_by: decision.reviewerId,
    })
    .where('id', '=', id)
    .where('state', '=', 'in_review')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function requestSignatureDocuments(db: Db, id: string, reason: string, reviewerId: string, expiresAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({ state: 'documents_requested', reason, decided_by: reviewerId, documents_requested_at: new Date(), expires_at: expiresAt })
    .where('id', '=', id)
    .where('state', '=', 'in_review')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** New documents arrived: the application goes back to the reviewers. */
export async function resumeSignatureReview(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({ state: 'in_review', expires_at: null, decided_by: null })
    .where('id', '=', id)
    .where('state', '=', 'documents_requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function expireSignature(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({ state: 'expired', decided_at: new Date() })
    .where('id', '=', id)
    .where('state', '=', 'documents_requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A signature already decided (seed data and test fixtures); tenants apply through review instead. */
export async function createApprovedSignature(db: Db, tenantId: string, name: string, type: TemplateType): Promise<string> {
  const row = await db
    .insertInto('signatures')
    .values({ tenant_id: tenantId, name, type, state: 'approved', decided_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
