import type { MessageFilters } from '../db/message-list.ts';
import type { MessageStatus } from '../domain/message-status.ts';
import { ApiError } from './errors.ts';
import type { MessageFiltersQuery } from './schemas/message-list.ts';

/** The filters of a list or export of the sending details, checked beyond their schema. */
export function messageFiltersOf(query: MessageFiltersQuery): MessageFilters {
  const { since, until, status, ...exact } = query;
  const range = { ...(since ? { since: new Date(since) } : {}), ...(until ? { until: new Date(until) } : {}) };
  if (range.since && range.until && range.since >= range.until) throw new ApiError(422, 'invalid_time_range', '`since` must be before `until`.');
  return { ...exact, ...range, ...(status ? { statuses: status.split(',') as MessageStatus[] } : {}) };
}
