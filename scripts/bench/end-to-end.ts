import type { JsonPoster } from './http-client.ts';
import type { Peers } from './peers.ts';
import { awaitCallbacks, type ProgressSample } from './progress.ts';
import { nowMs, perSecond } from './stats.ts';

export interface EndToEndOptions {
  poster: JsonPoster;
  peers: Peers;
  templateId: string;
  recipients: string[];
  perRequest: number;
  concurrency: number;
  stallMs: number;
}

export interface EndToEndResult {
  messages: number;
  requests: number;
  /** From the first request sent to the last request answered. */
  acceptMs: number;
  acceptPerSecond: number;
  /** From the first request sent to the last status report received. */
  totalMs: number;
  messagesPerSecond: number;
  byStatus: Record<string, number>;
  duplicateReports: number;
  progress: ProgressSample[];
}

/**
 * Phase (a): every recipient through POST /v1/messages in requests of up to `perRequest`, `concurrency` at a
 * time, then accept → dispatch → submit_sm → receipt → status report at the sink.
 */
export async function runEndToEnd(options: EndToEndOptions): Promise<EndToEndResult> {
  const { poster, peers } = options;
  const batches: string[][] = [];
  for (let i = 0; i < options.recipients.length; i += options.perRequest) batches.push(options.recipients.slice(i, i + options.perRequest));
  await peers.reset();

  let accepted = 0;
  let acceptedAt = 0;
  const startedAt = nowMs();
  let nextBatch = 0;
  const sender = async () => {
    for (let i = nextBatch++; i < batches.length; i = nextBatch++) {
      const answer = await poster.post('/v1/messages', { to: batches[i], templateId: options.templateId, params: ['246810'] });
      if (answer.status !== 202) throw new Error(`POST /v1/messages answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      const result = JSON.parse(answer.body) as { messages: { status: string }[] };
      const ok = result.messages.filter((m) => m.status === 'accepted').length;
      if (ok !== batches[i]?.length) throw new Error(`only ${ok} of ${batches[i]?.length} recipients were accepted: ${answer.body.slice(0, 300)}`);
      accepted += ok;
    }
  };
  const sending = Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, sender)).then(() => {
    acceptedAt = nowMs();
  });
  const target = options.recipients.length;
  const [, done] = await Promise.all([
    sending,
    awaitCallbacks({ peers, target, startedAt, accepted: () => accepted, stallMs: options.stallMs }),
  ]);
  const totalMs = done.lastAt - startedAt;
  return {
    messages: target,
    requests: batches.length,
    acceptMs: Math.round(acceptedAt - startedAt),
    acceptPerSecond: perSecond(target, acceptedAt - startedAt),
    totalMs: Math.round(totalMs),
    messagesPerSecond: perSecond(target, totalMs),
    byStatus: done.byStatus,
    duplicateReports: done.duplicates,
    progress: done.samples,
  };
}
