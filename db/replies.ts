import type { InboundReply } from '../carriers/carrier.ts';
import type { Db } from './connect.ts';

export async function storeReply(db: Db, carrier: string, reply: InboundReply): Promise<void> {
  await db
    .insertInto('inbound_replies')
    .values({ carrier, sender: reply.from, recipient: reply.to, text: reply.text, received_at: reply.receivedAt })
    .execute();
}
