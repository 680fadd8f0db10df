import type { Db } from '../db/connect.ts';
import { cancelScheduledRequest, notifyAccepted, releaseScheduledRequest } from '../db/messages.ts';

export function createScheduledSendActivities({ db }: { db: Db }) {
  return {
    /** Moves the request's still-scheduled messages into the dispatch queue; cancelled ones stay cancelled. */
    async releaseScheduledMessages(requestId: string): Promise<number> {
      const released = await releaseScheduledRequest(db, requestId);
      if (released > 0) await notifyAccepted(db);
      return released;
    },
    async cancelScheduledMessages(requestId: string): Promise<number> {
      return cancelScheduledRequest(db, requestId);
    },
  };
}

export type ScheduledSendActivities = ReturnType<typeof createScheduledSendActivities>;
