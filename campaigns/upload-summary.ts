import type { Db } from '../db/connect.ts';
import { publishedPriceTable, uploadErrorsAfter, type UploadRowError } from '../db/campaign-uploads.ts';
import type { PriceTable } from '../db/prices.ts';
import type { CampaignUploadRow, CampaignUploadStatus } from '../db/schema.ts';
import { payPerUseCost, type CostEstimate } from './cost-estimate.ts';

/** An upload as the API shows it: its counts so far and the dry run's estimate. */
export interface UploadView {
  id: string;
  name: string;
  templateId: string;
  signature: string | null;
  status: CampaignUploadStatus;
  rows: { read: number; accepted: number; duplicates: number; invalid: number };
  estimate: { segments: { mainland: number; international: number }; cost: CostEstimate | null };
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The view with the first refused rows; the errors file has them all. */
export interface UploadSummary extends UploadView {
  invalidRows: UploadRowError[];
  invalidRowsTruncated: boolean;
}

export const shownInvalidRows = 100;

export function uploadView(upload: CampaignUploadRow, prices: PriceTable | undefined): UploadView {
  return {
    id: upload.id,
    name: upload.name,
    templateId: upload.template_id,
    signature: upload.signature,
    status: upload.status,
    rows: { read: upload.rows_read, accepted: upload.rows_accepted, duplicates: upload.duplicates, invalid: upload.invalid },
    estimate: {
      segments: { mainland: upload.segments_mainland, international: upload.segments_international },
      cost: (prices && payPerUseCost(prices, upload.segments_by_country)) ?? null,
    },
    error: upload.error_code ? { code: upload.error_code, message: upload.error_message ?? '' } : null,
    createdAt: upload.created_at.toISOString(),
    finishedAt: upload.finished_at?.toISOString() ?? null,
  };
}

export async function uploadSummary(db: Db, upload: CampaignUploadRow): Promise<UploadSummary> {
  const [prices, invalidRows] = await Promise.all([publishedPriceTable(db), uploadErrorsAfter(db, upload.id, 0, shownInvalidRows)]);
  return { ...uploadView(upload, prices), invalidRows, invalidRowsTruncated: upload.invalid > invalidRows.length };
}
