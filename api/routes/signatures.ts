import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import type { SignatureRow } from '../../db/schema.ts';
import { findTenantSignature, insertDocuments, insertSignatureApplication, listDocuments, listTenantSignatures } from '../../db/signatures.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { conflictOnRefusal } from '../process-refusal.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { ApplySignatureForm, DocumentsForm, SignatureIdParams, SignatureView } from '../schemas/signatures.ts';
import { documentView, readDocuments } from '../signature-documents.ts';
import type { SignatureReviews } from '../../processes/signature-review.ts';

const tags = ['Signatures'];
const manage = { tags, security: [{ basicAuth: [] as string[] }], middleware: requireScope('manage') };
const readSecurity: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const read = { tags, security: readSecurity, middleware: requireScope('read') };
const multipart = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'multipart/form-data': { schema } } } });

const applyRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/',
  summary: 'Apply for a mainland signature with its documents',
  request: multipart(ApplySignatureForm),
  responses: { 201: jsonResponse(SignatureView, 'The signature, in review'), ...errorResponses(400, 401, 403, 409, 413) },
});
const listRoute = apiRoute({
  ...read,
  method: 'get',
  path: '/',
  summary: "The tenant's signatures",
  responses: { 200: jsonResponse(z.object({ signatures: z.array(SignatureView) }), 'The signatures'), ...errorResponses(401, 403) },
});
const getRoute = apiRoute({
  ...read,
  method: 'get',
  path: '/{id}',
  summary: 'A signature with its documents (metadata only) and the state of its review',
  request: { params: SignatureIdParams },
  responses: { 200: jsonResponse(SignatureView, 'The signature'), ...errorResponses(401, 403, 404) },
});
const documentsRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/{id}/documents',
  summary: 'Upload the documents a reviewer asked for; the review resumes',
  request: { params: SignatureIdParams, ...multipart(DocumentsForm) },
  responses: { 202: jsonResponse(SignatureView, 'Uploaded; the review resumes'), ...errorResponses(400, 401, 403, 404, 409, 413) },
});

const notFound = (id: string) => new ApiError(404, 'signature_not_found', `No signature ${id} for this app.`);

export function signaturesRoutes(db: Db, reviews: SignatureReviews | undefined, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const process = () => {
    if (!reviews) throw new ApiError(503, 'reviews_unavailable', 'Signature approval is not available in this deployment.');
    return reviews;
  };
  async function view(row: SignatureRow) {
    const documents = await listDocuments(db, row.id);
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      state: row.state,
      reason: row.reason,
      submittedAt: row.submitted_at.toISOString(),
      expiresAt: row.expires_at?.toISOString() ?? null,
      decidedAt: row.decided_at?.toISOString() ?? null,
      documents: documents.map(documentView),
    };
  }

  app.openapi(applyRoute, async (c) => {
    const form = c.req.valid('form');
    const tenantId = c.get('app').tenant_id;
    const documents = await readDocuments({ attorney_letter: form.attorneyLetter, business_license: form.businessLicense });
    const reviewProcess = process();
    const row = await insertSignatureApplication(
      db,
      { tenantId, name: form.name, type: form.type, submittedAt: now(), documents },
      (signatureId) => reviewProcess.start({ signatureId, tenantId }),
    );
    if (!row) throw new ApiError(409, 'signature_name_taken', `This tenant already holds or applies for the ${form.type} signature 【${form.name}】.`);
    return c.json(await view(row), 201);
  });
  app.openapi(listRoute, async (c) => c.json({ signatures: await Promise.all((await listTenantSignatures(db, c.get('app').tenant_id)).map(view)) }, 200));
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findTenantSignature(db, c.get('app').tenant_id, id);
    if (!row) throw notFound(id);
    return c.json(await view(row), 200);
  });
  app.openapi(documentsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const row = await findTenantSignature(db, c.get('app').tenant_id, id);
    if (!row) throw notFound(id);
    if (row.state !== 'documents_requested') {
      throw new ApiError(409, 'documents_not_requested', `This signature is ${row.state}; documents can be uploaded only when a reviewer asks for them.`);
    }
    const documents = await readDocuments({ attorney_letter: form.attorneyLetter, business_license: form.businessLicense });
    if (documents.length === 0) throw new ApiError(422, 'documents_missing', 'Upload attorneyLetter, businessLicense or both.');
    const reviewProcess = process();
    // The documents are kept only if the review takes them: its Update's validator refuses an upload nobody asked
    // for (a race with an expiry or a second upload), and the transaction then stores nothing.
    await conflictOnRefusal('documents_not_requested', () =>
      db.transaction().execute(async (trx) => {
        await insertDocuments(trx, row.id, documents);
        await reviewProcess.documentsUploaded(row.id);
      }),
    );
    const resumed = await findTenantSignature(db, c.get('app').tenant_id, id);
    return c.json(await view(resumed ?? row), 202);
  });
  return app;
}
