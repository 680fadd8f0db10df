import { sql } from 'kysely';
import type { Db } from './connect.ts';
import type { CampaignStatus } from './schema.ts';
import { failedStatuses, finalStatuses } from '../domain/message-status.ts';

export interface NewCampaign {
  id: string;
  tenantId: string;
  appId: string;
  uploadId: string;
  name: string;
  templateId: string;
  signature: string | null;
  sendAt: Date | null;
  ratePerSecond: number | null;
  recipients: number;
}

export async function insertCampaign(db: Db, c: NewCampaign): Promise<void> {
  await db
    .insertInto('campaigns')
    .values({
      id: c.id,
      tenant_id: c.tenantId,
      app_id: c.appId,
      upload_id: c.uploadId,
      name: c.name,
      template_id: c.templateId,
      signature: c.signature,
      send_at: c.sendAt,
      rate_per_second: c.ratePerSecond,
      status: c.sendAt ? 'scheduled' : 'running',
      recipients: c.recipients,
      started_at: c.sendAt ? null : new Date(),
    })
    .execute();
}

export function findCampaign(db: Db, id: string, tenantId?: string) {
  let query = db.selectFrom('campaigns').selectAll().where('id', '=', id);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  return query.executeTakeFirst();
}

export function listCampaigns(db: Db, tenantId: string, limit: number) {
  return db.selectFrom('campaigns').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
}

export interface CampaignRecipient {
  line: number;
  recipient: string;
  params: string[];
}

/** The next chunk: the upload's rows after `afterLine`, in line order. */
export function recipientsAfter(db: Db, uploadId: string, afterLine: number, limit: number): Promise<CampaignRecipient[]> {
  return db
    .selectFrom('campaign_recipients')
    .select(['line', 'recipient', 'params'])
    .where('upload_id', '=', uploadId)
    .where('line', '>', afterLine)
    .orderBy('line')
    .limit(limit)
    .execute();
}

/**
 * Records a queued chunk: its refused rows, and the campaign's cursor and counts moved past it. Only a campaign
 * whose cursor is still where the chunk started moves, so a chunk recorded twice (an activity retried after its
 * commit) counts once.
 */
export async function recordChunk(
  db: Db,
  chunk: { campaignId: string; afterLine: number; lastLine: number; queued: number; refusals: readonly { line: number; recipient: string; code: string; message: string }[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (chunk.refusals.length > 0) {
      await trx
        .insertInto('campaign_refusals')
        .values(chunk.refusals.map((r) => ({ campaign_id: chunk.campaignId, ...r })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .updateTable('campaigns')
      .set((eb) => ({ cursor: chunk.lastLine, queued: eb('queued', '+', chunk.queued), refused: eb('refused', '+', chunk.refusals.length) }))
      .where('id', '=', chunk.campaignId)
      .where('cursor', '=', chunk.afterLine)
      .execute();
  });
}

export const endedCampaignStatuses: readonly CampaignStatus[] = ['completed', 'cancelled', 'stopped'];

/** Moves a campaign that has not ended to `status` (its start and end stamped); `stopReason` with `stopped`. */
export async function setCampaignStatus(db: Db, id: string, status: CampaignStatus, stopReason?: string): Promise<void> {
  const now = new Date();
  const ended = endedCampaignStatuses.includes(status);
  await db
    .updateTable('campaigns')
    .set({ status, ...(ended ? { finished_at: now } : {}), ...(stopReason ? { stop_reason: stopReason } : {}) })
    .set((eb) => ({ started_at: status === 'running' ? eb.fn.coalesce('started_at', sql<Date>`${now}::timestamptz`) : eb.ref('started_at') }))
    .where('id', '=', id)
    .where('status', 'not in', endedCampaignStatuses)
    .execute();
}

/** A campaign's messages by status. */
export async function campaignMessageCounts(db: Db, campaignId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Why its messages failed and its rows were refused: code → count. The statuses are written as literals, so that the
 * planner can match the partial index of failed messages (migration 0030).
 */
export async function campaignFailureReasons(db: Db, campaignId: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ code: string; n: string }>`
    select code, count(*) as n from (
      select coalesce(error_code, status) as code from messages
      where campaign_id = ${campaignId} and status in (${sql.join(failedStatuses.map((s) => sql.lit(s)))})
      union all
      select code from campaign_refusals where campaign_id = ${campaignId}
    ) f group by code order by count(*) desc, code`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
}

/** A campaign's messages waiting for dispatch (read through the campaigns' claim-lane index: at most its backlog). */
export async function queuedCampaignMessages(db: Db, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'accepted')
    .where('campaign_id', 'is not', null)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A campaign's messages not yet in a final state (queued for dispatch, or awaiting a receipt). */
export async function unfinishedCampaignMessages(db: Db, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('status', 'not in', finalStatuses)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ReportRow {
  line: number;
  recipient: string;
  status: string;
  code: string | null;
  reason: string | null;
  message_id: string | null;
}

/**
 * A page of the report in line order: each row of the upload after `afterLine` with its fate (the message's status,
 * `refused` with the accept step's reason, or `not_sent` for a row the campaign did not reach).
 */
export async function campaignReportPage(db: Db, campaign: { id: string; upload_id: string }, afterLine: number, limit: number): Promise<ReportRow[]> {
  const { rows } = await sql<ReportRow>`
    select r.line, r.recipient, coalesce(m.status, case when f.code is not null then 'refused' end, 'not_sent') as status,
           coalesce(m.error_code, f.code) as code, coalesce(m.error_message, f.message) as reason, m.id as message_id
    from campaign_recipients r
    left join messages m on m.campaign_id = ${campaign.id} and m.recipient = r.recipient
    left join campaign_refusals f on f.campaign_id = ${campaign.id} and f.line = r.line
    where r.upload_id = ${campaign.upload_id} and r.line > ${afterLine}
    order by r.line
    limit ${limit}`.execute(db);
  return rows;
}
