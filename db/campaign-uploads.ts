import { sql } from 'kysely';
import type { BillingScope } from '../domain/billing.ts';
import type { Db } from './connect.ts';
import { currentPriceTable, type PriceTable } from './prices.ts';
import type { CampaignUploadRow, CampaignUploadErrorsTable } from './schema.ts';

export interface NewUpload {
  tenantId: string;
  appId: string;
  name: string;
  templateId: string;
  signature: string | null;
}

/** An accepted row, as the campaign will send it. */
export interface UploadRecipient {
  line: number;
  /** E.164. */
  recipient: string;
  values: readonly string[];
  segments: number;
  country: string;
  scope: BillingScope;
}

export type UploadRowError = Omit<CampaignUploadErrorsTable, 'upload_id'>;

/** Rows read since the previous batch: the accepted ones (copies of earlier numbers among them) and the refused. */
export interface UploadBatch {
  read: number;
  recipients: readonly UploadRecipient[];
  errors: readonly UploadRowError[];
}

export async function createUpload(db: Db, upload: NewUpload): Promise<string> {
  const row = await db
    .insertInto('campaign_uploads')
    .values({
      tenant_id: upload.tenantId,
      app_id: upload.appId,
      name: upload.name,
      template_id: upload.templateId,
      signature: upload.signature,
      status: 'receiving',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores a batch and counts it into its upload, in one statement, so the counts a reader sees always match the
 * rows stored. A number already in the upload (from an earlier batch or earlier in this one: rows go in line
 * order) is not inserted and counts as a duplicate. Each row's values are sent as one array per position (a row of
 * the template's n values is `array[v1 … vn]`); every row of a batch has the same count, the template's.
 */
export async function storeUploadBatch(db: Db, uploadId: string, batch: UploadBatch): Promise<{ rowsAccepted: number }> {
  const { recipients, errors } = batch;
  const width = recipients.reduce((most, r) => Math.max(most, r.values.length), 0);
  const positions = Array.from({ length: width }, (_, i) => i + 1);
  const valueArrays = positions.map((p) => sql`, ${recipients.map((r) => r.values[p - 1] ?? null)}::text[]`);
  const valueNames = positions.map((p) => sql.raw(`, v${p}`));
  const params = width === 0 ? sql`'{}'::text[]` : sql`array_remove(array[${sql.join(positions.map((p) => sql.ref(`r.v${p}`)))}], null)`;
  const { rows } = await sql<{ rows_accepted: number }>`
    with inserted as (
      insert into campaign_recipients (upload_id, line, recipient, params, segments, country, scope)
      select ${uploadId}::uuid, r.line, r.recipient, ${params}, r.segments, r.country, r.scope
      from unnest(${recipients.map((r) => r.line)}::int[], ${recipients.map((r) => r.recipient)}::text[],
                  ${recipients.map((r) => r.segments)}::int[], ${recipients.map((r) => r.country)}::text[],
                  ${recipients.map((r) => r.scope)}::text[] ${sql.join(valueArrays, sql``)})
        as r(line, recipient, segments, country, scope ${sql.join(valueNames, sql``)})
      order by r.line
      on conflict (upload_id, recipient) do nothing
      returning scope, country, segments
    ), refused as (
      insert into campaign_upload_errors (upload_id, line, code, message)
      select ${uploadId}::uuid, e.line, e.code, e.message
      from unnest(${errors.map((e) => e.line)}::int[], ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.message)}::text[]) as e(line, code, message)
    ), added as (
      select scope, country, count(*) as rows, sum(segments) as segments from inserted group by scope, country
    )
    update campaign_uploads u set
      touched_at = now(),
      rows_read = u.rows_read + ${batch.read}::int,
      invalid = u.invalid + ${errors.length}::int,
      rows_accepted = u.rows_accepted + (select coalesce(sum(rows), 0) from added),
      duplicates = u.duplicates + ${recipients.length}::int - (select coalesce(sum(rows), 0) from added),
      segments_mainland = u.segments_mainland + (select coalesce(sum(segments), 0) from added where scope = 'mainland'),
      segments_international = u.segments_international + (select coalesce(sum(segments), 0) from added where scope = 'international'),
      segments_by_country = (
        select coalesce(jsonb_agg(jsonb_build_object('scope', scope, 'country', country, 'segments', segments) order by scope, country), '[]')
        from (
          select scope, country, sum(segments) as segments
          from (
            select s.scope, s.country, s.segments from jsonb_to_recordset(u.segments_by_country) as s(scope text, country text, segments bigint)
            union all
            select scope, country, segments from added
          ) each_batch
          group by scope, country
        ) totals
      )
    where u.id = ${uploadId}
    returning u.rows_accepted`.execute(db);
  return { rowsAccepted: rows[0]?.rows_accepted ?? 0 };
}

/** The file was read to its end: the upload can feed a campaign. */
export async function finishUpload(db: Db, uploadId: string): Promise<void> {
  await db
    .updateTable('campaign_uploads')
    .set({ status: 'ready', finished_at: sql<Date>`now()` })
    .where('id', '=', uploadId)
    .where('status', '=', 'receiving')
    .execute();
}

/** The upload cannot be used: its recipients go (its refused rows stay, to show what was wrong), the reason stays. */
export async function failUpload(db: Db, uploadId: string, error: { code: string; message: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('campaign_recipients').where('upload_id', '=', uploadId).execute();
    await trx
      .updateTable('campaign_uploads')
      .set({ status: 'failed', error_code: error.code, error_message: error.message, finished_at: sql<Date>`now()` })
      .where('id', '=', uploadId)
      .execute();
  });
}

/** The message of an upload whose sender or server went away before the end of the file. */
export const abandonedUpload = {
  code: 'upload_interrupted',
  message: 'The upload stopped before the end of the file (the connection or the server went away); send the file again.',
};

/**
 * Fails uploads still `receiving` that took no rows since `idleSince`: their API process went away mid-file (a
 * live one stores a batch every few seconds). Returns how many it failed, at most `limit`.
 */
export async function failAbandonedUploads(db: Db, idleSince: Date, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const failed = await trx
      .updateTable('campaign_uploads')
      .set({ status: 'failed', error_code: abandonedUpload.code, error_message: abandonedUpload.message, finished_at: sql<Date>`now()` })
      .where('id', 'in', (eb) =>
        eb.selectFrom('campaign_uploads').select('id').where('status', '=', 'receiving').where('touched_at', '<', idleSince).limit(limit).forUpdate().skipLocked(),
      )
      .where('status', '=', 'receiving')
      .returning('id')
      .execute();
    if (failed.length > 0) await trx.deleteFrom('campaign_recipients').where('upload_id', 'in', failed.map((f) => f.id)).execute();
    return failed.length;
  });
}

export async function findTenantUpload(db: Db, tenantId: string, uploadId: string): Promise<CampaignUploadRow | undefined> {
  return db.selectFrom('campaign_uploads').selectAll().where('id', '=', uploadId).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** A tenant's uploads, newest first. */
export async function listTenantUploads(db: Db, tenantId: string, limit: number): Promise<CampaignUploadRow[]> {
  return db.selectFrom('campaign_uploads').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
}

/** An upload's refused rows after `afterLine`, in line order: a page of the errors file. */
export async function uploadErrorsAfter(db: Db, uploadId: string, afterLine: number, limit: number): Promise<UploadRowError[]> {
  return db
    .selectFrom('campaign_upload_errors')
    .select(['line', 'code', 'message'])
    .where('upload_id', '=', uploadId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();
}

/** The price table in force, or undefined while none has been published. */
export async function publishedPriceTable(db: Db): Promise<PriceTable | undefined> {
  const published = await db.selectFrom('price_tables').select('version').limit(1).executeTakeFirst();
  return published ? currentPriceTable(db) : undefined;
}
