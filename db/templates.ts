import type { Db } from './connect.ts';
import type { TemplateRow } from './schema.ts';

/** A tenant's template; another tenant's id is as unknown as one that does not exist. */
export async function findTenantTemplate(db: Db, tenantId: string, templateId: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('id', '=', templateId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}
