import { z } from '@hono/zod-openapi';
import type { listAudit } from '../../db/audit-log.ts';

export const AuditEntryView = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.enum(['operator', 'console_user', 'app', 'api_key']).openapi({ description: 'Who made the change: an operator (staff signed in to the console act as one), a tenant’s console user, an app (its secret) or an API key.' }),
    actorId: z.uuid(),
    actorName: z.string().openapi({ description: 'The operator’s name (a staff user’s email), the console user’s email, the app’s key or the API key’s prefix.' }),
    tenantId: z.uuid().nullable().openapi({ description: 'The tenant the change was made for; null for the platform’s own settings.' }),
    action: z.string().openapi({ example: 'POST /v1/admin/reviews/{id}/decision' }),
    path: z.string(),
    status: z.number().int(),
    details: z.unknown().openapi({ description: 'The request’s fields (secrets redacted) and path parameters.' }),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const auditPageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Entries older than this id (the last one of the previous page).' }),
};

export function auditEntryView(r: Awaited<ReturnType<typeof listAudit>>[number]): z.infer<typeof AuditEntryView> {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    tenantId: r.tenant_id,
    action: r.action,
    path: r.path,
    status: r.status,
    details: r.details,
    requestId: r.request_id,
  };
}
