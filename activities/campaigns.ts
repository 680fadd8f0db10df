import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { acceptGroups, SendingSuspended, type AcceptDeps, type AcceptOutcome } from '../accept/accept.ts';
import { cachedLookups } from '../accept/lookups/index.ts';
import { findAppById } from '../db/apps.ts';
import { openHold } from '../db/billing-holds.ts';
import type { Db } from '../db/connect.ts';
import { findCampaign, queuedCampaignMessages, recipientsAfter, recordChunk, setCampaignStatus, unfinishedCampaignMessages } from '../db/campaigns.ts';
import type { CampaignStatus } from '../db/schema.ts';
import { findByIdempotencyKey } from '../db/send-requests.ts';
import { callbackTargetPolicyFromEnv } from '../domain/callback-targets.ts';

export interface QueueChunkInput {
  campaignId: string;
  /** The last line already queued: the chunk is the rows after it. */
  afterLine: number;
  size: number;
  /**
   * How many chunks were cut short by a billing hold so far: a chunk queued again after a top-up from the same
   * line is a new request, not the replay of the one the hold cut.
   */
  heldRound?: number;
  /** The campaign's messages that may wait for dispatch: with as many waiting, nothing is queued (`busy`). */
  maxQueued?: number;
}

export type QueueChunkResult =
  | {
      kind: 'queued';
      lastLine: number;
      queued: number;
      refused: number;
      done: boolean;
      /** The packages ran out within the chunk: it ends before the first row they could not pay for. */
      heldAt?: number;
    }
  /** As many of the campaign's messages as `maxQueued` wait for dispatch: nothing was queued. */
  | { kind: 'busy' }
  /** The tenant may not send now (a traffic suspension, or sending held until a top-up): nothing was queued. */
  | { kind: 'held'; until: string | null; reason: string }
  /** The campaign cannot go on: its template or signature can no longer be sent. */
  | { kind: 'stopped'; code: string; message: string };

interface RowRefusal {
  line: number;
  recipient: string;
  code: string;
  message: string;
}

/** What a chunk's request stores as its answer, so that the chunk queued again learns what it did. */
interface ChunkAnswer {
  refusals: RowRefusal[];
}

// Refusals of a row's values are the row's own; any other refusal of a group is the campaign's (its template or
// signature), the same for every row.
const rowRefusal = (code: string) => code.startsWith('param');

/**
 * Mode 2 refuses every message of a request from the first its packages cannot pay for (migration 0029): those
 * rows are not refused for good but not reached yet. The chunk counts as queued up to the row before; the next
 * chunk starts there, waits out the hold and queues them after the top-up.
 */
function cutAtHold(rows: readonly { line: number }[], answer: ChunkAnswer) {
  const held = answer.refusals.find((r) => r.code === 'quota_exhausted');
  if (!held) return { rows, refusals: answer.refusals };
  return { rows: rows.filter((r) => r.line < held.line), refusals: answer.refusals.filter((r) => r.line < held.line), heldAt: held.line };
}

function answerOf(outcome: AcceptOutcome, lines: readonly { line: number; recipient: string }[]): ChunkAnswer {
  const refusals: RowRefusal[] = [];
  outcome.groups.forEach((group, i) => {
    const row = lines[i];
    const verdict = group.recipients[0];
    if (row && verdict?.status === 'rejected') refusals.push({ line: row.line, recipient: row.recipient, code: verdict.error.code, message: verdict.error.message });
  });
  return { refusals };
}

export function createCampaignActivities({ db, logger }: { db: Db; logger: Logger }) {
  const deps: AcceptDeps = { db, logger, lookups: cachedLookups(db), callbackTargets: callbackTargetPolicyFromEnv(), scheduledSends: { schedule: notScheduled, cancel: notScheduled } };

  /** Moves the campaign past a queued chunk (once, however often the chunk is queued) and says what it did. */
  async function recorded(campaignId: string, input: QueueChunkInput, chunk: readonly { line: number }[], answer: ChunkAnswer): Promise<QueueChunkResult> {
    const { rows, refusals, heldAt } = cutAtHold(chunk, answer);
    const lastLine = rows.at(-1)?.line ?? input.afterLine;
    const queued = rows.length - refusals.length;
    await recordChunk(db, { campaignId, afterLine: input.afterLine, lastLine, queued, refusals });
    logger.debug({ campaignId, afterLine: input.afterLine, lastLine, queued, refused: refusals.length, heldAt }, 'campaign chunk queued');
    const done = heldAt === undefined && chunk.length < input.size;
    return { kind: 'queued', lastLine, queued, refused: refusals.length, done, ...(heldAt === undefined ? {} : { heldAt }) };
  }

  return {
    /**
     * Queues the next chunk of a campaign through the accept step of every send (screen, charge, store), as one
     * request whose idempotency key is the campaign and the line the chunk starts after: the chunk queued again (a
     * retried or replayed activity) finds the key taken and only reads what the first time did.
     */
    async queueCampaignChunk(input: QueueChunkInput): Promise<QueueChunkResult> {
      const campaign = await findCampaign(db, input.campaignId);
      if (!campaign) throw ApplicationFailure.nonRetryable(`no campaign ${input.campaignId}`);
      if (input.maxQueued !== undefined && (await queuedCampaignMessages(db, campaign.id)) >= input.maxQueued) return { kind: 'busy' };
      const rows = await recipientsAfter(db, campaign.upload_id, input.afterLine, input.size);
      const lastLine = rows.at(-1)?.line ?? input.afterLine;
      if (rows.length === 0) return { kind: 'queued', lastLine, queued: 0, refused: 0, done: true };
      const app = await findAppById(db, campaign.app_id);
      if (!app) throw ApplicationFailure.nonRetryable(`no app ${campaign.app_id}`);
      const hold = await openHold(db, campaign.tenant_id);
      if (hold) return { kind: 'held', until: null, reason: 'Sending is held until the resource package is topped up (billing mode 2).' };

      const key = `campaign:${campaign.id}:${input.afterLine}${input.heldRound ? `:held-${input.heldRound}` : ''}`;
      const earlier = await findByIdempotencyKey(db, app.id, key);
      if (earlier) return recorded(campaign.id, input, rows, earlier.response as ChunkAnswer);
      let outcome: AcceptOutcome;
      try {
        outcome = await acceptGroups(deps, app, {
          groups: rows.map((r) => ({ templateId: campaign.template_id, params: r.params, signature: campaign.signature ?? undefined, to: [r.recipient] })),
          reference: null,
          callbackUrl: app.callback_url,
          idempotencyKey: key,
          requestHash: key,
          surface: 'native',
          campaignId: campaign.id,
          respond: (o) => answerOf(o, rows),
        });
      } catch (err) {
        if (err instanceof SendingSuspended) return { kind: 'held', until: err.suspension.until.toISOString(), reason: err.suspension.reason };
        throw err;
      }
      const stop = outcome.groups.find((g) => g.refusal && !rowRefusal(g.refusal.code))?.refusal;
      if (stop) return { kind: 'stopped', code: stop.code, message: stop.message };

      const answer = outcome.fresh ? answerOf(outcome, rows) : ((await findByIdempotencyKey(db, app.id, key))?.response as ChunkAnswer | undefined);
      if (!answer) throw new Error(`chunk ${key} was stored by another request, whose answer is gone`);
      return recorded(campaign.id, input, rows, answer);
    },

    /**
     * The campaign's messages waiting for dispatch, for its back-pressure: only runs begun before the workflow's
     * `back-pressure-in-chunk` patch call it (newer ones pass `maxQueued` to the chunk). Kept until those have ended.
     */
    async campaignQueuedMessages(campaignId: string): Promise<number> {
      return queuedCampaignMessages(db, campaignId);
    },

    /** The campaign's messages not yet in a final state, for its end. */
    async campaignUnfinishedMessages(campaignId: string): Promise<number> {
      return unfinishedCampaignMessages(db, campaignId);
    },

    async markCampaign(input: { campaignId: string; status: CampaignStatus; reason?: string }): Promise<void> {
      await setCampaignStatus(db, input.campaignId, input.status, input.reason);
    },
  };
}

async function notScheduled(): Promise<never> {
  throw new Error('a campaign chunk is never a scheduled send: the campaign waits for its start itself');
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
