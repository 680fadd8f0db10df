import type { AppRow } from '../db/schema.ts';
import { channelNumbers } from '../domain/channel-numbers.ts';

/** An app as operators and its own tenant see it: its numbers and settings, never a secret. */
export function appView(row: AppRow) {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    appKey: row.app_key,
    ...channelNumbers(row),
    mainlandExtension: row.mainland_extension,
    callbackUrl: row.callback_url,
    uplinkUrl: row.uplink_url,
    requestsPerSecond: row.requests_per_second,
    wsseNonceCheck: row.wsse_nonce_check,
    createdAt: row.created_at.toISOString(),
  };
}
