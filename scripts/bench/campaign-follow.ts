import type { Peers } from './peers.ts';
import { nowMs } from './stats.ts';

/** What GET /v1/campaigns/{id} answers, as far as the bench reads it. */
export interface CampaignView {
  id: string;
  status: string;
  progress: { recipients: number; queued: number; refused: number; remaining: number; submitted: number; delivered: number; failed: number; failureReasons: Record<string, number> };
}

export interface CampaignSample {
  /** Seconds since the campaign was started. */
  t: number;
  /** submit_sm the simulator took since the campaign started (the single sends' included). */
  submitted: number;
  receiptsAcked: number;
  /** Status reports at the sink (the single sends' included). */
  callbacks: number;
  /** From GET /v1/campaigns/{id}, every tenth sample, and how long it took to answer. */
  status?: string;
  queued?: number;
  delivered?: number;
  getMs?: number;
}

export interface FollowResult {
  /** When the simulator had taken every row's submit_sm (ms since the start, from the 1-second samples). */
  allSubmittedMs: number;
  /** When GET /v1/campaigns/{id} first showed it `completed`. */
  completedMs: number;
  final: CampaignView;
  samples: CampaignSample[];
}

/**
 * Follows a running campaign until GET /v1/campaigns/{id} shows it completed: every second the simulator's and the
 * sink's counts (cheap), every ten seconds the campaign as the API shows it (its message counts are a query over
 * the campaign's messages, not free with a million of them). Calls `allSubmitted` once the simulator has taken a
 * submit_sm for every row (counting every single send as one of them, so never early). Fails when the campaign's
 * messages stop reaching the simulator for `stallMs`, when the campaign ends otherwise, or after `timeoutMs`.
 */
export async function followCampaign(options: {
  apiUrl: string;
  authorization: string;
  peers: Peers;
  campaignId: string;
  rows: number;
  startedAt: number;
  partsBefore: number;
  singlesSent: () => number;
  allSubmitted: () => void;
  stallMs: number;
  timeoutMs: number;
  log: (message: string) => void;
}): Promise<FollowResult> {
  const { peers } = options;
  const get = async (): Promise<{ view: CampaignView; ms: number }> => {
    const started = nowMs();
    const res = await fetch(`${options.apiUrl}/v1/campaigns/${options.campaignId}`, { headers: { authorization: options.authorization } });
    const body = await res.text();
    if (!res.ok) throw new Error(`GET /v1/campaigns/${options.campaignId} answered ${res.status}: ${body.slice(0, 300)}`);
    return { view: JSON.parse(body) as CampaignView, ms: Math.round(nowMs() - started) };
  };
  const samples: CampaignSample[] = [];
  let allSubmittedMs = 0;
  let lastMove = nowMs();
  // The campaign's own submits, roughly (the single sends keep the simulator's count moving whatever the campaign does).
  let mostCampaignSubmits = 0;
  for (let i = 0; ; i++) {
    const since = () => nowMs() - options.startedAt;
    const [sim, counts] = await Promise.all([peers.simulator(), peers.counts()]);
    const sample: CampaignSample = { t: Math.round(since() / 100) / 10, submitted: sim.parts - options.partsBefore, receiptsAcked: sim.receiptsAcked, callbacks: counts.messages };
    if (!allSubmittedMs && sample.submitted - options.singlesSent() >= options.rows) {
      allSubmittedMs = Math.round(since());
      options.allSubmitted();
    }
    if (allSubmittedMs || i % 10 === 0) {
      const { view, ms } = await get();
      Object.assign(sample, { status: view.status, queued: view.progress.queued, delivered: view.progress.delivered, getMs: ms });
      if (view.status === 'completed') {
        samples.push(sample);
        return { allSubmittedMs: allSubmittedMs || Math.round(since()), completedMs: Math.round(since()), final: view, samples };
      }
      if (['cancelled', 'stopped'].includes(view.status)) throw new Error(`the campaign ended ${view.status}: ${JSON.stringify(view)}`);
      if (i % 10 === 0) {
        const before = samples.at(-10);
        const rate = before ? Math.round((sample.submitted - before.submitted) / (sample.t - before.t)) : 0;
        options.log(`campaign at ${sample.t.toFixed(0)} s: ${view.status}, ${sample.submitted.toLocaleString('en-US')} submitted (${rate}/s over the last 10 s), ` +
          `${view.progress.queued.toLocaleString('en-US')} queued, ${view.progress.delivered.toLocaleString('en-US')} delivered (GET took ${ms} ms)`);
      }
    }
    samples.push(sample);
    const campaignSubmits = sample.submitted - options.singlesSent();
    if (campaignSubmits > mostCampaignSubmits) {
      mostCampaignSubmits = campaignSubmits;
      lastMove = nowMs();
    } else if (!allSubmittedMs && nowMs() - lastMove > options.stallMs) {
      throw new Error(`the campaign made no progress for ${options.stallMs} ms: ${JSON.stringify(sample)}`);
    }
    if (since() > options.timeoutMs) throw new Error(`the campaign did not complete within ${options.timeoutMs} ms: ${JSON.stringify(sample)}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
