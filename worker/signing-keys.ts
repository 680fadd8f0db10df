import type { Db } from '../db/connect.ts';
import { findSigningSecrets } from '../db/apps.ts';
import type { SecretBox } from '../domain/secret-box.ts';

export interface SigningKeys {
  /** The secrets in force for each of these apps (none for an app that signs nothing), a round's worth at once. */
  of(appIds: readonly string[]): Promise<Map<string, readonly string[]>>;
}

/**
 * The apps' callback signing secrets, opened from their sealed form and kept for `ttlMs` (a rotation is seen
 * within that time), at most `maxEntries` apps, the least recently used going first.
 */
export function signingKeys(db: Db, secrets: SecretBox, ttlMs = 5_000, maxEntries = 10_000): SigningKeys {
  const cache = new Map<string, { secrets: readonly string[]; until: number }>();
  return {
    async of(appIds) {
      const now = Date.now();
      const found = new Map<string, readonly string[]>();
      const missing: string[] = [];
      for (const id of new Set(appIds)) {
        const hit = cache.get(id);
        if (hit && hit.until > now) {
          // Touched: moves to the end, so the first entries are the least recently used.
          cache.delete(id);
          cache.set(id, hit);
          found.set(id, hit.secrets);
        } else missing.push(id);
      }
      if (missing.length) {
        const loaded = await findSigningSecrets(db, secrets, missing);
        for (const id of missing) {
          const inForce = loaded.get(id) ?? [];
          cache.delete(id);
          cache.set(id, { secrets: inForce, until: now + ttlMs });
          found.set(id, inForce);
        }
        for (const id of cache.keys()) {
          if (cache.size <= maxEntries) break;
          cache.delete(id);
        }
      }
      return found;
    },
  };
}
