import { integer } from './config.ts';

/** What `npm run bench -- campaign` measures, from the environment (besides config.ts's shared knobs). */
export interface CampaignBenchConfig {
  /** Rows of the uploaded list, each a distinct deliverable mainland number (the API takes up to 1,000,000). */
  rows: number;
  /** Single verification-code sends a second while the campaign runs. */
  singlesPerSecond: number;
  /** `submit_sm` of the raw SMPP baseline (at most `rows`). */
  rawSmppMessages: number;
  /** Messages of the hot-path baseline, sent through the API in requests of 1,000 (at most `rows`). */
  hotPathMessages: number;
  /** The campaign's `ratePerSecond`; 0: none, as fast as the platform allows. */
  campaignRate: number;
  /** Gives up when the campaign has not completed this long after it started. */
  timeoutMs: number;
}

export function readCampaignConfig(): CampaignBenchConfig {
  const rows = integer('TERN_BENCH_CAMPAIGN_ROWS', 1_000_000, 1);
  if (rows > 1_000_000) throw new Error('TERN_BENCH_CAMPAIGN_ROWS: an upload takes at most 1,000,000 rows');
  return {
    rows,
    singlesPerSecond: integer('TERN_BENCH_CAMPAIGN_SINGLES_RATE', 20, 1),
    rawSmppMessages: Math.min(rows, integer('TERN_BENCH_CAMPAIGN_RAW_SMPP', 100_000, 1)),
    hotPathMessages: Math.min(rows, integer('TERN_BENCH_CAMPAIGN_HOT_PATH', 100_000, 1)),
    campaignRate: integer('TERN_BENCH_CAMPAIGN_RATE', 0),
    timeoutMs: integer('TERN_BENCH_CAMPAIGN_TIMEOUT_MS', 3_600_000, 10_000),
  };
}
