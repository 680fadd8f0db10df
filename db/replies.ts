import { sql } from 'kysely';
import type { InboundReply } from '../domain/replies.ts';
import { mainlandAccessNumber } from '../domain/channel-numbers.ts';
import { unsubscribeWords, subscribeWords } from '../domain/opt-out.ts';
import { callbackRetentionHours } from './callbacks.ts';
import { prepared, type Db } from './connect.ts';

/**
 * Stores a whole reply for routing; `missingParts` are the parts of a concatenated reply it goes without. A part of
 * a concatenated reply goes to `storeReplyPart` (db/reply-parts.ts) instead. Returns the reply's public id.
 */
export async function storeReply(db: Db, carrier: string, reply: InboundReply, missingParts: readonly number[] = []): Promise<string> {
  const { public_id } = await db
    .insertInto('inbound_replies')
    .values({
      carrier,
      sender: reply.from,
      recipient: reply.to,
      text: reply.text,
      received_at: reply.receivedAt,
      missing_parts: missingParts.length > 0 ? [...missingParts] : null,
    })
    .returning('public_id')
    .executeTakeFirstOrThrow();
  return public_id;
}

/**
 * Routes stored replies to the apps they answer: the number replied to is the mainland access number followed
 * by exactly one app's extension. The reply is given that app's tenant, and an uplink notification (spec §5,
 * form-encoded) is queued when the app has an uplink URL, in the same statement, so neither is lost.
 * A reply that is an unsubscribe word (`TD`, `退订`, …) also opts its sender out of the tenant. A reply that
 * matches no app is marked routed with no app and kept. Returns how many replies were handled.
 */
export async function routeReplies(db: Db, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`${prepared}
    with due as (
      select id, regexp_replace(recipient, '^\\+', '') as number from inbound_replies
      where routed_at is null order by received_at limit ${limit}
      for update skip locked
    ), matched as (
      select due.id, a.id as app_id, a.tenant_id, a.uplink_url
      from due left join apps a
        on left(due.number, ${mainlandAccessNumber.length}) = ${mainlandAccessNumber}
       and a.mainland_extension = substr(due.number, ${mainlandAccessNumber.length + 1})
    ), routed as (
      update inbound_replies r set routed_at = now(), app_id = matched.app_id, tenant_id = matched.tenant_id
      from matched where r.id = matched.id
      returning r.id, r.public_id, r.sender, r.recipient, r.text, r.received_at, matched.uplink_url, matched.tenant_id, matched.app_id
    ), opted_out as (
      -- An unsubscribe word opts the sender out of the tenant whose number they answered.
      insert into opt_outs (tenant_id, number, reply_text)
      select tenant_id, sender, text from routed
      where tenant_id is not null and upper(btrim(text)) = any(${unsubscribeWords}::text[])
      on conflict (tenant_id, number) do nothing
    ), opted_in as (
      -- A subscribe word from a number that opted out of this tenant lifts the opt-out.
      delete from opt_outs o using routed
      where routed.tenant_id is not null and o.tenant_id = routed.tenant_id and o.number = routed.sender
        and upper(btrim(routed.text)) = any(${subscribeWords}::text[])
    ), notified as (
      insert into callback_outbox (reply_id, app_id, url, payload, format, give_up_at)
      select id, app_id, uplink_url,
        jsonb_build_object('smsMsgId', public_id::text, 'from', sender, 'to', recipient, 'body', text,
                           'createTime', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
        'form', now() + make_interval(hours => ${callbackRetentionHours})
      from routed where uplink_url is not null
    )
    select count(*)::int as n from routed`.execute(db);
  return rows[0]?.n ?? 0;
}
