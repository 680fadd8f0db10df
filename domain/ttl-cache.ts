import { LruMap } from './lru-map.ts';

/**
 * A small read-through cache for rows the hot path reads on every request and that change rarely (apps,
 * templates, API keys): a change is seen within `ttlMs`. Values `keep` refuses are not cached. At most
 * `maxEntries` are held, the least recently used dropped first (a flood of new keys cannot empty it).
 */
export function ttlCache<V>(options: {
  ttlMs: number;
  load: (key: string) => Promise<V>;
  keep?: (value: V) => boolean;
  maxEntries?: number;
}): (key: string) => Promise<V> {
  const entries = new LruMap<string, { value: V; until: number }>(options.maxEntries ?? 10_000);
  return async (key) => {
    const hit = entries.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await options.load(key);
    if (options.keep && !options.keep(value)) {
      entries.delete(key);
    } else {
      entries.set(key, { value, until: Date.now() + options.ttlMs });
    }
    return value;
  };
}
