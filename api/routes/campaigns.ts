import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { findTenantUpload } from '../../db/campaign-uploads.ts';
import { campaignReportPage, findCampaign, insertCampaign, listCampaigns } from '../../db/campaigns.ts';
import type { Campaigns, CampaignSignal } from '../../processes/campaigns.ts';
import { parseSendAt } from '../accept-messages.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { campaignTallies, campaignView } from '../campaign-view.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses } from '../schemas/common.ts';
import { CampaignIdParams, CampaignList, CampaignView, CreateCampaignBody } from '../schemas/campaigns.ts';
import { pagedCsv } from '../paged-csv.ts';

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const tags = ['Campaigns'];
/** The report's columns, and its rows read per page. */
const reportColumns = ['line', 'recipient', 'status', 'code', 'reason', 'message_id'] as const;
const reportPage = 5_000;
const campaignJson = { content: { 'application/json': { schema: CampaignView } } };

const createRoute = apiRoute({
  method: 'post',
  path: '/',
  summary: 'Start a campaign: send an uploaded list from its template, now or at a time',
  tags,
  security,
  middleware: requireScope('send'),
  request: { body: { required: true, content: { 'application/json': { schema: CreateCampaignBody } } } },
  responses: { 201: { description: 'The campaign, started (or waiting for its time)', ...campaignJson }, ...errorResponses(404, 409, 422) },
});

const listRoute = apiRoute({
  method: 'get',
  path: '/',
  summary: 'The app’s tenant’s campaigns, newest first (the last 100)',
  tags,
  security,
  middleware: requireScope('read'),
  responses: { 200: { description: 'Campaigns', content: { 'application/json': { schema: CampaignList } } } },
});

const getRoute = apiRoute({
  method: 'get',
  path: '/{id}',
  summary: 'A campaign with its progress and ETA',
  tags,
  security,
  middleware: requireScope('read'),
  request: { params: CampaignIdParams },
  responses: { 200: { description: 'The campaign', ...campaignJson }, ...errorResponses(404) },
});

const reportRoute = apiRoute({
  method: 'get',
  path: '/{id}/report',
  summary: 'The campaign’s report: every row with its fate, as CSV',
  description:
    'One line per row of the upload, in file order: `line,recipient,status,code,reason,message_id`. `status` is the message’s (`accepted`, `submitted`, `delivered`, `undelivered`, `expired`, `rejected`, `failed`), `refused` for a row the sending controls or billing refused when it was queued, or `not_sent` for a row the campaign did not reach (cancelled, stopped, or not yet). Streamed; no row cap.',
  tags,
  security,
  middleware: requireScope('read'),
  request: { params: CampaignIdParams },
  responses: { 200: { description: 'The report', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(404) },
});

function signalRoute(signal: CampaignSignal, summary: string) {
  return apiRoute({
    method: 'post',
    path: `/{id}/${signal}`,
    summary,
    tags,
    security,
    middleware: requireScope('send'),
    request: { params: CampaignIdParams },
    responses: { 202: { description: 'Told to the campaign’s workflow; its status follows within a moment', ...campaignJson }, ...errorResponses(404, 409) },
  });
}

const signalRoutes = [
  signalRoute('pause', 'Pause a campaign: nothing more is queued until it is resumed'),
  signalRoute('resume', 'Resume a paused campaign'),
  signalRoute('cancel', 'Cancel a campaign: what is not yet queued is not sent; what is queued goes on'),
] as const;

const notFound = (id: string) => new ApiError(404, 'campaign_not_found', `No campaign ${id} for this tenant.`);
const unavailable = () => new ApiError(503, 'scheduler_unavailable', 'Campaigns are not available: the workflow service is not configured.');

/** The campaigns of the Group SMS Assistant: start one from an upload, follow it, pause, resume, cancel, report. */
export function campaignsRoutes(db: Db, campaigns: Campaigns | undefined, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const tallies = campaignTallies(db);

  app.openapi(createRoute, async (c) => {
    if (!campaigns) throw unavailable();
    const body = c.req.valid('json');
    const tenant = c.get('app');
    const upload = await findTenantUpload(db, tenant.tenant_id, body.uploadId);
    if (!upload) throw new ApiError(404, 'upload_not_found', `No upload ${body.uploadId} for this tenant.`);
    if (upload.status !== 'ready') throw new ApiError(409, 'upload_not_ready', `Upload ${upload.id} is ${upload.status}; a campaign needs an upload read to the end.`);
    if (upload.rows_accepted === 0) throw new ApiError(422, 'upload_empty', `Upload ${upload.id} has no row that can be sent.`);
    const sendAt = parseSendAt(body.sendAt, now()) ?? null;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await insertCampaign(trx, {
        id,
        tenantId: tenant.tenant_id,
        appId: tenant.id,
        uploadId: upload.id,
        name: body.name,
        templateId: upload.template_id,
        signature: upload.signature,
        sendAt,
        ratePerSecond: body.ratePerSecond ?? null,
        recipients: upload.rows_accepted,
      });
      // Started before the commit, as a scheduled send: a workflow whose campaign never committed stops at its first
      // chunk, whereas a committed campaign without a workflow would never send.
      await campaigns.start({ campaignId: id, tenantId: tenant.tenant_id, sendAt: sendAt?.toISOString() ?? null, ratePerSecond: body.ratePerSecond ?? null });
    });
    const row = await findCampaign(db, id, tenant.tenant_id);
    if (!row) throw notFound(id);
    return c.json(await campaignView(tallies, campaigns, row, now()), 201);
  });

  app.openapi(listRoute, async (c) => {
    const rows = await listCampaigns(db, c.get('app').tenant_id, 100);
    return c.json({ campaigns: await Promise.all(rows.map((r) => campaignView(tallies, campaigns, r, now()))) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findCampaign(db, id, c.get('app').tenant_id);
    if (!row) throw notFound(id);
    return c.json(await campaignView(tallies, campaigns, row, now()), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findCampaign(db, id, c.get('app').tenant_id);
    if (!row) throw notFound(id);
    c.header('content-disposition', `attachment; filename="campaign-${row.id}.csv"`);
    return c.body(pagedCsv((after: number | undefined, limit: number) => campaignReportPage(db, row, after ?? 0, limit), (line) => line.line, reportColumns, { pageSize: reportPage }), 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  for (const route of signalRoutes) {
    const signal = route.path.split('/').at(-1) as CampaignSignal;
    app.openapi(route, async (c) => {
      if (!campaigns) throw unavailable();
      const { id } = c.req.valid('param');
      const row = await findCampaign(db, id, c.get('app').tenant_id);
      if (!row) throw notFound(id);
      if (!(await campaigns.signal(row.id, signal))) throw new ApiError(409, 'campaign_ended', `Campaign ${id} has ended (${row.status}).`);
      return c.json(await campaignView(tallies, campaigns, row, now()), 202);
    });
  }

  return app;
}
