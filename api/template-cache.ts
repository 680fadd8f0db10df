import type { Db } from '../db/connect.ts';
import type { TemplateRow } from '../db/schema.ts';
import { findTenantTemplate } from '../db/templates.ts';

export type TemplateLookup = (tenantId: string, templateId: string) => Promise<TemplateRow | undefined>;

/**
 * Approved templates are cached briefly, like app rows in the auth middleware: a verification code should not
 * pay a database round trip for a template that changes rarely. Only approved templates are kept, so a
 * template that is approved is usable at once; one that stops being approved is refused within `cacheMs`.
 */
export function cachedTemplates(db: Db, cacheMs = 5_000, maxEntries = 10_000): TemplateLookup {
  const cache = new Map<string, { template: TemplateRow; until: number }>();
  return async (tenantId, templateId) => {
    const key = `${tenantId}/${templateId}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.template;
    const template = await findTenantTemplate(db, tenantId, templateId);
    if (template?.status === 'approved') {
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, { template, until: Date.now() + cacheMs });
    } else {
      cache.delete(key);
    }
    return template;
  };
}
