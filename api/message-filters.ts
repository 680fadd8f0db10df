import type { MessageFilters } from '../db/message-list.ts';
import type { MessageStatus } from '../domain/message-status.ts';
import { timeRange } from './list-pages.ts';
import type { MessageFiltersQuery } from './schemas/message-list.ts';

/** The filters of a list or export of the sending details, checked beyond their schema. */
export function messageFiltersOf(query: MessageFiltersQuery): MessageFilters {
  const { since, until, status, ...exact } = query;
  return { ...exact, ...timeRange(since, until), ...(status ? { statuses: status.split(',') as MessageStatus[] } : {}) };
}
