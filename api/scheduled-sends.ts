/** How the API hands a future send to the process that waits for its time (a Temporal workflow in production). */
export interface ScheduledSends {
  schedule(input: { requestId: string; tenantId: string; sendAt: Date }): Promise<void>;
  /** Tells the waiting process that nothing is left to send; harmless if it already ended. */
  cancel(requestId: string): Promise<void>;
}
