import type { DeliveryReceipt } from '../../carriers/carrier.ts';
import type { InboundReply } from '../../domain/replies.ts';
import { waitFor } from '../support/wait.ts';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Records every receipt handed to a handler, by carrier message id. */
export class ReceiptLog {
  readonly all: DeliveryReceipt[] = [];

  readonly handler = async (receipt: DeliveryReceipt): Promise<void> => {
    this.all.push(receipt);
  };

  for(carrierMessageId: string): DeliveryReceipt[] {
    return this.all.filter((r) => r.carrierMessageId === carrierMessageId);
  }

  /** The first receipt for `carrierMessageId`, once it has come. */
  arrived(carrierMessageId: string, timeoutMs = 3_000): Promise<DeliveryReceipt> {
    return waitFor(`a receipt for ${carrierMessageId}`, () => this.for(carrierMessageId)[0], timeoutMs);
  }
}

export class ReplyLog {
  readonly all: InboundReply[] = [];

  readonly handler = async (reply: InboundReply): Promise<void> => {
    this.all.push(reply);
  };
}

let counter = 0;

/** A fresh E.164 number ending in `suffix`, so outcome rules apply and messages are told apart. */
export function numberEndingIn(suffix: string): string {
  counter++;
  const middle = String(counter).padStart(11 - suffix.length, '0');
  return `+1${middle}${suffix}`;
}
