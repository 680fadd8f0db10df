import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { TestTenant } from './tenant.ts';

/**
 * POST /v1/messages with the tenant's verification-code template of the recipients' region (mainland for +86
 * numbers, international otherwise; a template goes only to numbers of its region), as the load of the end-to-end
 * and fault tests.
 */
export function sendCode(apiUrl: string, tenant: TestTenant, to: string[], extra: Record<string, unknown> = {}): Promise<Response> {
  const templateId = to.length > 0 && to.every((n) => n.startsWith('+86')) ? tenant.templates.mainlandCode : tenant.templates.code;
  return fetch(`${apiUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: tenant.authorization },
    body: JSON.stringify({ to, templateId, params: ['424242'], ...extra }),
  });
}

/** How many messages are in each status, e.g. `{ accepted: 12, delivered: 988 }`. */
export async function messageCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n from messages group by status`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
