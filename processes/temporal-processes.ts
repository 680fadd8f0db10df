import type { Client } from '@temporalio/client';
import { temporalSuspensions, type Suspensions } from './sending-suspension.ts';
import { temporalUnblockings, unblockingTimingFromEnv, type Unblockings } from './blocklist-unblocking.ts';
import { temporalScheduledSends, type ScheduledSends } from './scheduled-send.ts';
import { temporalSignatureReviews, type SignatureReviews } from './signature-review.ts';
import { temporalTemplateReviews, type TemplateReviews } from './template-review.ts';
import { temporalQuotaHolds, type QuotaHolds } from './quota-runout.ts';
import { temporalCampaigns, type Campaigns } from './campaigns.ts';
import { temporalMessageExports, type MessageExports } from './message-exports.ts';

/** How long a request waits for Temporal before it answers 503 (the SDK alone would retry for about 20 s). */
export const temporalCallDeadlineMs = 3_000;

/** The long processes the API starts, signals and asks, and whether Temporal answers. */
export interface Processes {
  scheduledSends: ScheduledSends;
  templateReviews: TemplateReviews;
  signatureReviews: SignatureReviews;
  suspensions: Suspensions;
  unblockings: Unblockings;
  quotaHolds: QuotaHolds;
  campaigns: Campaigns;
  messageExports: MessageExports;
  temporalReachable: () => Promise<boolean>;
}

/** Every call of `adapter` given at most `ms` to reach Temporal. */
function withDeadline<T extends object>(client: Client, adapter: T, ms: number): T {
  const bounded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(adapter)) {
    bounded[name] = typeof value === 'function' ? (...args: unknown[]) => client.connection.withDeadline(Date.now() + ms, () => value.apply(adapter, args)) : value;
  }
  return bounded as T;
}

/**
 * The API's long processes on Temporal (scheduled sends, reviews, suspensions, unblocking), each call bounded by
 * `temporalCallDeadlineMs`, and a readiness probe for Temporal. The client may be lazy: the API starts, and serves
 * immediate sends, while Temporal is down.
 */
export function temporalProcesses(client: Client, taskQueue: string): Processes {
  return {
    scheduledSends: withDeadline(client, temporalScheduledSends(client, taskQueue), temporalCallDeadlineMs),
    templateReviews: withDeadline(client, temporalTemplateReviews(client, taskQueue), temporalCallDeadlineMs),
    signatureReviews: withDeadline(client, temporalSignatureReviews(client, taskQueue), temporalCallDeadlineMs),
    suspensions: withDeadline(client, temporalSuspensions(client, taskQueue), temporalCallDeadlineMs),
    unblockings: withDeadline(client, temporalUnblockings(client, taskQueue, {}, unblockingTimingFromEnv()), temporalCallDeadlineMs),
    quotaHolds: withDeadline(client, temporalQuotaHolds(client, taskQueue), temporalCallDeadlineMs),
    campaigns: withDeadline(client, temporalCampaigns(client, taskQueue), temporalCallDeadlineMs),
    messageExports: withDeadline(client, temporalMessageExports(client, taskQueue), temporalCallDeadlineMs),
    temporalReachable: () =>
      client.connection.withDeadline(Date.now() + 1_000, () => client.workflowService.getSystemInfo({})).then(
        () => true,
        () => false,
      ),
  };
}
