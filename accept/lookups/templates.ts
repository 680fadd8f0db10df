import type { Db } from '../../db/connect.ts';
import type { TemplateRow } from '../../db/schema.ts';
import { findTenantTemplate } from '../../db/templates.ts';
import { ttlCache } from '../../domain/ttl-cache.ts';

export type TemplateLookup = (tenantId: string, templateId: string) => Promise<TemplateRow | undefined>;

/**
 * Approved templates are cached briefly: a verification code should not pay a database round trip for a template
 * that changes rarely. Only approved templates are kept, so a template that is approved is usable at once; one
 * that stops being approved is refused within `cacheMs`.
 */
export function cachedTemplates(db: Db, cacheMs = 5_000): TemplateLookup {
  const lookup = ttlCache<TemplateRow | undefined>({
    ttlMs: cacheMs,
    load: (key) => {
      const [tenantId = '', templateId = ''] = key.split('/');
      return findTenantTemplate(db, tenantId, templateId);
    },
    keep: (template) => template?.status === 'approved',
  });
  return (tenantId, templateId) => lookup(`${tenantId}/${templateId}`);
}
