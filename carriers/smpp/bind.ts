import { setMaxListeners } from 'node:events';
import type smpp from 'smpp';
import { pino, type Logger } from 'pino';
import type { CarrierBind, OutboundMessage, ReceiptHandler, ReplyHandler, SubmitResult } from '../carrier.ts';
import type { BackoffPolicy } from '../../domain/backoff.ts';
import { messageIdKey, textIds, type CarrierIdFormats } from '../../domain/carrier-message-ids.ts';
import { SmppConnection, type BindCommand, type ConnectionListener } from './connection.ts';
import { defaultSmppSettings, relativeValidity, type BindMode, type SmppSettings, type TlsSettings } from '../../domain/smpp-settings.ts';
import { InboundDispatcher } from './inbound.ts';
import { ResponseTracker } from './response-tracker.ts';
import { SlotPool } from './slot-pool.ts';
import { Submitter, type PduFormat, type ThrottleOptions } from './submitter.ts';
import { createPacer } from './pacer.ts';

export interface SmppBindOptions {
  /** The carrier's name in logs and in `CarrierBind.name`. */
  name: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** One transceiver session (the default), or a transmitter for submits beside a receiver for receipts and replies. */
  bindMode?: BindMode;
  addressRange?: string;
  /** SMPP over TLS when set. */
  tls?: TlsSettings | null;
  /** Addressing, data coding, concatenation and validity of the submit_sm (default: detected TON/NPI, 0x00, UDH, none). */
  format?: PduFormat;
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

/** How a carrier's settings have its submit_sm written. */
function pduFormat(settings: SmppSettings): PduFormat {
  return {
    addresses: settings.addresses,
    textCoding: settings.defaultDataCoding,
    concatenation: settings.concatenation,
    validityPeriod: settings.validityMinutes === null ? null : relativeValidity(settings.validityMinutes),
  };
}

/** The bind options a carrier's stored SMPP settings make. */
export function smppSettingsOptions(
  settings: SmppSettings,
): Required<Pick<SmppBindOptions, 'bindMode' | 'systemType' | 'addressRange' | 'tls' | 'enquireLinkMs' | 'responseTimeoutMs' | 'format'>> {
  return {
    bindMode: settings.bindMode,
    systemType: settings.systemType,
    addressRange: settings.addressRange,
    tls: settings.tls,
    enquireLinkMs: settings.enquireLinkSeconds * 1000,
    responseTimeoutMs: settings.responseTimeoutSeconds * 1000,
    format: pduFormat(settings),
  };
}

/** What a carrier's settings say by default, and the bind's own defaults beside them. */
export const smppBindDefaults = {
  ...smppSettingsOptions(defaultSmppSettings),
  window: 50,
  bindWaitMs: 5_000,
  reconnect: { minMs: 250, maxMs: 10_000 },
  credentialsRefused: { minMs: 60_000, maxMs: 900_000 },
  throttle: { minMs: 200, maxMs: 5_000, maxRetries: 10 },
} as const;

/**
 * A CarrierBind over one SMPP 3.4 transceiver session, or a transmitter and a receiver session. It connects at once
 * and keeps reconnecting until `close()`; submits wait (up to `bindWaitMs`) for the session rather than failing
 * during a short outage.
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

  const pair = (options.bindMode ?? d.bindMode) === 'transmitter-receiver';
  const connect = (bindCommand: BindCommand, listener: ConnectionListener) =>
    new SmppConnection(
      {
        host: options.host,
        port: options.port,
        bindCommand,
        systemId: options.systemId,
        password: options.password,
        systemType: options.systemType ?? d.systemType,
        addressRange: options.addressRange ?? d.addressRange,
        tls: options.tls ?? null,
        enquireLinkMs: options.enquireLinkMs ?? d.enquireLinkMs,
        responseTimeoutMs,
        reconnect: { ...d.reconnect, ...options.reconnect },
        credentialsRefused: { ...d.credentialsRefused, ...options.credentialsRefused },
        logger: pair ? logger.child({ session: bindCommand === 'bind_receiver' ? 'receiver' : 'transmitter' }) : logger,
      },
      listener,
    );
  const deliverSm = (session: smpp.Session, pdu: smpp.PDU) => inbound.handle(session, pdu);
  const connection: SmppConnection = connect(pair ? 'bind_transmitter' : 'bind_transceiver', {
    bound: () => slots.setAvailable(true),
    unavailable: () => slots.setAvailable(false),
    sessionClosed: () => tracker.failAll('SESSION_CLOSED'),
    response: (pdu) => tracker.settle(pdu),
    deliverSm,
  });
  // The receiver only takes receipts and replies; the submits' window follows the transmitter alone.
  const ignore = () => undefined;
  const receiver = pair ? connect('bind_receiver', { bound: ignore, unavailable: ignore, sessionClosed: ignore, response: ignore, deliverSm }) : null;
  const idFormats = options.idFormats ?? textIds;
  const inbound = new InboundDispatcher((session, pdu, status) => (receiver ?? connection).respond(session, pdu, status), logger, idFormats);
  const submitter = new Submitter({
    send: (pdu) => connection.send(pdu),
    slots,
    tracker,
    responseTimeoutMs,
    throttle: { ...d.throttle, ...options.throttle },
    signal: closing.signal,
    format: options.format ?? d.format,
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
  receiver?.start();

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
      if (!connection.isBound()) return connection.lastFailure;
      // Submits flow, but receipts and replies wait at the SMSC until the receiver is back: operators see why.
      if (receiver && !receiver.isBound()) return `receiver session not bound${receiver.lastFailure ? ` (${receiver.lastFailure})` : ''}`;
      return null;
    },
    close(): Promise<void> {
      closed ??= (async () => {
        closing.abort();
        slots.close();
        await Promise.all([connection.close(() => tracker.whenDrained()), receiver?.close(() => Promise.resolve())]);
        clearInterval(sweeper);
        tracker.failAll('SESSION_CLOSED');
        logger.info('smpp bind closed');
      })();
      return closed;
    },
  };
}
