/** Final (or intermediate) state a carrier reports for one part, as in the SMPP receipt's `stat:` field. */
export type ReceiptStat = 'DELIVRD' | 'EXPIRED' | 'DELETED' | 'UNDELIV' | 'ACCEPTD' | 'UNKNOWN' | 'REJECTD' | 'ENROUTE';

/**
 * The message state machine: the one place that says which states a message can be in and how it moves.
 * Every status update in the database takes its new state and the states it may come from from `moveTo` or
 * `transition` (a message is created `accepted` or `scheduled`), so a stale or duplicated event can never move a
 * message backwards, and no update writes a move the machine does not have.
 */
export const messageStatuses = [
  'scheduled',
  'accepted',
  'submitted',
  'delivered',
  'undelivered',
  'expired',
  'rejected',
  'failed',
  'cancelled',
] as const;

export type MessageStatus = (typeof messageStatuses)[number];

const transitions: Record<MessageStatus, readonly MessageStatus[]> = {
  // waiting for its send time
  scheduled: ['accepted', 'cancelled'],
  // queued for dispatch (and re-queued after a retryable carrier error)
  accepted: ['accepted', 'submitted', 'failed'],
  // the carrier took every part; a receipt (or its absence) decides the end
  submitted: ['delivered', 'undelivered', 'expired', 'rejected', 'failed'],
  delivered: [],
  undelivered: [],
  expired: [],
  rejected: [],
  failed: [],
  cancelled: [],
};

export const finalStatuses: readonly MessageStatus[] = messageStatuses.filter((s) => transitions[s].length === 0);

/** The final states that are not a delivery (nor a cancel before sending): a message that failed, and the reason why. */
export const failedStatuses: readonly MessageStatus[] = finalStatuses.filter((s) => s !== 'delivered' && s !== 'cancelled');

export function isFinal(status: MessageStatus): boolean {
  return transitions[status].length === 0;
}

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return transitions[from].includes(to);
}

/** The states a message may be in for it to move to `to`. */
export function predecessorsOf(to: MessageStatus): MessageStatus[] {
  return messageStatuses.filter((from) => transitions[from].includes(to));
}

/** A move of the machine as a database update makes it: set the status to `to` where it is one of `from`. */
export interface StatusMove {
  to: MessageStatus;
  from: MessageStatus[];
}

/** The move to `to` from any state that may lead there. */
export function moveTo(to: MessageStatus): StatusMove {
  return { to, from: predecessorsOf(to) };
}

/** The move from `from` only to `to`; throws (at load, where it is used as a constant) if the machine has no such move. */
export function transition(from: MessageStatus, to: MessageStatus): StatusMove {
  if (!canTransition(from, to)) throw new Error(`no transition from ${from} to ${to}`);
  return { to, from: [from] };
}

/** What one part's receipt says about that part; `null` for intermediate receipts (ENROUTE, ACCEPTD). */
export function partOutcome(stat: ReceiptStat | string): MessageStatus | null {
  switch (stat) {
    case 'DELIVRD':
      return 'delivered';
    case 'UNDELIV':
    case 'DELETED':
      return 'undelivered';
    case 'EXPIRED':
      return 'expired';
    case 'REJECTD':
      return 'rejected';
    case 'UNKNOWN':
      return 'failed';
    default:
      return null;
  }
}

// When parts end differently, the message reports the most telling failure.
const failureRank: readonly MessageStatus[] = ['rejected', 'undelivered', 'failed', 'expired'];

/**
 * A message's state from the receipts of all its parts: `submitted` until every part has a final receipt,
 * `delivered` only when every part was delivered.
 */
export function statusFromParts(partStats: readonly (string | null)[]): MessageStatus {
  const outcomes = partStats.map((stat) => (stat === null ? null : partOutcome(stat)));
  if (outcomes.length === 0 || outcomes.some((o) => o === null)) return 'submitted';
  for (const failure of failureRank) if (outcomes.includes(failure)) return failure;
  return 'delivered';
}
