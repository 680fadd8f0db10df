import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { listTenantReplies, type ReplyListRow } from '../../db/reply-list.ts';
import { requireScope, type AuthVariables } from '../auth/authenticate.ts';
import { NextCursor, pageOf, pageQuery, positionOf, timeRange } from '../list-pages.ts';
import { apiRoute, errorResponses, jsonResponse } from '../schemas/common.ts';

const Time = z.iso.datetime({ offset: true });
const replyKey = /^\d{1,19}$/;
const security: { [scheme: string]: string[] }[] = [{ basicAuth: [] }, { bearerAuth: [] }];

const ReplyView = z
  .object({
    id: z.uuid().openapi({ description: 'The reply’s id, as in its uplink notification (`smsMsgId`).' }),
    from: z.string().openapi({ description: 'The number that replied (E.164).' }),
    to: z.string().openapi({ description: 'The number it replied to: the channel number with the app’s extension.' }),
    text: z.string(),
    receivedAt: z.string(),
    missingParts: z.array(z.number().int()).nullable().openapi({ description: 'Parts of a long reply that never came (it was delivered without them); null when whole.' }),
    appId: z.uuid().nullable(),
    answers: z
      .object({ messageId: z.uuid(), templateId: z.string(), sentAt: z.string() })
      .nullable()
      .openapi({ description: 'The message it answers: the app’s last one to this number before the reply came; null when none is held.' }),
  })
  .openapi('Reply');

const listRoute = apiRoute({
  tags: ['Messages'],
  security,
  middleware: requireScope('read'),
  method: 'get',
  path: '/',
  summary: 'Replies from recipients, newest first, each with the message it answers',
  request: {
    query: z.object({
      ...pageQuery,
      since: Time.optional().openapi({ description: 'Received at or after this time (ISO 8601).' }),
      until: Time.optional().openapi({ description: 'Received before this time (ISO 8601).' }),
      from: z
        .string()
        .regex(/^\+[1-9]\d{5,14}$/, 'a number in E.164 form, + and 6 to 15 digits')
        .optional()
        .openapi({ description: 'The number that replied, exactly.', example: '+8613812345678' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ replies: z.array(ReplyView), nextCursor: NextCursor }).openapi('ReplyList'), 'A page of replies'), ...errorResponses(401, 403, 422) },
});

function replyView(r: ReplyListRow): z.infer<typeof ReplyView> {
  return {
    id: r.public_id,
    from: r.sender,
    to: r.recipient,
    text: r.text,
    receivedAt: r.received_at.toISOString(),
    missingParts: r.missing_parts,
    appId: r.app_id,
    answers: r.message_id && r.message_template_id && r.message_sent_at ? { messageId: r.message_id, templateId: r.message_template_id, sentAt: r.message_sent_at.toISOString() } : null,
  };
}

/** `/v1/replies`: what recipients answered the tenant's numbers. */
export function repliesRoutes(db: Db) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>();
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, since, until, from } = c.req.valid('query');
    const rows = await listTenantReplies(db, c.get('app').tenant_id, { ...timeRange(since, until), ...(from ? { from } : {}) }, limit + 1, positionOf(cursor, replyKey));
    const { items, nextCursor } = pageOf(rows, limit, (r) => ({ micros: BigInt(r.received_micros), key: r.id }));
    return c.json({ replies: items.map(replyView), nextCursor }, 200);
  });
  return app;
}
