import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { listTenantNotices, noticeKinds, type NoticeKind } from '../../db/tenant-notice-list.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { commaList, NextCursor, pageOf, pageQuery, positionOf } from '../list-pages.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';

/** A notice's key: a letter for where it is recorded, then its id there. */
const noticeKey = /^[nase][0-9a-z-]{1,60}$/;

const NoticeView = z
  .object({
    id: z.string().openapi({ description: 'Unique among the tenant’s notices.' }),
    kind: z.enum(noticeKinds),
    at: z.string(),
    details: z.record(z.string(), z.unknown()).openapi({
      description:
        '`traffic_alarm`: period, periodStart, count; `suspended`: reason, until, period, periodStart; `suspension_ended`: reason, liftedByOperator; `quota_alarm`: scope, threshold, remaining; `quota_runout` and `quota_resumed`: holdId (and reason).',
    }),
  })
  .openapi('Notice');

const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];

const listRoute = apiRoute({
  tags: ['Sending controls'],
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: 'What the platform told the tenant of: traffic alarms, suspensions and their ends, quota alarms and holds; newest first',
  request: {
    query: z.object({
      ...pageQuery,
      kind: commaList(noticeKinds, 'Any of these kinds, comma-separated.', 'traffic_alarm,suspended'),
    }),
  },
  responses: { 200: jsonResponse(z.object({ notices: z.array(NoticeView), nextCursor: NextCursor }).openapi('NoticeList'), 'A page of notices'), ...errorResponses(401, 403, 422) },
});

/** `/v1/notices`: the tenant's notices, from where each kind is recorded. */
export function noticesRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, kind } = c.req.valid('query');
    const kinds = kind ? (kind.split(',') as NoticeKind[]) : undefined;
    const rows = await listTenantNotices(db, c.get('app').tenant_id, kinds, limit + 1, positionOf(cursor, noticeKey));
    const { items, nextCursor } = pageOf(rows, limit, (n) => ({ micros: BigInt(n.at_micros), key: n.key }));
    return c.json({ notices: items.map((n) => ({ id: n.key, kind: n.kind, at: n.at.toISOString(), details: n.details })), nextCursor }, 200);
  });
  return app;
}
