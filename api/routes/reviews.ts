import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import type { SignatureRow } from '../../db/schema.ts';
import { findDocument, findSignature, listDocuments, listSignaturesInReview } from '../../db/signatures.ts';
import { findReview, listOpenReviews, type ReviewRow } from '../../db/template-review.ts';
import type { ReviewDecision, SignatureDecision } from '../../domain/reviews.ts';
import { conflictOnRefusal } from '../process-refusal.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { DecisionBody, DocumentParams, ReviewIdParams, ReviewView } from '../schemas/reviews.ts';
import { signatureReviewWorkflowId, type SignatureReviews } from '../../processes/signature-review.ts';
import { templateReviewWorkflowId, type TemplateReviews } from '../../processes/template-review.ts';
import { versionView } from './templates.ts';
import { documentView } from '../signature-documents.ts';
import { documentTypes } from '../../domain/documents.ts';

const common = { tags: ['Reviews'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('reviewer') };

const queueRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'The review queue: open template and signature reviews only, overdue first',
  responses: { 200: jsonResponse(z.object({ reviews: z.array(ReviewView) }), 'Open reviews'), ...errorResponses(401, 403) },
});
const getRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/{id}',
  summary: 'A review with the template text or the signature’s documents',
  request: { params: ReviewIdParams },
  responses: { 200: jsonResponse(ReviewView, 'The review'), ...errorResponses(401, 403, 404) },
});
const decideRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/{id}/decision',
  summary: 'Approve, reject with a reason, or (signatures) ask for more documents',
  request: { params: ReviewIdParams, ...jsonBody(DecisionBody) },
  responses: {
    200: jsonResponse(ReviewView, 'The decided review'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const documentRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/{id}/documents/{documentId}',
  summary: 'Download a signature document (reviewers only)',
  request: { params: DocumentParams },
  responses: {
    200: {
      description: 'The document as uploaded, with the type its content showed',
      content: Object.fromEntries(documentTypes.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    ...errorResponses(401, 403, 404),
  },
});

function templateReviewView(row: ReviewRow) {
  return {
    ...versionView(row),
    kind: 'template' as const,
    tenantId: row.tenant_id,
    templateId: row.template_id,
    region: row.region,
    type: row.type,
    approvedVersion: row.approved_version,
    decidedBy: row.decided_by,
    workflowId: templateReviewWorkflowId(row.id),
  };
}

/** `/v1/admin/reviews`: reviewers take open template and signature reviews from the queue and decide them. */
export function reviewsRoutes(
  db: Db,
  processes: { templates?: TemplateReviews | undefined; signatures?: SignatureReviews | undefined },
) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();

  async function signatureReviewView(row: SignatureRow) {
    const documents = await listDocuments(db, row.id);
    return {
      kind: 'signature' as const,
      reviewId: row.id,
      tenantId: row.tenant_id,
      name: row.name,
      type: row.type,
      state: row.state,
      reason: row.reason,
      submittedAt: row.submitted_at.toISOString(),
      expiresAt: row.expires_at?.toISOString() ?? null,
      decidedAt: row.decided_at?.toISOString() ?? null,
      decidedBy: row.decided_by,
      workflowId: signatureReviewWorkflowId(row.id),
      documents: documents.map((d) => ({
        ...documentView(d),
        download: `/v1/admin/reviews/${row.id}/documents/${d.id}`,
      })),
    };
  }

  /** The review with this id, of either kind, as reviewers see it. */
  async function findAny(id: string) {
    const template = await findReview(db, id);
    if (template) return { view: templateReviewView(template), open: template.state === 'in_review', state: template.state, decidedBy: template.decided_by };
    const signature = await findSignature(db, id);
    if (signature) return { view: await signatureReviewView(signature), open: signature.state === 'in_review', state: signature.state, decidedBy: signature.decided_by };
    throw new ApiError(404, 'review_not_found', `No review ${id}.`);
  }

  function unavailable(): never {
    throw new ApiError(503, 'reviews_unavailable', 'The review processes are not available in this deployment.');
  }

  app.openapi(queueRoute, async (c) => {
    const templates = (await listOpenReviews(db)).map(templateReviewView);
    const signatures = await Promise.all((await listSignaturesInReview(db)).map(signatureReviewView));
    // Overdue template reviews first, then everything by how long it has waited.
    const waitingSince = (r: (typeof templates)[number] | (typeof signatures)[number]) => (r.kind === 'template' ? (r.opensAt ?? r.submittedAt) : r.submittedAt);
    const reviews = [...templates, ...signatures].sort(
      (a, b) => Number(b.kind === 'template' && b.overdue) - Number(a.kind === 'template' && a.overdue) || waitingSince(a).localeCompare(waitingSince(b)),
    );
    return c.json({ reviews }, 200);
  });
  app.openapi(getRoute, async (c) => c.json((await findAny(c.req.valid('param').id)).view, 200));
  app.openapi(decideRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const review = await findAny(id);
    if (!review.open) {
      const hint = review.state === 'waiting' ? ' (its review window has not opened yet)' : '';
      throw new ApiError(409, 'review_not_open', `This review is ${review.state}${hint}; only open reviews can be decided.`);
    }
    const reviewerId = c.get('operator').id;
    const decision: SignatureDecision = body.decision === 'approve' ? { decision: 'approve', reviewerId } : { ...body, reviewerId };
    if (review.view.kind === 'template' && decision.decision === 'request_documents') {
      throw new ApiError(422, 'decision_not_allowed', 'Templates are approved or rejected; only signatures can ask for documents.');
    }
    // An Update: the workflow's validator takes the decision or refuses it (decided meanwhile, not open), and the
    // answer comes once the decision is recorded.
    await conflictOnRefusal('review_not_open', () =>
      review.view.kind === 'template' ? (processes.templates ?? unavailable()).decide(id, decision as ReviewDecision) : (processes.signatures ?? unavailable()).decide(id, decision),
    );
    return c.json((await findAny(id)).view, 200);
  });
  app.openapi(documentRoute, async (c) => {
    const { id, documentId } = c.req.valid('param');
    const document = await findDocument(db, id, documentId);
    if (!document) throw new ApiError(404, 'document_not_found', `No document ${documentId} in review ${id}.`);
    const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[document.content_type] ?? 'bin';
    return c.body(new Uint8Array(document.content), 200, {
      'content-type': document.content_type,
      'content-disposition': `attachment; filename="${document.kind}-${document.id}.${extension}"`,
      'x-content-sha256': document.sha256,
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
