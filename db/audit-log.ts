import type { Db } from './connect.ts';
import type { AuditActorKind } from './schema.ts';

export interface AuditActor {
  kind: AuditActorKind;
  id: string;
  name: string;
}

export interface AuditEntry {
  actor: AuditActor;
  /** The tenant whose settings changed; null for a change to the platform. */
  tenantId: string | null;
  action: string;
  path: string;
  status: number;
  details: unknown;
  requestId: string | null;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      tenant_id: entry.tenantId,
      action: entry.action,
      path: entry.path,
      status: entry.status,
      details: JSON.stringify(entry.details),
      request_id: entry.requestId,
    })
    .execute();
}

/** Newest first, `limit` at most, before the entry `before` when given (cursor pagination). */
export async function listAudit(db: Db, options: { limit: number; before?: number; actorId?: string; tenantId?: string }) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('audit_log.id', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.actorId) query = query.where('actor_id', '=', options.actorId);
  if (options.tenantId) query = query.where('tenant_id', '=', options.tenantId);
  return query.execute();
}
