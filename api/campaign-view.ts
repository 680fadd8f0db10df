import type { Db } from '../db/connect.ts';
import { campaignFailureReasons, campaignMessageCounts } from '../db/campaigns.ts';
import type { CampaignsTable } from '../db/schema.ts';
import { failedStatuses } from '../domain/message-status.ts';
import { ttlCache } from '../domain/ttl-cache.ts';
import type { Selectable } from 'kysely';
import type { Campaigns } from '../processes/campaigns.ts';
import type { CampaignViewBody } from './schemas/campaigns.ts';

type CampaignRow = Selectable<CampaignsTable>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** When the last row should be queued: at the campaign's rate, else at the rate it has kept since it started. */
function etaOf(row: CampaignRow, queuedOrRefused: number, now: Date): string | null {
  const remaining = row.recipients - queuedOrRefused;
  if (row.status !== 'running' || remaining <= 0 || !row.started_at) return null;
  const elapsedS = (now.getTime() - row.started_at.getTime()) / 1000;
  const rate = row.rate_per_second ?? (elapsedS > 0 ? queuedOrRefused / elapsedS : 0);
  return rate > 0 ? new Date(now.getTime() + (remaining / rate) * 1000).toISOString() : null;
}

interface Tallies {
  counts: Record<string, number>;
  failureReasons: Record<string, number>;
}
export type CampaignTallies = (row: CampaignRow) => Promise<Tallies>;

/**
 * A campaign's messages counted by state and failure reason, kept for two seconds: counting a million messages
 * takes half a second of the database, and a console polls. A change of the campaign's status is counted afresh,
 * so that a campaign shown `completed` shows its final counts.
 */
export function campaignTallies(db: Db, ttlMs = 2_000): CampaignTallies {
  const tallies = ttlCache<Tallies>({
    ttlMs,
    maxEntries: 1_000,
    load: async (key) => {
      const id = key.slice(0, key.indexOf('/'));
      const [counts, failureReasons] = await Promise.all([campaignMessageCounts(db, id), campaignFailureReasons(db, id)]);
      return { counts, failureReasons };
    },
  });
  return (row) => tallies(`${row.id}/${row.status}`);
}

/** A campaign as the API shows it: its row, its messages counted by state, and what its workflow says. */
export async function campaignView(tallies: CampaignTallies, campaigns: Campaigns | undefined, row: CampaignRow, now = new Date()): Promise<CampaignViewBody> {
  const [{ counts, failureReasons }, live] = await Promise.all([tallies(row), row.finished_at ? undefined : campaigns?.progress(row.id).catch(() => undefined)]);
  const queued = Math.max(row.queued, live?.queued ?? 0);
  const refused = Math.max(row.refused, live?.refused ?? 0);
  return {
    id: row.id,
    name: row.name,
    uploadId: row.upload_id,
    templateId: row.template_id,
    signature: row.signature,
    status: row.status,
    stopReason: row.stop_reason,
    waitingFor: row.status === 'waiting' ? (live?.waitingFor ?? null) : null,
    sendAt: iso(row.send_at),
    ratePerSecond: row.rate_per_second,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    progress: {
      recipients: row.recipients,
      queued,
      refused,
      remaining: Math.max(0, row.recipients - queued - refused),
      submitted: counts.submitted ?? 0,
      delivered: counts.delivered ?? 0,
      failed: failedStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0),
      failureReasons,
    },
    eta: etaOf(row, queued + refused, now),
  };
}
