import { sql } from 'kysely';
import { prepared, type Db } from './connect.ts';
import type { MessageRow, MessageSurface } from './schema.ts';
import type { NewSendRequest } from './send-requests.ts';
import { screenCall, type ScreenInput } from './controls.ts';
import { chargeQuery, type ChargeInput } from './billing-charge.ts';
import { moveTo, transition, type MessageStatus } from '../domain/message-status.ts';
import type { TextEncoding } from '../domain/segments.ts';
import type { TemplateRegion } from '../domain/templates.ts';

const toCancelled = moveTo('cancelled');
/** A scheduled request at its time: its messages join the dispatch queue. */
const released = transition('scheduled', 'accepted');

/** Channel the dispatcher listens on, so a verification code does not wait for the next poll. */
export const acceptedChannel = 'tern_messages_accepted';

/** Messages of one request that share a template and its rendered text; only the id and the recipient differ. */
export interface MessageGroup {
  templateId: string;
  /** The template's region, and the signature of a mainland text (none for international): kept for the statistics. */
  region: TemplateRegion;
  signature: string | null;
  sender: string;
  body: string;
  encoding: TextEncoding;
  segments: number;
  ids: readonly string[];
  recipients: readonly string[];
  /** Each recipient's ISO 3166 country. */
  countries: readonly string[];
}

/** What every message of one request shares, and its groups. */
export interface AcceptedBatch {
  status: Extract<MessageStatus, 'accepted' | 'scheduled'>;
  reference: string | null;
  callbackUrl: string | null;
  nextAttemptAt: Date;
  surface: MessageSurface;
  groups: readonly MessageGroup[];
  /** The campaign the messages belong to; none (null) for the API's sends. */
  campaignId?: string | null;
}

/** Mainland messages to screen in the same statement (see `db/controls.ts`); `ids[i]` is the message of `numbers[i]`. */
export interface StatementScreen extends ScreenInput {
  ids: readonly string[];
}

/** One request of a statement: the request row and its messages. */
export interface AcceptedRequest {
  request: NewSendRequest;
  batch: AcceptedBatch;
}

export interface InsertedRequests {
  /** The requests stored; one is missing when another request already held its idempotency key, or when the screen and the charge refused every message of it. */
  stored: Set<string>;
  /** Messages the screen or the charge refused (not stored), with the rule's code. */
  refused: Map<string, string>;
}

/**
 * Stores send requests of one tenant and their messages in one statement, so it is atomic even outside a
 * transaction and costs one round trip however many requests it carries (`accept/group-commit.ts` gathers
 * concurrent ones); with `screen`, their mainland messages are screened in the same statement first, under locks
 * held until commit, then with `charge` the ones that pass are charged (db/billing-charge.ts), and only the
 * messages that pass both are stored (a request none of whose messages passes is not stored). With `notify`, the
 * dispatcher is told at commit.
 */
export async function insertAcceptedRequests(
  db: Db,
  tenantId: string,
  requests: readonly AcceptedRequest[],
  options: { notify: boolean; screen?: StatementScreen | undefined; charge?: ChargeInput | undefined },
): Promise<InsertedRequests> {
  const groups = requests.flatMap((r, i) => r.batch.groups.map((g) => ({ ...g, requestNo: i + 1 })));
  const groupOfMessage = groups.flatMap((g, i) => g.ids.map(() => i + 1));
  const column = <T>(pick: (r: AcceptedRequest) => T) => requests.map(pick);
  const screen = options.screen ?? { tenantId, numbers: [], hashes: [], at: new Date(), ids: [] };
  const { rows } = await sql<{ stored: string[]; refused: { id: string; code: string }[] }>`${prepared}
    with screened_out as (
      select (${screen.ids}::uuid[])[s.idx] as id, s.code from ${screenCall(screen)} as s
    ), unpaid as (
      ${options.charge ? chargeQuery(options.charge, sql`select id from screened_out`) : sql`select null::uuid as id, null::text as code where false`}
    ), refused as (
      select id, code from screened_out union all select id, code from unpaid
    ), r as (
      select * from unnest(${column((r) => r.request.id)}::uuid[], ${column((r) => r.request.appId)}::uuid[],
                           ${column((r) => r.request.idempotencyKey ?? null)}::text[], ${column((r) => r.request.requestHash)}::text[],
                           -- Only keyed requests can be replayed, so only they need their answer kept.
                           ${column((r) => (r.request.idempotencyKey ? JSON.stringify(r.request.response) : null))}::jsonb[],
                           ${column((r) => r.request.sendAt ?? null)}::timestamptz[], ${column((r) => r.batch.status)}::text[],
                           ${column((r) => r.batch.reference)}::text[], ${column((r) => r.batch.callbackUrl)}::text[],
                           ${column((r) => r.batch.nextAttemptAt)}::timestamptz[], ${column((r) => r.batch.surface)}::text[],
                           ${column((r) => r.batch.campaignId ?? null)}::uuid[])
        with ordinality as r(id, app_id, idempotency_key, request_hash, response, send_at, status, reference, callback_url,
                             next_attempt_at, surface, campaign_id, rn)
    ), grp as (
      select * from unnest(${groups.map((g) => g.requestNo)}::int[], ${groups.map((g) => g.templateId)}::text[],
                           ${groups.map((g) => g.sender)}::text[], ${groups.map((g) => g.body)}::text[],
                           ${groups.map((g) => g.encoding)}::text[], ${groups.map((g) => g.segments)}::int[],
                           ${groups.map((g) => g.region)}::text[], ${groups.map((g) => g.signature)}::text[])
        with ordinality as g(rn, template_id, sender, body, encoding, segments, region, signature, n)
    ), keep as (
      select m.*, g.rn from unnest(${groups.flatMap((g) => g.ids)}::uuid[], ${groups.flatMap((g) => g.recipients)}::text[],
                                   ${groups.flatMap((g) => g.countries)}::text[], ${groupOfMessage}::int[]) as m(id, recipient, country, n)
      join grp g on g.n = m.n
      where m.id not in (select id from refused)
    ), req as (
      insert into send_requests (id, tenant_id, app_id, idempotency_key, request_hash, response, send_at)
      select r.id, ${tenantId}::uuid, r.app_id, r.idempotency_key, r.request_hash, r.response, r.send_at
      from r where r.rn in (select rn from keep)
      on conflict (app_id, idempotency_key) where idempotency_key is not null do nothing
      returning id
    ), msgs as (
      insert into messages (id, request_id, tenant_id, app_id, template_id, sender, recipient, body, encoding, segments, status,
                            reference, callback_url, send_at, next_attempt_at, surface, campaign_id, country, region, signature)
      select m.id, r.id, ${tenantId}::uuid, r.app_id, g.template_id, g.sender, m.recipient, g.body, g.encoding, g.segments,
             r.status, r.reference, r.callback_url, r.send_at, r.next_attempt_at, r.surface, r.campaign_id, m.country, g.region, g.signature
      from keep m
      join grp g on g.n = m.n
      join r on r.rn = m.rn
      where r.id in (select id from req)
    )
    select (select coalesce(array_agg(id), '{}') from req) as stored,
           (select coalesce(json_agg(json_build_object('id', id, 'code', code)), '[]'::json) from refused) as refused,
           case when ${options.notify}::boolean and exists (select 1 from req) then pg_notify(${acceptedChannel}, '') end as notified`.execute(db);
  const row = rows[0];
  return { stored: new Set(row?.stored ?? []), refused: new Map((row?.refused ?? []).map((r) => [r.id, r.code])) };
}

export async function notifyAccepted(db: Db): Promise<void> {
  await sql`select pg_notify(${acceptedChannel}, '')`.execute(db);
}

export async function findTenantMessage(db: Db, tenantId: string, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function findMessageParts(db: Db, messageId: string) {
  return db.selectFrom('message_parts').selectAll().where('message_id', '=', messageId).orderBy('part_no').orderBy('attempt').execute();
}

export async function findRetries(db: Db, messageId: string) {
  return db.selectFrom('message_retries').select(['attempt', 'at', 'carrier', 'code', 'reason', 'maybe_sent']).where('message_id', '=', messageId).orderBy('attempt').execute();
}

export async function findFailovers(db: Db, messageId: string) {
  return db.selectFrom('message_failovers').select(['at', 'carrier', 'code', 'reason']).where('message_id', '=', messageId).orderBy('at').execute();
}

export async function findCallbackAttempts(db: Db, messageId: string) {
  return db
    .selectFrom('callback_attempts')
    .innerJoin('callback_outbox', 'callback_outbox.id', 'callback_attempts.outbox_id')
    .select([
      'callback_attempts.attempted_at',
      'callback_attempts.attempt',
      'callback_attempts.http_status',
      'callback_attempts.error',
      'callback_attempts.duration_ms',
      'callback_outbox.url',
    ])
    .where('callback_outbox.message_id', '=', messageId)
    .orderBy('callback_attempts.id')
    .execute();
}

/** Cancels one scheduled message; returns the row as it is afterwards, or undefined if it does not exist. */
export async function cancelScheduledMessage(db: Db, tenantId: string, id: string): Promise<MessageRow | undefined> {
  const cancelled = await db
    .updateTable('messages')
    .set({ status: toCancelled.to, cancelled_at: new Date(), completed_at: new Date() })
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', toCancelled.from)
    .returningAll()
    .executeTakeFirst();
  return cancelled ?? findTenantMessage(db, tenantId, id);
}

export async function countScheduledInRequest(db: Db, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('request_id', '=', requestId)
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a request's scheduled messages into the dispatch queue; returns how many moved. */
export async function releaseScheduledRequest(db: Db, requestId: string): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ status: released.to, next_attempt_at: new Date() })
    .where('request_id', '=', requestId)
    .where('status', 'in', released.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Cancels whatever of a request is still scheduled; returns how many were cancelled. */
export async function cancelScheduledRequest(db: Db, requestId: string): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ status: toCancelled.to, cancelled_at: new Date(), completed_at: new Date() })
    .where('request_id', '=', requestId)
    .where('status', 'in', toCancelled.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
