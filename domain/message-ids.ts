import { v7 } from 'uuid';

/**
 * A new id for a message or a send request: a UUIDv7 (RFC 9562), ordered by the millisecond it was made in. The
 * indexes keyed by these ids (messages, their parts, reports, ledger entries, requests) then grow at their right
 * edge: a random (v4) key put each insert on a random leaf page, and after every checkpoint each of those pages
 * cost a full-page image in the WAL (docs/benchmarks.md#campaign-benchmark). The last 74 bits stay random, so
 * ids are not guessable, and a multi-part message's reference (`concatReference`, its last four hex digits) is
 * as spread as before. The id tells when the message was made, which its `createdAt` says anyway.
 */
export function newMessageId(): string {
  return v7();
}
