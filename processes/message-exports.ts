import type { Client } from '@temporalio/client';
import { messageExport } from '../workflows/message-export.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

/** How the API hands an export of the sending details to its background job (a Temporal workflow in production). */
export interface MessageExports {
  start(input: { exportId: string; tenantId: string }): Promise<void>;
}

export const messageExportWorkflowId = (exportId: string) => `message-export-${exportId}`;

export function temporalMessageExports(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): MessageExports {
  return {
    async start({ exportId, tenantId }) {
      await startProcess(client, messageExport, { taskQueue, workflowId: messageExportWorkflowId(exportId), input: { exportId }, tenantId, process: 'message-export', state: 'running' }, options);
    },
  };
}
