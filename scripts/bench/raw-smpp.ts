import type { DeliveryReceipt } from '../../carriers/carrier.ts';
import { createSmppBind } from '../../carriers/smpp/bind.ts';
import { planSegments } from '../../domain/segments.ts';
import { accounts } from './peers.ts';
import { until } from './services.ts';
import { sender } from './stack.ts';
import { nowMs, perSecond } from './stats.ts';

export interface RawSmppResult {
  messages: number;
  window: number;
  /** From the first submit_sm to the last delivery receipt. */
  ms: number;
  submitMs: number;
  messagesPerSecond: number;
  failures: number;
}

/**
 * The carrier half of the raw baseline: the same number of submit_sm, with the same window, to the same
 * simulator over the project's SMPP bind and nothing else: no database, no dispatcher, receipts acknowledged
 * as they come. Finishes when every receipt has arrived.
 */
export async function runRawSmpp(options: {
  host: string;
  port: number;
  account: { systemId: string; password: string };
  window: number;
  from: string;
  text: string;
  recipients: readonly string[];
  stallMs: number;
}): Promise<RawSmppResult> {
  const bind = createSmppBind({ name: 'raw', host: options.host, port: options.port, ...options.account, window: options.window });
  const expected = options.recipients.length;
  let receipts = 0;
  let lastReceiptAt = 0;
  let allReceipts: () => void = () => undefined;
  const receiptsIn = new Promise<void>((resolve) => (allReceipts = resolve));
  bind.onReceipt(async (_receipt: DeliveryReceipt) => {
    receipts++;
    lastReceiptAt = nowMs();
    if (receipts === expected) allReceipts();
  });
  try {
    await until('the raw SMPP bind', async () => bind.isBound(), 10_000);
    const { encoding, parts } = planSegments(options.text);
    let failures = 0;
    let next = 0;
    const started = nowMs();
    // The bind's window holds back what does not fit; a few submitters per slot keep it full.
    await Promise.all(
      Array.from({ length: options.window * 2 }, async () => {
        for (let i = next++; i < expected; i = next++) {
          const result = await bind.submit({ from: options.from, to: options.recipients[i] ?? '', encoding, parts, reference: i & 0xffff });
          if (!result.ok) failures++;
        }
      }),
    );
    const submitMs = nowMs() - started;
    if (failures) throw new Error(`${failures} raw submit_sm failed`);
    const stall = setTimeout(() => allReceipts(), options.stallMs);
    await receiptsIn;
    clearTimeout(stall);
    if (receipts < expected) throw new Error(`only ${receipts} of ${expected} receipts arrived at the raw session`);
    const ms = lastReceiptAt - started;
    return { messages: expected, window: options.window, ms: Math.round(ms), submitMs: Math.round(submitMs), messagesPerSecond: perSecond(expected, ms), failures };
  } finally {
    await bind.close();
  }
}

/** `runRawSmpp` against the bench's simulator: the raw account, the bench's window, its sender. */
export function rawSmppOnBench(smppPort: number, config: { window: number; stallMs: number }, text: string, recipients: readonly string[]): Promise<RawSmppResult> {
  return runRawSmpp({ host: '127.0.0.1', port: smppPort, account: accounts.raw, window: config.window, from: sender, text, recipients, stallMs: config.stallMs });
}
