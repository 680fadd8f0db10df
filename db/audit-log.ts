import type { Db } from './connect.ts';

export interface AuditEntry {
  operatorId: string;
  operatorName: string;
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
      operator_id: entry.operatorId,
      operator_name: entry.operatorName,
      action: entry.action,
      path: entry.path,
      status: entry.status,
      details: JSON.stringify(entry.details),
      request_id: entry.requestId,
    })
    .execute();
}

/** Newest first, `limit` at most, before the entry `before` when given (cursor pagination). */
export async function listAudit(db: Db, options: { limit: number; before?: number; operatorId?: string }) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('id', '<', options.before);
  if (options.operatorId) query = query.where('operator_id', '=', options.operatorId);
  return query.execute();
}
