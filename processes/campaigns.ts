import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { campaign, campaignProgressQuery, cancelCampaignSignal, pauseCampaignSignal, resumeCampaignSignal, type CampaignInput, type CampaignProgress } from '../workflows/campaign.ts';
import { startProcess, type TemporalProcessOptions } from './start-process.ts';

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

export type CampaignSignal = 'pause' | 'resume' | 'cancel';

/** The campaigns' workflows, as the API starts, signals and asks them. */
export interface Campaigns {
  start(input: CampaignInput & { tenantId: string }): Promise<void>;
  /** False when the campaign's workflow has ended (nothing left to pause, resume or cancel). */
  signal(campaignId: string, signal: CampaignSignal): Promise<boolean>;
  /** The workflow's progress; undefined once it has ended (its row in Postgres has the final counts). */
  progress(campaignId: string): Promise<CampaignProgress | undefined>;
}

const signals = { pause: pauseCampaignSignal, resume: resumeCampaignSignal, cancel: cancelCampaignSignal };

export function temporalCampaigns(client: Client, taskQueue: string, options: TemporalProcessOptions = {}): Campaigns {
  const running = async <T>(campaignId: string, call: (id: string) => Promise<T>): Promise<T | undefined> => {
    try {
      const handle = client.workflow.getHandle(campaignWorkflowId(campaignId));
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return undefined;
      return await call(campaignWorkflowId(campaignId));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  };
  return {
    async start({ tenantId, ...input }) {
      const state = input.sendAt ? 'scheduled' : 'running';
      await startProcess(client, campaign, { taskQueue, workflowId: campaignWorkflowId(input.campaignId), input, tenantId, process: 'campaign', state }, options);
    },
    async signal(campaignId, name) {
      const sent = await running(campaignId, async (id) => (await client.workflow.getHandle(id).signal(signals[name]), true));
      return sent === true;
    },
    progress: (campaignId) => running(campaignId, (id) => client.workflow.getHandle(id).query(campaignProgressQuery)),
  };
}
