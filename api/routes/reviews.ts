import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { findReview, listOpenReviews, type ReviewRow } from '../../db/template-review.ts';
import { requireRole, type OperatorVariables } from '../auth/operator.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { DecisionBody, ReviewIdParams, ReviewView } from '../schemas/reviews.ts';
import type { TemplateReviews } from '../template-reviews.ts';
import { versionView } from './templates.ts';

const common = { tags: ['Reviews'], security: [{ operatorAuth: [] as string[] }], middleware: requireRole('reviewer') };

const queueRoute = createRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'The review queue: open reviews only, overdue first',
  responses: { 200: jsonResponse(z.object({ reviews: z.array(ReviewView) }), 'Open reviews'), ...errorResponses(401, 403) },
});
const getRoute = createRoute({
  ...common,
  method: 'get',
  path: '/{id}',
  summary: 'A review with the text applied for',
  request: { params: ReviewIdParams },
  responses: { 200: jsonResponse(ReviewView, 'The review'), ...errorResponses(401, 403, 404) },
});
const decideRoute = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/decision',
  summary: 'Approve, or reject with a reason, an open review',
  request: { params: ReviewIdParams, ...jsonBody(DecisionBody) },
  responses: {
    200: jsonResponse(ReviewView, 'The decided review'),
    202: jsonResponse(ReviewView, 'The decision is on its way to the review process'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

function reviewView(row: ReviewRow) {
  return {
    ...versionView(row),
    kind: 'template' as const,
    tenantId: row.tenant_id,
    templateId: row.template_id,
    region: row.region,
    type: row.type,
    approvedVersion: row.approved_version,
    decidedBy: row.decided_by,
  };
}

export interface ReviewRoutesOptions {
  /** How long a decision request waits for the review process to record it (default 10 s). */
  decisionWaitMs?: number;
}

/** `/v1/admin/reviews`: reviewers take open reviews from the queue and decide them. */
export function reviewsRoutes(db: Db, reviews: TemplateReviews | undefined, options: ReviewRoutesOptions = {}) {
  const app = new OpenAPIHono<{ Variables: OperatorVariables }>();
  const waitMs = options.decisionWaitMs ?? 10_000;

  app.openapi(queueRoute, async (c) => c.json({ reviews: (await listOpenReviews(db)).map(reviewView) }, 200));
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findReview(db, id);
    if (!row) throw new ApiError(404, 'review_not_found', `No review ${id}.`);
    return c.json(reviewView(row), 200);
  });
  app.openapi(decideRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const row = await findReview(db, id);
    if (!row) throw new ApiError(404, 'review_not_found', `No review ${id}.`);
    if (row.state !== 'in_review') {
      throw new ApiError(409, 'review_not_open', `This review is ${row.state}${row.state === 'waiting' ? ' (its review window has not opened yet)' : ''}; only open reviews can be decided.`);
    }
    if (!reviews) throw new ApiError(503, 'reviews_unavailable', 'Template review is not available in this deployment.');
    const reviewerId = c.get('operator').id;
    await reviews.decide(id, body.decision === 'approve' ? { decision: 'approve', reviewerId } : { decision: 'reject', reviewerId, reason: body.reason });
    // The workflow records the decision; wait for it, so the reviewer sees the outcome (or learns it was too late).
    const deadline = Date.now() + waitMs;
    for (;;) {
      const now = await findReview(db, id);
      if (now && now.state !== 'in_review') {
        if (now.decided_by !== reviewerId) throw new ApiError(409, 'review_not_open', `This review was ${now.state} meanwhile.`);
        return c.json(reviewView(now), 200);
      }
      if (Date.now() > deadline) return c.json(reviewView(now ?? row), 202);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return app;
}
