/**
 * A carrier's management interface, apart from its SMPP binds: requests that take their time on the carrier's
 * side, such as taking a number off the carrier's blocklist.
 */
import type { UnblockStatus } from '../domain/unblocking.ts';

export interface CarrierManagement {
  /** Asks the carrier to unblock a number; returns the carrier's ticket. */
  requestUnblock(number: string, reason: string): Promise<string>;
  unblockStatus(ticket: string): Promise<UnblockStatus>;
}
