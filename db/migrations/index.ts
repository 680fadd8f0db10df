import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as repliesAndReceiptTimeout from './0002_replies_and_receipt_timeout.ts';

/** Every migration, in order. A static list keeps migrations working under tsx, bundlers and tests alike. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_replies_and_receipt_timeout': repliesAndReceiptTimeout,
};
