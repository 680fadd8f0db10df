import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every Tern workflow carries, so operators can filter the Temporal UI by tenant,
 * process and state. They must be registered on the server (the dev stack and tests do it at start-up).
 */
export const tenantKey = defineSearchAttributeKey('TernTenant', SearchAttributeType.KEYWORD);
export const processKey = defineSearchAttributeKey('TernProcess', SearchAttributeType.KEYWORD);
export const stateKey = defineSearchAttributeKey('TernState', SearchAttributeType.KEYWORD);

export const ternSearchAttributes = [tenantKey, processKey, stateKey];
