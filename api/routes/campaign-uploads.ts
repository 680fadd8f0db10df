import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AcceptDeps } from '../../accept/accept.ts';
import { findTenantUpload, listTenantUploads, publishedPriceTable, uploadErrorsAfter } from '../../db/campaign-uploads.ts';
import { receiveUpload, uploadLimits } from '../../campaigns/receive-upload.ts';
import { UploadFailure, type UploadFailureCode } from '../../campaigns/upload-failure.ts';
import { uploadSummary, uploadView } from '../../campaigns/upload-summary.ts';
import { checkUploadTemplate } from '../../campaigns/upload-template.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { UploadIdParams, UploadList, UploadListQuery, UploadQuery, UploadSummary } from '../schemas/campaign-uploads.ts';
import { pagedCsv } from '../paged-csv.ts';

// An upload feeds a campaign, which sends: every operation on uploads needs the `send` scope.
const common = { tags: ['Campaigns'], security: [{ basicAuth: [] }, { bearerAuth: [] }] as { [scheme: string]: string[] }[], middleware: requireScope('send') };

const fileBody = {
  description: 'The list: one recipient per row, the number first, then the template’s values in order.',
  required: true,
  content: { 'text/csv': { schema: z.string() }, 'text/plain': { schema: z.string() } },
};

const uploadRoute = apiRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Upload a recipient list (CSV or TXT) for a campaign, checked row by row',
  description:
    'The body is the file itself (`text/csv` or `text/plain`), read as it streams. A row is a number (E.164; for a mainland template also 11 digits or `86…` without `+`) and then the values of `${1}`, `${2}`, … A first row whose first cell holds no digit is a header. Each row is checked with the rules of a send; a number an earlier row had is dropped as a duplicate. Up to 1,000,000 accepted rows and 128 MiB. The answer comes once the file is read; meanwhile `GET /v1/campaigns/uploads` shows the upload with its counts.',
  request: { query: UploadQuery, body: fileBody },
  responses: {
    201: {
      description: 'Read: the counts, the estimate and the first refused rows',
      headers: { Location: { description: 'The upload', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: UploadSummary } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

const listRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'The app’s tenant’s recipient lists, newest first, with their progress',
  request: { query: UploadListQuery },
  responses: { 200: jsonResponse(UploadList, 'The uploads'), ...errorResponses(400, 401, 403) },
});

const getRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/{id}',
  summary: 'A recipient list: its progress while it streams in, then its counts, estimate and first refused rows',
  request: { params: UploadIdParams },
  responses: { 200: jsonResponse(UploadSummary, 'The upload'), ...errorResponses(400, 401, 403, 404) },
});

const errorsRoute = apiRoute({
  ...common,
  method: 'get',
  path: '/{id}/errors',
  summary: 'Every refused row of a recipient list, as CSV (`line,code,message`)',
  request: { params: UploadIdParams },
  responses: {
    200: { description: 'The refused rows in line order', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const failureStatus: Record<UploadFailureCode, ContentfulStatusCode> = {
  payload_too_large: 413,
  invalid_csv: 422,
  too_many_rows: 422,
  no_recipients: 422,
  // The client stopped sending; it is unlikely to read the answer.
  upload_interrupted: 400,
};

const readsCsv = /^text\/(csv|plain)\b/i;
const errorsPage = 1000;

/** `/v1/campaigns/uploads`: recipient lists of the Group SMS Assistant (docs/api.md). */
export function campaignUploadsRoutes(deps: Pick<AcceptDeps, 'db' | 'lookups' | 'logger'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  const tenantUpload = async (tenantId: string, id: string) => {
    const upload = await findTenantUpload(deps.db, tenantId, id);
    if (!upload) throw new ApiError(404, 'upload_not_found', `No recipient list ${id} for this tenant.`);
    return upload;
  };

  app.openapi(uploadRoute, async (c) => {
    const { templateId, name, signature } = c.req.valid('query');
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > uploadLimits.maxBytes) throw new ApiError(413, 'payload_too_large', `The file is larger than ${uploadLimits.maxBytes / (1024 * 1024)} MiB.`);
    if (!readsCsv.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the list as text/csv or text/plain: one recipient per row.');
    }
    const app = c.get('app');
    const checked = await checkUploadTemplate(deps.lookups, app, templateId, signature);
    if (!checked.ok) throw new ApiError(checked.refusal.code === 'template_not_found' ? 404 : 422, checked.refusal.code, checked.refusal.message);
    let id: string;
    try {
      id = await receiveUpload(deps, { app, name, list: checked.list }, c.req.raw.body);
    } catch (err) {
      if (!(err instanceof UploadFailure)) throw err;
      const upload = err.uploadId ? await uploadSummary(deps.db, await tenantUpload(app.tenant_id, err.uploadId)) : undefined;
      throw new ApiError(failureStatus[err.code], err.code, err.message, { uploadId: err.uploadId, upload });
    }
    const summary = await uploadSummary(deps.db, await tenantUpload(app.tenant_id, id));
    return c.json(summary, 201, { Location: `/v1/campaigns/uploads/${id}` });
  });

  app.openapi(listRoute, async (c) => {
    const [uploads, prices] = await Promise.all([listTenantUploads(deps.db, c.get('app').tenant_id, c.req.valid('query').limit), publishedPriceTable(deps.db)]);
    return c.json({ uploads: uploads.map((u) => uploadView(u, prices)) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const upload = await tenantUpload(c.get('app').tenant_id, c.req.valid('param').id);
    return c.json(await uploadSummary(deps.db, upload), 200);
  });

  app.openapi(errorsRoute, async (c) => {
    const upload = await tenantUpload(c.get('app').tenant_id, c.req.valid('param').id);
    const csv = pagedCsv((afterLine: number | undefined, limit: number) => uploadErrorsAfter(deps.db, upload.id, afterLine ?? 0, limit), (row) => row.line, ['line', 'code', 'message'], {
      pageSize: errorsPage,
      guardFormulas: true,
      windowsLineEnds: true,
    });
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="upload-${upload.id}-errors.csv"`,
    });
  });

  return app;
}
