import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Db } from '../db/connect.ts';
import type { Logger } from 'pino';
import { createCampaignActivities } from '../activities/campaigns.ts';
import { createScheduledSendActivities } from '../activities/scheduled-sends.ts';
import { createMessageExportActivities } from '../activities/message-exports.ts';
import { createTemplateReviewActivities, type TemplateReviewSettings } from '../activities/template-review.ts';
import { createSignatureReviewActivities } from '../activities/signature-review.ts';
import { createTrafficActivities } from '../activities/traffic.ts';
import { createBillingActivities } from '../activities/billing.ts';
import { createUnblockingActivities } from '../activities/unblocking.ts';
import type { CarrierManagement } from '../carriers/management.ts';
import { defaultReviewHours } from '../domain/work-calendar.ts';
import { workflowsPath } from './workflows-path.ts';

export interface TemporalWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  logger: Logger;
  templateReview?: TemplateReviewSettings | undefined;
  /** The carrier's management interface (unblocking); without it, approved unblock requests are refused. */
  carrierManagement?: CarrierManagement | undefined;
  /** A prebuilt bundle (tests build it once); by default the worker bundles `workflows/` at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Builds the bundle elsewhere (the worker process: in a child process), when no `workflowBundle` is given. */
  bundleWorkflows?: (() => Promise<{ code: string }>) | undefined;
}

export const defaultTemplateReviewSettings: TemplateReviewSettings = { reviewHours: defaultReviewHours, overdueWorkdays: 2 };

export function createActivities(db: Db, logger: Logger, templateReview = defaultTemplateReviewSettings, carrier?: CarrierManagement) {
  return {
    ...createScheduledSendActivities({ db }),
    ...createTemplateReviewActivities({ db, logger, settings: templateReview }),
    ...createSignatureReviewActivities({ db, logger }),
    ...createTrafficActivities({ db, logger }),
    ...createBillingActivities({ db, logger }),
    ...createUnblockingActivities({ db, logger, carrier }),
    ...createCampaignActivities({ db, logger }),
    ...createMessageExportActivities({ db }),
  };
}

export async function createTemporalWorker(options: TemporalWorkerOptions): Promise<Worker> {
  const workflowBundle = options.workflowBundle ?? (await options.bundleWorkflows?.());
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
    activities: createActivities(options.db, options.logger, options.templateReview, options.carrierManagement),
  });
}
