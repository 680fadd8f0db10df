import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import type { TemplateRow, TemplateVersionRow } from '../../db/schema.ts';
import { findTenantTemplate } from '../../db/templates.ts';
import {
  findOpenVersion,
  findTemplateVersions,
  insertTemplateApplication,
  insertTemplateVersion,
  listTenantTemplates,
} from '../../db/template-versions.ts';
import { checkTemplateApplication } from '../../domain/template-rules.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonBody, jsonResponse } from '../schemas/common.ts';
import { ApplyTemplateBody, NewVersionBody, TemplateIdParams, TemplateView } from '../schemas/templates.ts';
import type { TemplateReviews } from '../../processes/template-review.ts';

const tags = ['Templates'];
const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
// Applying for and changing templates is account management: the app secret, not a send or read key.
const manage = { tags, security: [{ basicAuth: [] as string[] }], middleware: requireScope('manage') };

const applyRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/',
  summary: 'Apply for a template; it is reviewed on workdays',
  request: jsonBody(ApplyTemplateBody),
  responses: { 201: jsonResponse(TemplateView, 'The template, pending review'), ...errorResponses(400, 401, 403) },
});
const listRoute = apiRoute({
  tags,
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: "The tenant's templates",
  responses: { 200: jsonResponse(z.object({ templates: z.array(TemplateView.omit({ versions: true, review: true })) }), 'The templates'), ...errorResponses(401, 403) },
});
const getRoute = apiRoute({
  tags,
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/{id}',
  summary: 'A template with its versions and the state of its review',
  request: { params: TemplateIdParams },
  responses: { 200: jsonResponse(TemplateView, 'The template'), ...errorResponses(401, 403, 404) },
});
const newVersionRoute = apiRoute({
  ...manage,
  method: 'put',
  path: '/{id}',
  summary: 'Change a template: a new version goes through review; the approved one stays usable meanwhile',
  request: { params: TemplateIdParams, ...jsonBody(NewVersionBody) },
  responses: { 201: jsonResponse(TemplateView, 'The template with its new version'), ...errorResponses(400, 401, 403, 404, 409) },
});
const withdrawRoute = apiRoute({
  ...manage,
  method: 'post',
  path: '/{id}/withdraw',
  summary: 'Withdraw the version waiting for review',
  request: { params: TemplateIdParams },
  responses: { 202: jsonResponse(TemplateView, 'The withdrawal is on its way to the review'), ...errorResponses(401, 403, 404, 409) },
});

export function versionView(v: TemplateVersionRow) {
  return {
    version: v.version,
    reviewId: v.id,
    name: v.name,
    body: v.body,
    variables: v.variables,
    state: v.state,
    overdue: v.overdue,
    submittedAt: v.submitted_at.toISOString(),
    opensAt: v.opens_at?.toISOString() ?? null,
    dueAt: v.due_at?.toISOString() ?? null,
    decidedAt: v.decided_at?.toISOString() ?? null,
    reason: v.reason,
    calendarFallbackDays: v.calendar_fallback_days,
  };
}

function summary(t: TemplateRow) {
  return { id: t.id, name: t.name, region: t.region, type: t.type, status: t.status, body: t.body, approvedVersion: t.approved_version };
}

const notFound = (id: string) => new ApiError(404, 'template_not_found', `No template ${id} for this app.`);

export function templatesRoutes(db: Db, reviews: TemplateReviews | undefined, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const process = () => {
    if (!reviews) throw new ApiError(503, 'reviews_unavailable', 'Template review is not available in this deployment.');
    return reviews;
  };

  async function fullView(template: TemplateRow, warnings?: string[]) {
    const versions = await findTemplateVersions(db, template.id);
    const open = versions.find((v) => v.state === 'waiting' || v.state === 'in_review');
    const review = open && reviews ? ((await reviews.status(open.id)) ?? null) : null;
    return { ...summary(template), versions: versions.map(versionView), review, ...(warnings?.length ? { warnings } : {}) };
  }

  const startReview = (tenantId: string) => (versionId: string) => process().start({ versionId, tenantId });

  app.openapi(applyRoute, async (c) => {
    const input = c.req.valid('json');
    const tenantId = c.get('app').tenant_id;
    const check = checkTemplateApplication(input);
    if (!check.ok) throw new ApiError(422, check.code, check.message);
    process();
    const { templateId } = await insertTemplateApplication(db, { tenantId, ...input, variables: check.variables, submittedAt: now() }, startReview(tenantId));
    const template = await findTenantTemplate(db, tenantId, templateId);
    return c.json(await fullView(template!, check.warnings), 201);
  });
  app.openapi(listRoute, async (c) => c.json({ templates: (await listTenantTemplates(db, c.get('app').tenant_id)).map(summary) }, 200));
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const template = await findTenantTemplate(db, c.get('app').tenant_id, id);
    if (!template) throw notFound(id);
    return c.json(await fullView(template), 200);
  });
  app.openapi(newVersionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const template = await findTenantTemplate(db, c.get('app').tenant_id, id);
    if (!template) throw notFound(id);
    const check = checkTemplateApplication({ region: template.region, type: template.type, body: input.body, variables: input.variables });
    if (!check.ok) throw new ApiError(422, check.code, check.message);
    process();
    const change = { name: input.name ?? template.name, body: input.body, variables: check.variables, submittedAt: now() };
    const created = await insertTemplateVersion(db, template, change, startReview(template.tenant_id));
    if (!created) throw new ApiError(409, 'review_in_progress', 'A version of this template is already under review; withdraw it or wait for the decision.');
    return c.json(await fullView((await findTenantTemplate(db, template.tenant_id, id))!, check.warnings), 201);
  });
  app.openapi(withdrawRoute, async (c) => {
    const { id } = c.req.valid('param');
    const tenantId = c.get('app').tenant_id;
    const template = await findTenantTemplate(db, tenantId, id);
    if (!template) throw notFound(id);
    const open = await findOpenVersion(db, tenantId, id);
    if (!open) throw new ApiError(409, 'nothing_to_withdraw', 'No version of this template is waiting for review.');
    await process().withdraw(open.id);
    return c.json(await fullView(template), 202);
  });
  return app;
}
