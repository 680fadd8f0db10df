import { condition, continueAsNew, defineQuery, defineSignal, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CampaignActivities } from '../activities/campaigns.ts';
import type { CampaignStatus } from '../db/schema.ts';
import { activityOptions } from './activity-options.ts';
import { upsertState } from './search-attributes.ts';

export const pauseCampaignSignal = defineSignal('pause');
export const resumeCampaignSignal = defineSignal('resume');
/** Stops what is not yet queued; what is queued goes on to its end. */
export const cancelCampaignSignal = defineSignal('cancel');

export type CampaignPhase = 'scheduled' | 'running' | 'paused' | 'waiting' | 'draining' | 'cancelled' | 'stopped' | 'completed';

export interface CampaignProgress {
  phase: CampaignPhase;
  /** The last line of the upload queued. */
  cursor: number;
  queued: number;
  refused: number;
  /** Why the campaign waits (`waiting`): the tenant's suspension or its held sending. */
  waitingFor: string | null;
  /** When the campaign began queueing (ISO), for the ETA. */
  startedAt: string | null;
}
export const campaignProgressQuery = defineQuery<CampaignProgress>('progress');

/** What one run hands the next across continue-as-new. */
interface Carried {
  cursor: number;
  queued: number;
  refused: number;
  paused: boolean;
  startedAt: string | null;
  draining: boolean;
  heldRound?: number;
}

export interface CampaignInput {
  campaignId: string;
  /** ISO start time; absent to start at once. */
  sendAt?: string | null;
  ratePerSecond?: number | null;
  carried?: Carried;
}

export interface CampaignResult {
  phase: Extract<CampaignPhase, 'cancelled' | 'stopped' | 'completed'>;
  queued: number;
  refused: number;
}

/** Rows per chunk (fewer at a low send rate: a chunk is a second of sending). */
const chunkSize = 1_000;
/** The campaign's messages that may wait for dispatch at once: verification codes never queue behind more. */
const maxQueued = 2_000;
/** Activities a run makes before it continues as new, so its history stays bounded whatever the size. */
const stepsPerRun = 500;

const { queueCampaignChunk, campaignQueuedMessages, campaignUnfinishedMessages, markCampaign } = proxyActivities<CampaignActivities>(activityOptions);

/**
 * A campaign of the Group SMS Assistant: waits for its start time, then feeds the upload's rows into the hot path
 * a chunk at a time (`queueCampaignChunk`, idempotent per chunk), never more than `maxQueued` of its messages
 * waiting for dispatch, at its send rate if it has one; waits while the tenant may not send; pauses, resumes and
 * cancels on signals; then waits for its messages to end and completes. Progress is a query; the counts of
 * delivered and failed messages are read from Postgres by the API.
 */
export async function campaign(input: CampaignInput): Promise<CampaignResult> {
  const carried = input.carried;
  const state: CampaignProgress = {
    phase: carried ? (carried.draining ? 'draining' : 'running') : input.sendAt ? 'scheduled' : 'running',
    cursor: carried?.cursor ?? 0,
    queued: carried?.queued ?? 0,
    refused: carried?.refused ?? 0,
    waitingFor: null,
    startedAt: carried?.startedAt ?? null,
  };
  let paused = carried?.paused ?? false;
  let heldRound = carried?.heldRound ?? 0;
  let cancelled = false;
  setHandler(pauseCampaignSignal, () => void (paused = true));
  setHandler(resumeCampaignSignal, () => void (paused = false));
  setHandler(cancelCampaignSignal, () => void (cancelled = true));
  setHandler(campaignProgressQuery, () => ({ ...state, phase: paused && state.phase === 'running' ? 'paused' : state.phase }));

  const mark = async (phase: CampaignPhase & CampaignStatus, reason?: string) => {
    state.phase = phase;
    upsertState(phase);
    await markCampaign({ campaignId: input.campaignId, status: phase, ...(reason ? { reason } : {}) });
  };
  const end = async (phase: CampaignResult['phase'], reason?: string): Promise<CampaignResult> => {
    await mark(phase, reason);
    return { phase, queued: state.queued, refused: state.refused };
  };
  const next = () => continueAsNew<typeof campaign>({ ...input, carried: { cursor: state.cursor, queued: state.queued, refused: state.refused, paused, startedAt: state.startedAt, draining: state.phase === 'draining', heldRound } });

  if (!carried && input.sendAt) {
    await condition(() => cancelled, Math.max(0, Date.parse(input.sendAt) - Date.now()));
    if (cancelled) return end('cancelled');
    await mark('running');
  }
  state.startedAt ??= new Date().toISOString();
  const size = input.ratePerSecond ? Math.min(chunkSize, input.ratePerSecond) : chunkSize;

  let steps = 0;
  while (state.phase !== 'draining') {
    if (cancelled) return end('cancelled');
    if (++steps > stepsPerRun || workflowInfo().continueAsNewSuggested) return next();
    if (paused) {
      await mark('paused');
      await condition(() => !paused || cancelled);
      if (!cancelled) await mark('running');
      continue;
    }
    // The chunk's activity looks at the queue itself (one activity a chunk, not two); runs begun before it look first.
    const backPressureInChunk = patched('back-pressure-in-chunk');
    if (!backPressureInChunk && (await campaignQueuedMessages(input.campaignId)) >= maxQueued) {
      await condition(() => cancelled || paused, 250);
      continue;
    }
    const began = Date.now();
    const chunk = await queueCampaignChunk({ campaignId: input.campaignId, afterLine: state.cursor, size, heldRound, ...(backPressureInChunk ? { maxQueued } : {}) });
    if (chunk.kind === 'busy') {
      await condition(() => cancelled || paused, 250);
      continue;
    }
    if (chunk.kind === 'stopped') return end('stopped', chunk.message);
    if (chunk.kind === 'held') {
      state.waitingFor = chunk.reason;
      if (state.phase !== 'waiting') await mark('waiting');
      const until = chunk.until ? Date.parse(chunk.until) - Date.now() : Infinity;
      await condition(() => cancelled || paused, Math.max(1_000, Math.min(until, 60_000)));
      continue;
    }
    if (state.phase === 'waiting') {
      state.waitingFor = null;
      await mark('running');
    }
    state.cursor = chunk.lastLine;
    state.queued += chunk.queued;
    state.refused += chunk.refused;
    // The packages ran out within it: the next chunk waits out the hold and starts where this one stopped.
    if (chunk.heldAt !== undefined) heldRound += 1;
    else if (chunk.done) state.phase = 'draining';
    else if (input.ratePerSecond) {
      // A chunk is a second's worth at the campaign's rate: the next one waits for the rest of that second.
      const rest = (size / input.ratePerSecond) * 1000 - (Date.now() - began);
      if (rest > 0) await condition(() => cancelled || paused, rest);
    }
  }

  // Everything is queued: the campaign ends when its messages have. Most receipts come within seconds, a few take
  // hours: it looks every 5 s for ten minutes, then every minute.
  upsertState('draining');
  const drainingSince = Date.now();
  for (let wait = 1_000; ; wait = Math.min(wait * 2, Date.now() - drainingSince < 600_000 ? 5_000 : 60_000)) {
    if (++steps > stepsPerRun || workflowInfo().continueAsNewSuggested) return next();
    if ((await campaignUnfinishedMessages(input.campaignId)) === 0) return end(cancelled ? 'cancelled' : 'completed');
    if (await condition(() => cancelled, wait)) return end('cancelled');
  }
}
