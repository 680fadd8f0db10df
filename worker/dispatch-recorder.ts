import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import { emptyDispatchOutcome, recordDispatch, type DispatchOutcome } from '../db/dispatch-queue.ts';
import { retryWhileDatabaseAway } from './retry-while-database-away.ts';

export interface DispatchRecorderOptions {
  db: Db;
  logger: Logger;
  /** Messages written in one statement at most. */
  maxBatch?: number;
  /** How long the first message's outcome waits for company before it is written. */
  lingerMs?: number;
  /** Told of every outcome once written (metrics). */
  onRecorded?: (outcome: DispatchOutcome) => void;
}

export interface DispatchRecorder {
  /** Adds one message's outcome to the next write; resolves once it is written. */
  record(outcome: DispatchOutcome): Promise<void>;
  /**
   * Resolves when fewer than a batch of outcomes await their write. Each submit_sm waits for it once its window slot
   * is taken, right before it goes out (`OutboundMessage.ready`): what a crash can send twice is what carriers took
   * and Tern has not written, so it stays within the windows and about a batch. (Waiting before the slot let every
   * message queued for a slot through at once.)
   */
  whenRoom(): Promise<void>;
}

/**
 * Writes dispatch outcomes as they come, a few milliseconds' worth per statement (a group commit), rather than a
 * round's worth once its slowest message is answered. What a carrier took and Tern has not written down is what
 * a worker's crash sends twice; this keeps it to the submits in the carriers' windows and one batch being written:
 * one write at a time, what comes meanwhile goes in the next.
 */
export function createDispatchRecorder({ db, logger, maxBatch = 100, lingerMs = 5, onRecorded }: DispatchRecorderOptions): DispatchRecorder {
  let pending = emptyDispatchOutcome();
  let count = 0;
  let waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing = 0;
  let roomWaiters: (() => void)[] = [];
  const unwritten = () => count + writing;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (writing || count === 0) return;
    writing = count;
    const [outcome, batch] = [pending, waiters];
    [pending, waiters, count] = [emptyDispatchOutcome(), [], 0];
    retryWhileDatabaseAway('dispatch outcomes', () => recordDispatch(db, outcome), logger)
      .then(
        () => {
          for (const w of batch) w.resolve();
          logFailures(outcome, logger);
          onRecorded?.(outcome);
        },
        (err: unknown) => {
          for (const w of batch) w.reject(err);
        },
      )
      .finally(() => {
        writing = 0;
        flush();
        if (unwritten() < maxBatch) {
          const ready = roomWaiters;
          roomWaiters = [];
          for (const resolve of ready) resolve();
        }
      });
  }

  return {
    whenRoom() {
      return unwritten() < maxBatch ? Promise.resolve() : new Promise((resolve) => roomWaiters.push(resolve));
    },
    record(outcome) {
      return new Promise<void>((resolve, reject) => {
        for (const key of Object.keys(pending) as (keyof DispatchOutcome)[]) (pending[key] as unknown[]).push(...outcome[key]);
        waiters.push({ resolve, reject });
        if (++count >= maxBatch) flush();
        else timer ??= setTimeout(flush, lingerMs);
      });
    },
  };
}

function logFailures({ failed, retry, failovers }: DispatchOutcome, logger: Logger): void {
  if (failed.length || retry.length || failovers.length) {
    const codes = [...new Set([...failed, ...retry, ...failovers].map((f) => f.code))];
    logger.warn({ failed: failed.length, retry: retry.length, failovers: failovers.length, codes }, 'dispatch round had failures');
  }
}
