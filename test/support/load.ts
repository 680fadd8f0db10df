import { sendCode } from './messages.ts';
import type { TestTenant } from './tenant.ts';

export interface Load {
  /** Ids of the messages answered 202, in order. */
  readonly accepted: string[];
  /** Answers other than 202, kept to be checked. */
  readonly refusals: { status: number; retryAfter: string | null; code: string }[];
  /** Stops sending and waits for the requests in flight. */
  stop(): Promise<void>;
}

/**
 * Sends verification codes in a loop until stopped: `senders` requests at a time of `batch` recipients each,
 * every recipient new (`prefix` then a counter, 14 characters), so that a message at the SMSC tells which one it
 * is, and each delivered in the end. A refused
 * or failed request pauses its sender for 100 ms.
 */
export function startLoad(apiUrl: string, tenant: TestTenant, options: { prefix: string; batch?: number; senders?: number; pauseMs?: number }): Load {
  const { prefix, batch = 50, senders = 4, pauseMs = 0 } = options;
  const accepted: string[] = [];
  const refusals: Load['refusals'] = [];
  let sequence = 0;
  let running = true;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** The next recipient, passing over numbers ending in 9901–9909: the simulator gives those special outcomes. */
  function nextRecipient(): string {
    while (sequence % 10_000 >= 9_901 && sequence % 10_000 <= 9_909) sequence++;
    return `${prefix}${String(sequence++).padStart(14 - prefix.length, '0')}`;
  }

  async function sendBatch(): Promise<boolean> {
    const to = Array.from({ length: batch }, nextRecipient);
    const res = await sendCode(apiUrl, tenant, to).catch(() => undefined);
    if (!res) return false;
    const body = (await res.json()) as { messages?: { id: string }[]; code?: string };
    if (res.status === 202) for (const m of body.messages ?? []) accepted.push(m.id);
    else refusals.push({ status: res.status, retryAfter: res.headers.get('retry-after'), code: body.code ?? '' });
    return res.status === 202;
  }

  const loops = Array.from({ length: senders }, async () => {
    while (running) {
      if (!(await sendBatch())) await pause(100);
      else if (pauseMs) await pause(pauseMs);
    }
  });
  return {
    accepted,
    refusals,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
