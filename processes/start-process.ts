import type { Client } from '@temporalio/client';
import { processKey, stateKey, tenantKey } from '../workflows/search-attributes.ts';

export interface TemporalProcessOptions {
  /** Tag workflows with Tern's search attributes; off only for servers that cannot register them. */
  searchAttributes?: boolean;
}

/**
 * Starts one of Tern's processes, tagged with tenant, process and initial state so operators can filter the
 * Temporal UI by them.
 */
export async function startProcess<I>(
  client: Client,
  workflow: (input: I) => Promise<unknown>,
  start: { taskQueue: string; workflowId: string; input: I; tenantId: string; process: string; state: string },
  options: TemporalProcessOptions,
): Promise<string> {
  await client.workflow.start(workflow, {
    taskQueue: start.taskQueue,
    workflowId: start.workflowId,
    args: [start.input],
    ...((options.searchAttributes ?? true)
      ? {
          typedSearchAttributes: [
            { key: tenantKey, value: start.tenantId },
            { key: processKey, value: start.process },
            { key: stateKey, value: start.state },
          ],
        }
      : {}),
  });
  return start.workflowId;
}
