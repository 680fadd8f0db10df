import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { createMessageExport, findMessageExport, readExportPart } from '../../db/message-exports.ts';
import type { MessageExportsTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { MessageExports } from '../../processes/message-exports.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { messageFiltersOf } from '../message-filters.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { MessageExportJob, MessageExportJobBody } from '../schemas/message-list.ts';

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const tags = ['Messages'];
const ExportIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const startRoute = apiRoute({
  method: 'post',
  path: '/',
  summary: 'Export the sending details in the background: for files too large to wait for',
  description:
    'The filters of `GET /v1/messages`. The file (the columns of `GET /v1/messages/export`) is written by a workflow in parts of about a megabyte; ' +
    '`GET /v1/messages/exports/{id}` follows it, and once `ready` its `downloadUrl` serves it for a day, then it is deleted.',
  tags,
  security,
  middleware: requireScope('read'),
  request: { body: { required: true, content: { 'application/json': { schema: MessageExportJobBody } } } },
  responses: { 202: jsonResponse(MessageExportJob, 'The export, started'), ...errorResponses(400, 401, 403, 415, 422) },
});

const getRoute = apiRoute({
  method: 'get',
  path: '/{id}',
  summary: 'An export: how far it is, and where to download it when ready',
  tags,
  security,
  middleware: requireScope('read'),
  request: { params: ExportIdParams },
  responses: { 200: jsonResponse(MessageExportJob, 'The export'), ...errorResponses(400, 401, 403, 404) },
});

const fileRoute = apiRoute({
  method: 'get',
  path: '/{id}/file',
  summary: 'The file of a ready export (CSV), until it expires',
  tags,
  security,
  middleware: requireScope('read'),
  request: { params: ExportIdParams },
  responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(400, 401, 403, 404, 409, 410) },
});

type ExportRow = Selectable<MessageExportsTable>;

function exportView(row: ExportRow): z.infer<typeof MessageExportJob> {
  return {
    id: row.id,
    state: row.state,
    rows: Number(row.rows),
    bytes: Number(row.bytes),
    filters: row.filters as unknown as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at.toISOString(),
    downloadUrl: row.state === 'ready' ? `/v1/messages/exports/${row.id}/file` : null,
    error: row.error,
  };
}

/** `/v1/messages/exports`: background exports of the sending details, their progress and their files. */
export function messageExportsRoutes(db: Db, exports: MessageExports | undefined, now: () => Date = () => new Date()) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();

  const found = async (tenantId: string, id: string) => {
    const row = await findMessageExport(db, id, tenantId);
    if (!row) throw new ApiError(404, 'export_not_found', `No export ${id} for this tenant.`);
    return row;
  };

  app.openapi(startRoute, async (c) => {
    if (!exports) throw new ApiError(503, 'scheduler_unavailable', 'Background exports are not available: the workflow service is not configured.');
    // Every field may be left out, so an absent body would pass as `{}` (everything): the body must be there.
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the filters as a JSON body (`{}` for every message), with content-type application/json.');
    }
    const { bom, ...query } = c.req.valid('json');
    const filters = messageFiltersOf(query);
    const tenant = c.get('app');
    const id = randomUUID();
    const row = await db.transaction().execute(async (trx) => {
      const created = await createMessageExport(trx, { id, tenantId: tenant.tenant_id, appId: tenant.id, filters, bom, now: now() });
      // Started before the commit: a workflow whose export never committed finds no row and fails; a committed
      // export without its workflow would stay `running` for ever.
      await exports.start({ exportId: id, tenantId: tenant.tenant_id });
      return created;
    });
    return c.json(exportView(row), 202);
  });

  app.openapi(getRoute, async (c) => c.json(exportView(await found(c.get('app').tenant_id, c.req.valid('param').id)), 200));

  app.openapi(fileRoute, async (c) => {
    const row = await found(c.get('app').tenant_id, c.req.valid('param').id);
    if (row.state === 'expired') throw new ApiError(410, 'export_expired', `Export ${row.id} expired at ${row.expires_at.toISOString()}; start a new one.`);
    if (row.state !== 'ready') throw new ApiError(409, 'export_not_ready', `Export ${row.id} is ${row.state}; download it once it is ready.`);
    // A part at a time, as the client takes them.
    const parts = Readable.from(
      (async function* () {
        for (let partNo = 0; partNo < row.parts; partNo++) {
          const part = await readExportPart(db, row.id, partNo);
          if (!part) throw new Error(`export ${row.id} lost part ${partNo}`);
          yield part;
        }
      })(),
    );
    c.header('content-disposition', `attachment; filename="messages-${row.created_at.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.csv"`);
    c.header('content-length', String(row.bytes));
    return c.body(Readable.toWeb(parts) as ReadableStream<Uint8Array>, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  return app;
}
