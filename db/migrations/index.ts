import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';

/** Every migration, in order. A static list keeps migrations working under tsx, bundlers and tests alike. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
};
