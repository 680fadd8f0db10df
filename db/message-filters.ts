import type { MessageStatus } from '../domain/message-status.ts';

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
