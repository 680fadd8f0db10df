import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

/**
 * Custom search attributes every Tern workflow carries, so operators can filter the Temporal UI by tenant,
 * process and state. They must be registered on the server (the dev stack and tests do it at start-up).
 */
export const tenantKey = defineSearchAttributeKey('TernTenant', SearchAttributeType.KEYWORD);
export const processKey = defineSearchAttributeKey('TernProcess', SearchAttributeType.KEYWORD);
export const stateKey = defineSearchAttributeKey('TernState', SearchAttributeType.KEYWORD);

export const ternSearchAttributes = [tenantKey, processKey, stateKey];

/**
 * Records a workflow's state for the UI. Only workflows started with Tern's search attributes carry them on:
 * a server without them registered (the time-skipping test server cannot register any) gets plain workflows.
 */
export function upsertState(state: string): void {
  if (workflowInfo().typedSearchAttributes.get(processKey) === undefined) return;
  upsertSearchAttributes([{ key: stateKey, value: state }]);
}
