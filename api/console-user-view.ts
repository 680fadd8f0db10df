import type { z } from '@hono/zod-openapi';
import type { ConsoleUserRow } from '../db/schema.ts';
import type { ConsoleUserView } from './schemas/console.ts';

export function consoleUserView(row: ConsoleUserRow): z.infer<typeof ConsoleUserView> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: row.tenant_id,
    locale: row.locale,
    state: row.disabled_at ? 'disabled' : row.password_hash ? 'active' : 'invited',
    createdAt: row.created_at.toISOString(),
  };
}
