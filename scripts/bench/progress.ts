import type { Peers } from './peers.ts';
import { nowMs } from './stats.ts';

export interface ProgressSample {
  /** Milliseconds since the phase started. */
  t: number;
  accepted: number;
  /** submit_sm the simulator answered ESME_ROK (platform and raw sessions alike). */
  submitted: number;
  receiptsAcked: number;
  callbacks: number;
}

/**
 * Waits until `target` distinct status reports arrived at the sink, sampling each stage's progress on the way;
 * fails when nothing moved for `stallMs`, with the last sample to show where it stopped.
 */
export async function awaitCallbacks(options: {
  peers: Peers;
  target: number;
  startedAt: number;
  accepted: () => number;
  stallMs: number;
  everyMs?: number;
}): Promise<{ lastAt: number; samples: ProgressSample[]; byStatus: Record<string, number>; duplicates: number }> {
  const { peers, target, startedAt } = options;
  const samples: ProgressSample[] = [];
  let lastChange = Date.now();
  let previous = '';
  for (;;) {
    const [counts, sim] = await Promise.all([peers.counts(), peers.simulator()]);
    const sample: ProgressSample = {
      t: Math.round(nowMs() - startedAt),
      accepted: options.accepted(),
      submitted: sim.parts,
      receiptsAcked: sim.receiptsAcked,
      callbacks: counts.messages,
    };
    samples.push(sample);
    if (counts.messages >= target && counts.lastAt !== null) {
      return { lastAt: counts.lastAt, samples, byStatus: counts.byStatus, duplicates: counts.duplicates };
    }
    const key = `${sample.accepted}/${sample.submitted}/${sample.receiptsAcked}/${sample.callbacks}`;
    if (key !== previous) {
      previous = key;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > options.stallMs) {
      throw new Error(`no progress for ${options.stallMs} ms: ${JSON.stringify(sample)} of ${target}`);
    }
    await new Promise((r) => setTimeout(r, options.everyMs ?? 250));
  }
}
