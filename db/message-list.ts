import type { Db } from './connect.ts';
import type { MessageRow } from './schema.ts';
import type { MessageFilters } from './message-filters.ts';
export type { MessageFilters } from './message-filters.ts';
import { microsOf, olderThan, type ListPosition } from './list-position.ts';

/** The columns a list shows of a message: all but its text and its dispatch bookkeeping. */
const listColumns = [
  'id', 'request_id', 'template_id', 'segments', 'status', 'error_code', 'error_message', 'reference', 'carrier', 'campaign_id', 'country', 'region', 'signature',
  'recipient', 'sender', 'send_at', 'created_at', 'submitted_at', 'completed_at',
] as const;

export type MessageListRow = Pick<MessageRow, (typeof listColumns)[number]> & {
  /** `created_at` in microseconds since 1970, as text. */
  created_micros: string;
};

/** A tenant's messages that match `filters`, after `after` when given, newest first: a page selects its columns. */
export function matchingMessages(db: Db, tenantId: string, filters: MessageFilters, after: ListPosition | undefined) {
  let query = db.selectFrom('messages').where('tenant_id', '=', tenantId);
  if (filters.since) query = query.where('created_at', '>=', filters.since);
  if (filters.until) query = query.where('created_at', '<', filters.until);
  if (filters.statuses?.length) query = query.where('status', 'in', [...filters.statuses]);
  if (filters.templateId) query = query.where('template_id', '=', filters.templateId);
  if (filters.campaignId) query = query.where('campaign_id', '=', filters.campaignId);
  if (filters.requestId) query = query.where('request_id', '=', filters.requestId);
  if (filters.to) query = query.where('recipient', '=', filters.to);
  // A prefix of digits and `+` only (the schema's pattern): nothing in it is a LIKE wildcard.
  if (filters.toPrefix) query = query.where('recipient', 'like', `${filters.toPrefix}%`);
  if (filters.carrier) query = query.where('carrier', '=', filters.carrier);
  if (filters.errorCode) query = query.where('error_code', '=', filters.errorCode);
  if (filters.country) query = query.where('country', '=', filters.country);
  if (filters.region) query = query.where('region', '=', filters.region);
  if (filters.signature) query = query.where('signature', '=', filters.signature);
  if (after) query = query.where(olderThan('created_at', 'id', 'uuid', after));
  // Qualified: a select may name an expression as a column, which a bare name would sort by.
  return query.orderBy('messages.created_at', 'desc').orderBy('messages.id', 'desc');
}

/** A page of a tenant's messages, newest first, after `after` when given. */
export async function listTenantMessages(db: Db, tenantId: string, filters: MessageFilters, limit: number, after?: ListPosition): Promise<MessageListRow[]> {
  return matchingMessages(db, tenantId, filters, after)
    .select([...listColumns, microsOf('created_at').as('created_micros')])
    .limit(limit)
    .execute();
}
