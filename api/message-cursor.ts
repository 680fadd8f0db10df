import type { MessageListPosition } from '../db/message-list.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Microseconds since 1970 for any time Postgres can hold (up to the year 294276): 1 to 16 digits, an optional minus. */
const micros = /^-?\d{1,16}$/;

/** The `cursor` of `GET /v1/messages`: where a page ended, opaque to the client (base64url). */
export function encodeMessageCursor(position: MessageListPosition): string {
  return Buffer.from(`${position.createdMicros}.${position.id}`).toString('base64url');
}

/** The position a cursor names, or null when the text is not a cursor this API gave. */
export function decodeMessageCursor(cursor: string): MessageListPosition | null {
  const [time, id, ...rest] = Buffer.from(cursor, 'base64url').toString('latin1').split('.');
  if (rest.length > 0 || time === undefined || id === undefined || !micros.test(time) || !uuid.test(id)) return null;
  return { createdMicros: BigInt(time), id };
}
