import type { Db } from '../../db/connect.ts';
import { findApprovedSignatures } from '../../db/signatures.ts';
import type { ApprovedSignature } from '../../domain/signature-rules.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

export type SignatureLookup = (tenantId: string) => Promise<ApprovedSignature[]>;

const fromDb = (db: Db): SignatureLookup => async (tenantId) => (await findApprovedSignatures(db, tenantId)).map(({ name, type }) => ({ name, type }));

/**
 * A tenant's approved signatures, cached briefly like templates. A tenant without any is not cached, so a first
 * approval is usable at once; a further one is within `cacheMs`.
 */
export function cachedSignatures(db: Db, cacheMs = 5_000): SignatureLookup {
  const lookup = ttlCache<ApprovedSignature[]>({ ttlMs: cacheMs, load: fromDb(db), keep: (list) => list.length > 0 });
  return (tenantId) => lookup(tenantId);
}
