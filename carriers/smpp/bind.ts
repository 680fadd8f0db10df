import { setMaxListeners } from 'node:events';
import { pino, type Logger } from 'pino';
import type { CarrierBind, OutboundMessage, ReceiptHandler, ReplyHandler, SubmitResult } from '../carrier.ts';
import type { BackoffPolicy } from '../../domain/backoff.ts';
import { messageIdKey, textIds, type CarrierIdFormats } from '../../domain/carrier-message-ids.ts';
import { SmppConnection } from './connection.ts';
import { InboundDispatcher } from './inbound.ts';
import { ResponseTracker } from './response-tracker.ts';
import { SlotPool } from './slot-pool.ts';
import { Submitter, type ThrottleOptions } from './submitter.ts';
import { createPacer } from './pacer.ts';

export interface SmppBindOptions {
  /** The carrier's name in logs and in `CarrierBind.name`. */
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Most submit_sm waiting for their response at once. Default 50. */
  window?: number;
  /** Most submit_sm sent a second (the account's contracted throughput); default none. */
  throughput?: number | null;
  /** Period of our enquire_link. Default 30 000. */
  enquireLinkMs?: number;
  /** How long the SMSC has to answer a bind, submit_sm, enquire_link or unbind. Default 10 000. */
  responseTimeoutMs?: number;
  /** How long a submit waits for the session to be bound before giving up with BIND_UNAVAILABLE. Default 5 000. */
  bindWaitMs?: number;
  /** Delay between reconnect attempts, doubling from minMs to maxMs, with jitter. Default 250 → 10 000: an SMSC back from maintenance is bound again within 10 s. */
  reconnect?: Partial<BackoffPolicy>;
  /**
   * Delay after the SMSC refused the credentials (ESME_RBINDFAIL, ESME_RINVPASWD, ESME_RINVSYSID, ESME_RINVSYSTYP),
   * doubling from minMs to maxMs. Default 60 000 → 900 000: a wrong password costs the account one bind a minute at
   * first, then fewer, where the usual reconnect would try seven times in 15 s and get it locked.
   */
  credentialsRefused?: Partial<BackoffPolicy>;
  /** How the carrier writes message ids (domain/carrier-message-ids.ts); default text, matched byte for byte. */
  idFormats?: CarrierIdFormats;
  /** Pauses before sending a throttled PDU again. Default 200 → 5 000, 10 retries. */
  throttle?: Partial<ThrottleOptions>;
  logger?: Logger;
}

export const smppBindDefaults = {
  systemType: '',
  window: 50,
  enquireLinkMs: 30_000,
  responseTimeoutMs: 10_000,
  bindWaitMs: 5_000,
  reconnect: { minMs: 250, maxMs: 10_000 },
  credentialsRefused: { minMs: 60_000, maxMs: 900_000 },
  throttle: { minMs: 200, maxMs: 5_000, maxRetries: 10 },
} as const;

/**
 * A CarrierBind over one SMPP 3.4 transceiver session. It connects at once and keeps reconnecting until
 * `close()`; submits wait (up to `bindWaitMs`) for the session rather than failing during a short outage.
 */
export function createSmppBind(options: SmppBindOptions): CarrierBind {
  const d = smppBindDefaults;
  const logger = (options.logger ?? pino({ enabled: false })).child({ carrier: options.name });
  const responseTimeoutMs = options.responseTimeoutMs ?? d.responseTimeoutMs;
  const slots = new SlotPool(Math.max(1, options.window ?? d.window), options.bindWaitMs ?? d.bindWaitMs);
  const tracker = new ResponseTracker();
  const closing = new AbortController();
  // Every part paused by throttling listens for the close; there can be a window's worth of them.
  setMaxListeners(0, closing.signal);

  const connection: SmppConnection = new SmppConnection(
    {
      host: options.host,
      port: options.port,
      systemId: options.systemId,
      password: options.password,
      systemType: options.systemType ?? d.systemType,
      enquireLinkMs: options.enquireLinkMs ?? d.enquireLinkMs,
      responseTimeoutMs,
      reconnect: { ...d.reconnect, ...options.reconnect },
      credentialsRefused: { ...d.credentialsRefused, ...options.credentialsRefused },
      logger,
    },
    {
      bound: () => slots.setAvailable(true),
      unavailable: () => slots.setAvailable(false),
      sessionClosed: () => tracker.failAll('SESSION_CLOSED'),
      response: (pdu) => tracker.settle(pdu),
      deliverSm: (session, pdu) => inbound.handle(session, pdu),
    },
  );
  const idFormats = options.idFormats ?? textIds;
  const inbound = new InboundDispatcher((session, pdu, status) => connection.respond(session, pdu, status), logger, idFormats);
  const submitter = new Submitter({
    send: (pdu) => connection.send(pdu),
    slots,
    tracker,
    responseTimeoutMs,
    throttle: { ...d.throttle, ...options.throttle },
    signal: closing.signal,
    ...(options.throughput ? { pace: createPacer(options.throughput, closing.signal) } : {}),
    unavailableReason: () =>
      closing.signal.aborted
        ? 'the bind is closed'
        : `not bound to ${options.host}:${options.port}${connection.lastFailure ? ` (${connection.lastFailure})` : ''}`,
  });

  // One sweep for every outstanding submit instead of a timer each.
  const sweepMs = Math.min(1_000, Math.max(10, Math.floor(responseTimeoutMs / 10)));
  const sweeper = setInterval(() => tracker.expire(Date.now()), sweepMs);
  sweeper.unref();

  connection.start();

  let closed: Promise<void> | null = null;
  return {
    name: options.name,
    async submit(message: OutboundMessage): Promise<SubmitResult> {
      const result = await submitter.submit(message);
      if (idFormats.response === 'text') return result;
      // Each part's id as its match key, the form its receipt's id is given (see deliveryReceiptFromPdu).
      return { ...result, parts: result.parts.map((p) => ({ ...p, carrierMessageId: messageIdKey(p.carrierMessageId, idFormats.response) })) };
    },
    onReceipt(handler: ReceiptHandler): void {
      inbound.onReceipt(handler);
    },
    onReply(handler: ReplyHandler): void {
      inbound.onReply(handler);
    },
    isBound(): boolean {
      return connection.isBound();
    },
    lastFailure(): string | null {
      return connection.isBound() ? null : connection.lastFailure;
    },
    close(): Promise<void> {
      closed ??= (async () => {
        closing.abort();
        slots.close();
        await connection.close(() => tracker.whenDrained());
        clearInterval(sweeper);
        tracker.failAll('SESSION_CLOSED');
        logger.info('smpp bind closed');
      })();
      return closed;
    },
  };
}
