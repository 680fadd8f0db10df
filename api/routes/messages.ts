import { Readable } from 'node:stream';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { acceptMessages } from '../accept-messages.ts';
import type { AcceptDeps } from '../../accept/accept.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { ApiError } from '../errors.ts';
import { pageOf, positionOf, uuidKey } from '../list-pages.ts';
import { messageSummary, messageView } from '../message-view.ts';
import { listTenantMessages, type MessageListRow } from '../../db/message-list.ts';
import { copyExportPage, messageExportHeader } from '../../db/message-export-pages.ts';
import type { ListPosition } from '../../db/list-position.ts';
import { cancelScheduledMessage, countScheduledInRequest, findTenantMessage } from '../../db/messages.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';
import { MessageExportQuery, MessageListQuery, MessageListResponse } from '../schemas/message-list.ts';
import { pagesAhead } from '../paged-csv.ts';
import { messageFiltersOf as filtersOf } from '../message-filters.ts';
import {
  IdempotencyHeaders,
  MessageIdParams,
  MessageView,
  SendMessagesBody,
  SendMessagesResponse,
} from '../schemas/messages.ts';

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];
const tags = ['Messages'];

const sendRoute = apiRoute({
  method: 'post',
  path: '/',
  summary: 'Send an SMS from a template to one or many recipients',
  tags,
  security,
  middleware: requireScope('send'),
  request: {
    headers: IdempotencyHeaders,
    body: { required: true, content: { 'application/json': { schema: SendMessagesBody } } },
  },
  responses: {
    202: {
      description: 'Accepted: one entry per recipient, with its message id or the reason it was refused',
      content: { 'application/json': { schema: SendMessagesResponse } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 422, 429),
  },
});

/** The routes on one message: they share the path, the auth and the answer, a message view. */
function messageRoute<M extends 'get' | 'delete'>(method: M, summary: string, description: string, errors: Parameters<typeof errorResponses>) {
  return apiRoute({
    method,
    path: '/{id}',
    summary,
    tags,
    security,
    // Reading needs `read`; cancelling changes what is sent, so it needs `send`.
    middleware: requireScope(method === 'get' ? 'read' : 'send'),
    request: { params: MessageIdParams },
    responses: {
      200: { description, content: { 'application/json': { schema: MessageView } } },
      ...errorResponses(...errors),
    },
  });
}

const listRoute = apiRoute({
  method: 'get',
  path: '/',
  summary: 'Sending details: the messages, newest first, narrowed by any of the filters',
  tags,
  security,
  middleware: requireScope('read'),
  request: { query: MessageListQuery },
  responses: { 200: jsonResponse(MessageListResponse, 'A page of messages, and the cursor of the next'), ...errorResponses(422) },
});

const exportRoute = apiRoute({
  method: 'get',
  path: '/export',
  summary: 'Sending details as CSV: every message the filters match, newest first',
  description:
    'The filters of `GET /v1/messages`; one line per message: `' +
    'id,request_id,to,from,template_id,segments,status,error_code,error_message,reference,carrier,campaign_id,send_at,created_at,submitted_at,completed_at,country,region,signature`. ' +
    'Streamed as it is read, no row cap. A cell that a spreadsheet would run as a formula (a number starting with `+`) is prefixed with `\'`.',
  tags,
  security,
  middleware: requireScope('read'),
  request: { query: MessageExportQuery },
  responses: { 200: { description: 'The messages', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(422) },
});

const getRoute = messageRoute('get', 'A message with its parts and timeline', 'The message', [400, 401, 403, 404, 429]);
const cancelRoute = messageRoute('delete', 'Cancel a scheduled message before its send time', 'The cancelled message', [400, 401, 403, 404, 409, 429]);

const listPosition = (m: Pick<MessageListRow, 'created_micros' | 'id'>) => ({ micros: BigInt(m.created_micros), key: m.id });

// Rows a page of an export: each page is planned and started anew, so larger pages cost less a row; two are held
// (about 2.5 MB each at 10,000: at 20,000 the api's RSS peaked 6–8 MB higher for the same rate).
const exportPage = 10_000;

function messageNotFound(id: string): ApiError {
  return new ApiError(404, 'message_not_found', `No message ${id} for this app.`);
}

export function messagesRoutes(deps: AcceptDeps) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();

  app.openapi(sendRoute, async (c) => {
    const { result, replayed } = await acceptMessages(
      deps,
      c.get('app'),
      c.req.valid('json'),
      c.req.valid('header')['idempotency-key'],
    );
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result, 202);
  });

  app.openapi(listRoute, async (c) => {
    const { limit, cursor, ...query } = c.req.valid('query');
    const after = positionOf(cursor, uuidKey);
    const rows = await listTenantMessages(deps.db, c.get('app').tenant_id, filtersOf(query), limit + 1, after);
    const { items, nextCursor } = pageOf(rows, limit, listPosition);
    return c.json({ messages: items.map(messageSummary), nextCursor }, 200);
  });

  // Before `/{id}`, which would take `export` for an id.
  app.openapi(exportRoute, async (c) => {
    const { bom, ...query } = c.req.valid('query');
    const filters = filtersOf(query);
    const tenantId = c.get('app').tenant_id;
    const pages = pagesAhead(
      (after: ListPosition | undefined) => copyExportPage(deps.db, tenantId, filters, exportPage, after),
      (page) => (page.rows === exportPage ? page.last : undefined),
    );
    const header = messageExportHeader(bom === 'true');
    const lines = (async function* () {
      yield header;
      for await (const page of pages) yield page.csv;
    })();
    // Bytes, not objects: the stream holds a page at most beyond the one being sent, and pulls the next as the socket drains.
    const csv = Readable.toWeb(Readable.from(lines, { objectMode: false })) as ReadableStream<Uint8Array>;
    c.header('content-disposition', `attachment; filename="messages-${new Date().toISOString().slice(0, 10)}.csv"`);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const message = await findTenantMessage(deps.db, c.get('app').tenant_id, id);
    if (!message) throw messageNotFound(id);
    return c.json(await messageView(deps.db, message), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    const message = await cancelScheduledMessage(deps.db, c.get('app').tenant_id, id);
    if (!message) throw messageNotFound(id);
    if (message.status !== 'cancelled') {
      throw new ApiError(409, 'not_cancellable', `Message ${id} is ${message.status}; only scheduled messages can be cancelled.`);
    }
    if ((await countScheduledInRequest(deps.db, message.request_id)) === 0) {
      await deps.scheduledSends.cancel(message.request_id);
    }
    return c.json(await messageView(deps.db, message), 200);
  });

  return app;
}
