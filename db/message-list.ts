import type { Db } from './connect.ts';
import type { MessageStatus } from '../domain/message-status.ts';
import type { MessageRow } from './schema.ts';
import { microsOf, olderThan, type ListPosition } from './list-position.ts';

/** What a tenant's list of messages may be narrowed to; every field is optional and they combine with "and". */
export interface MessageFilters {
  /** Accepted at or after. */
  since?: Date;
  /** Accepted before. */
  until?: Date;
  statuses?: readonly MessageStatus[];
  templateId?: string;
  campaignId?: string;
  requestId?: string;
  /** The recipient, exactly (E.164). */
  to?: string;
  /** The recipient's first digits, `+` included (`+86138`). */
  toPrefix?: string;
  carrier?: string;
  errorCode?: string;
  country?: string;
  region?: 'mainland' | 'international';
  signature?: string;
}

/** The columns a list shows of a message: all but its text and its dispatch bookkeeping. */
const listColumns = [
  'id',
  'request_id',
  'recipient',
  'sender',
  'template_id',
  'segments',
  'status',
  'error_code',
  'error_message',
  'reference',
  'carrier',
  'campaign_id',
  'send_at',
  'created_at',
  'submitted_at',
  'completed_at',
  'country',
  'region',
  'signature',
] as const;

export type MessageListRow = Pick<MessageRow, (typeof listColumns)[number]> & {
  /** `created_at` in microseconds since 1970, as text. */
  created_micros: string;
};

/** A page of a tenant's messages, newest first, after `after` when given. */
export async function listTenantMessages(db: Db, tenantId: string, filters: MessageFilters, limit: number, after?: ListPosition): Promise<MessageListRow[]> {
  let query = db
    .selectFrom('messages')
    .select([...listColumns, microsOf('created_at').as('created_micros')])
    .where('tenant_id', '=', tenantId);
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
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
