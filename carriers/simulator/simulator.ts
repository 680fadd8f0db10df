import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import smpp from 'smpp';
import { messageStateByStat, formatDeliveryReceipt } from '../smpp/receipt.ts';
import { pduText } from '../smpp/pdu-text.ts';
import { NPI_ISDN, TON_INTERNATIONAL } from '../smpp/addressing.ts';
import { concatInfo } from '../smpp/concatenation.ts';
import { MessageAssembler, type ReceivedMessage } from './assembler.ts';
import { DeliveryQueue, type DeliveryJob, type DeliveryRetryOptions } from './delivery-queue.ts';
import { messageIdGenerator } from './message-ids.ts';
import { compileOutcomeRules, outcomes, receiptForOutcome, type Outcome, type OutcomeRule } from './outcomes.ts';
import { RateWindow } from './rate-window.ts';
import { replyPdus, type SimulatedReply } from './reply-pdus.ts';
import { RingBuffer } from './ring-buffer.ts';

export type { ReceivedMessage, ReceivedPart } from './assembler.ts';
export type { SimulatedReply } from './reply-pdus.ts';
export { defaultOutcomeRules, type Outcome, type OutcomeRule } from './outcomes.ts';

const { errors } = smpp;
const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

export interface SimulatorAccount {
  systemId: string;
  password: string;
}

export interface SimulatorOptions {
  /** 0 (the default) picks a free port; `simulator.port` tells which. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default one account, tern/tern. */
  accounts?: SimulatorAccount[];
  /** Delay between submit_sm_resp and the delivery receipt. Default 100; 0 sends it at once. */
  receiptDelayMs?: number;
  /** Checked in order before `defaultOutcomeRules`. */
  rules?: OutcomeRule[];
  /** Per session; submit_sm beyond it in the same second get ESME_RTHROTTLED. */
  maxSubmitsPerSecond?: number;
  /** Per session; a submit_sm arriving while this many are unanswered gets ESME_RMSGQFUL. */
  window?: number;
  /** Holds each submit_sm_resp this long, so that a client's window actually fills. Default 0. */
  submitResponseDelayMs?: number;
  /** Retries of refused or unanswered deliver_sm. Default 5 attempts, 500 → 10 000 ms. */
  deliveryRetry?: Partial<DeliveryRetryOptions>;
  /** How long the client has to answer a deliver_sm. Default 5 000. */
  deliveryAckTimeoutMs?: number;
  /** How many received messages `received()` keeps. Default 1 000. */
  receivedCapacity?: number;
  /**
   * How it writes message ids: `same` (the default) gives the same hex id in the submit_sm_resp, the receipt's
   * text and `receipted_message_id`; `hex-then-decimal` answers in upper-case hex with leading zeros and writes the
   * receipt's `id:` in decimal without the TLV, as some SMSCs do.
   */
  messageIds?: 'same' | 'hex-then-decimal';
  /** What receipts and replies travel as: `deliver_sm` (the default) or `data_sm`, as some SMSCs send them. */
  inboundAs?: 'deliver_sm' | 'data_sm';
  /** SMPP over TLS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
  logger?: Logger;
}

export interface SimulatorStats {
  binds: number;
  bindFailures: number;
  unbinds: number;
  /** Every submit_sm received, whatever the answer. */
  submits: number;
  /** submit_sm answered ESME_ROK. */
  parts: number;
  /** Complete messages (concatenated parts joined) now in `received()`. */
  messages: number;
  throttled: number;
  windowViolations: number;
  /** Most submit_sm of one session received and not yet answered at the same time. */
  maxInFlight: number;
  /** Per part that passed throttling and window checks. */
  outcomes: Record<Outcome, number>;
  receiptsSent: number;
  receiptsAcked: number;
  receiptsRetried: number;
  receiptsDropped: number;
  /** Receipts waiting for a session of their account to bind. */
  receiptsQueued: number;
  repliesSent: number;
  repliesAcked: number;
  /** Refusing deliver_sm_resp that came without their body (strict SMSCs cannot parse them). */
  bodilessResponses: number;
  enquireLinks: number;
}

/** A bound session as the SMSC sees it. */
export interface BoundSession {
  systemId: string;
  mode: BindMode;
  systemType: string;
  addressRange: string;
}

export interface Simulator {
  readonly host: string;
  readonly port: number;
  /**
   * Sends a mobile-originated deliver_sm (one per part, one part after another, for a concatenated reply),
   * waiting while no session of the account can receive; resolves true once a client acknowledged every one,
   * false when the simulator gave up on one (retries exhausted, or closed).
   */
  sendReply(reply: SimulatedReply): Promise<boolean>;
  stats(): SimulatorStats;
  /** The sessions bound now. */
  sessions(): BoundSession[];
  received(): ReceivedMessage[];
  /** Sends unbind to every bound session and closes each once it answers, like an SMSC going into maintenance. */
  unbindSessions(): Promise<void>;
  /** Drops every session and stops listening, like an SMSC going down; receipts due meanwhile wait. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export type BindMode = 'transmitter' | 'receiver' | 'transceiver';

interface SessionState {
  session: smpp.Session;
  systemId: string | null;
  mode: BindMode | null;
  /** system_type and address_range of its bind. */
  bindFields: { systemType: string; addressRange: string };
  /** submit_sm received and not yet answered. */
  inFlight: number;
  rate: RateWindow | null;
  /** Held submit_sm_resp (submitResponseDelayMs), dropped with the session. */
  heldResponses: Set<NodeJS.Timeout>;
  closed: boolean;
}

/** An SMPP 3.4 SMSC on a real TCP port, for tests and the dev stack. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const accounts = options.accounts ?? [{ systemId: 'tern', password: 'tern' }];
  const [firstAccount] = accounts;
  if (!firstAccount) throw new Error('The simulator needs at least one account');
  const defaultSystemId = firstAccount.systemId;
  const receiptDelayMs = options.receiptDelayMs ?? 100;
  const submitResponseDelayMs = options.submitResponseDelayMs ?? 0;
  const logger = options.logger ?? pino({ enabled: false });
  const outcomeFor = compileOutcomeRules(options.rules);
  const nextMessageId = messageIdGenerator();
  const hexThenDecimal = options.messageIds === 'hex-then-decimal';
  const assembler = new MessageAssembler();
  const receivedMessages = new RingBuffer<ReceivedMessage>(options.receivedCapacity ?? 1_000);
  const states = new Map<smpp.Session, SessionState>();
  const counters: Omit<SimulatorStats, 'outcomes' | 'receiptsQueued'> = {
    binds: 0,
    bindFailures: 0,
    unbinds: 0,
    submits: 0,
    parts: 0,
    messages: 0,
    throttled: 0,
    windowViolations: 0,
    maxInFlight: 0,
    receiptsSent: 0,
    receiptsAcked: 0,
    receiptsRetried: 0,
    receiptsDropped: 0,
    repliesSent: 0,
    repliesAcked: 0,
    bodilessResponses: 0,
    enquireLinks: 0,
  };
  const outcomeCounts = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;

  const deliveries = new DeliveryQueue({
    retry: { maxAttempts: 5, minMs: 500, maxMs: 10_000, ...options.deliveryRetry },
    ackTimeoutMs: options.deliveryAckTimeoutMs ?? 5_000,
    ...(options.inboundAs ? { command: options.inboundAs } : {}),
    pickSession: (systemId) => {
      for (const state of states.values()) {
        if (state.systemId === systemId && state.mode && state.mode !== 'transmitter' && !state.closed) return state.session;
      }
      return null;
    },
    events: {
      sent: (job) => (job.kind === 'receipt' ? counters.receiptsSent++ : counters.repliesSent++),
      acked: (job) => (job.kind === 'receipt' ? counters.receiptsAcked++ : counters.repliesAcked++),
      failed: (job) => {
        if (job.kind === 'receipt') counters.receiptsRetried++;
      },
      dropped: (job) => {
        if (job.kind === 'receipt') counters.receiptsDropped++;
        logger.warn({ systemId: job.systemId, kind: job.kind }, 'smsc gave up delivering');
      },
      bodiless: (job) => {
        counters.bodilessResponses++;
        logger.warn({ systemId: job.systemId, kind: job.kind }, 'smsc got a deliver_sm_resp without its body');
      },
    },
  });

  function onSession(session: smpp.Session): void {
    const state: SessionState = {
      session,
      systemId: null,
      mode: null,
      bindFields: { systemType: '', addressRange: '' },
      inFlight: 0,
      rate: null,
      heldResponses: new Set(),
      closed: false,
    };
    states.set(session, state);
    session.socket.setNoDelay(true);
    session.on('error', (error) => logger.debug({ err: error }, 'smsc session error'));
    session.on('close', () => {
      state.closed = true;
      for (const timer of state.heldResponses) clearTimeout(timer);
      state.heldResponses.clear();
      states.delete(session);
      deliveries.sessionClosed(session);
    });
    session.on('pdu', (pdu) => onPdu(state, pdu));
  }

  function onPdu(state: SessionState, pdu: smpp.PDU): void {
    const { session } = state;
    switch (pdu.command) {
      case 'bind_transceiver':
        return onBind(state, pdu, 'transceiver');
      case 'bind_transmitter':
        return onBind(state, pdu, 'transmitter');
      case 'bind_receiver':
        return onBind(state, pdu, 'receiver');
      case 'submit_sm':
        return onSubmit(state, pdu);
      case 'enquire_link':
        counters.enquireLinks++;
        session.send(pdu.response());
        return;
      case 'unbind':
        counters.unbinds++;
        state.mode = null;
        session.send(pdu.response(), () => session.close());
        return;
      default:
        if (!pdu.isResponse()) {
          const status = state.mode ? errors.ESME_RINVCMDID : errors.ESME_RINVBNDSTS;
          session.send(new smpp.PDU('generic_nack', { command_status: status, sequence_number: pdu.sequence_number }));
        }
    }
  }

  function onBind(state: SessionState, pdu: smpp.PDU, mode: BindMode): void {
    const { session } = state;
    if (state.mode) {
      session.send(pdu.response({ command_status: errors.ESME_RALYBND }));
      return;
    }
    const account = accounts.find((a) => a.systemId === pdu.system_id);
    if (!account || account.password !== pdu.password) {
      counters.bindFailures++;
      logger.info({ systemId: pdu.system_id }, 'smsc bind refused');
      session.send(pdu.response({ command_status: errors.ESME_RBINDFAIL }), () => session.close());
      return;
    }
    state.systemId = account.systemId;
    state.mode = mode;
    state.bindFields = { systemType: pdu.system_type ?? '', addressRange: pdu.address_range ?? '' };
    state.rate = options.maxSubmitsPerSecond ? new RateWindow(options.maxSubmitsPerSecond) : null;
    counters.binds++;
    logger.info({ systemId: account.systemId, mode }, 'smsc bound');
    session.send(pdu.response({ system_id: 'TernSMSC' }));
    if (mode !== 'transmitter') deliveries.accountReachable(account.systemId);
  }

  function onSubmit(state: SessionState, pdu: smpp.PDU): void {
    counters.submits++;
    const { session, systemId } = state;
    if (!systemId || (state.mode !== 'transmitter' && state.mode !== 'transceiver')) {
      session.send(pdu.response({ command_status: errors.ESME_RINVBNDSTS }));
      return;
    }
    if (state.rate && !state.rate.take()) {
      counters.throttled++;
      session.send(pdu.response({ command_status: errors.ESME_RTHROTTLED }));
      return;
    }
    if (options.window && state.inFlight >= options.window) {
      counters.windowViolations++;
      session.send(pdu.response({ command_status: errors.ESME_RMSGQFUL }));
      return;
    }
    state.inFlight++;
    if (state.inFlight > counters.maxInFlight) counters.maxInFlight = state.inFlight;
    const to = pdu.destination_addr ?? '';
    const outcome = outcomeFor(to.replace(/^\+/, ''));
    outcomeCounts[outcome]++;
    if (outcome === 'submit-error') {
      answer(state, pdu.response({ command_status: errors.ESME_RINVDSTADR }));
      return;
    }
    if (outcome === 'no-answer') {
      state.inFlight--;
      counters.parts++;
      record(systemId, pdu, nextMessageId(), textAsSent(pdu));
      return;
    }
    const messageId = nextMessageId();
    const submittedAt = new Date();
    answer(state, pdu.response({ message_id: hexThenDecimal ? `00${messageId.toUpperCase()}` : messageId }), () => {
      const text = textAsSent(pdu);
      counters.parts++;
      record(systemId, pdu, messageId, text);
      if (wantsReceipt(pdu.registered_delivery ?? 0, outcome)) {
        deliveries.enqueue(receiptJob(systemId, pdu, messageId, submittedAt, text, outcome), receiptDelayMs);
      }
    });
  }

  /**
   * Sends the submit_sm_resp now or after `submitResponseDelayMs`. `accepted` runs right after it is written, so
   * a receipt never overtakes its response, and a part whose session closed before the answer was never accepted.
   */
  function answer(state: SessionState, response: smpp.PDU, accepted?: () => void): void {
    const send = () => {
      state.inFlight--;
      if (state.closed) return;
      state.session.send(response);
      accepted?.();
    };
    if (submitResponseDelayMs <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      state.heldResponses.delete(timer);
      send();
    }, submitResponseDelayMs);
    state.heldResponses.add(timer);
  }

  function record(systemId: string, pdu: smpp.PDU, messageId: string, text: string): void {
    const message = assembler.add({
      systemId,
      from: pdu.source_addr ?? '',
      to: pdu.destination_addr ?? '',
      text,
      dataCoding: pdu.data_coding ?? 0,
      concat: concatInfo(pdu),
      part: {
        messageId,
        esmClass: pdu.esm_class ?? 0,
        registeredDelivery: pdu.registered_delivery ?? 0,
        dataCoding: pdu.data_coding ?? 0,
        sourceTon: pdu.source_addr_ton ?? 0,
        sourceNpi: pdu.source_addr_npi ?? 0,
        destTon: pdu.dest_addr_ton ?? 0,
        destNpi: pdu.dest_addr_npi ?? 0,
        validUntil: pdu.validity_period instanceof Date ? pdu.validity_period : null,
        payload: pdu.message_payload !== undefined,
      },
    });
    if (message) {
      counters.messages++;
      receivedMessages.push(message);
    }
  }

  function receiptJob(
    systemId: string,
    submit: smpp.PDU,
    messageId: string,
    submittedAt: Date,
    text: string,
    outcome: Exclude<Outcome, 'submit-error' | 'no-answer'>,
  ): DeliveryJob {
    const { stat, err } = receiptForOutcome[outcome === 'no-receipt' ? 'delivered' : outcome];
    const receiptText = formatDeliveryReceipt({
      id: hexThenDecimal ? BigInt(`0x${messageId}`).toString(10) : messageId,
      submitDate: submittedAt,
      doneDate: new Date(),
      stat,
      err,
      text: gsmSafe(text.slice(0, 20)),
    });
    return {
      systemId,
      kind: 'receipt',
      attempts: 0,
      fields: {
        // A receipt travels back: from the handset to the original sender.
        source_addr_ton: submit.dest_addr_ton ?? TON_INTERNATIONAL,
        source_addr_npi: submit.dest_addr_npi ?? NPI_ISDN,
        source_addr: submit.destination_addr ?? '',
        dest_addr_ton: submit.source_addr_ton ?? 0,
        dest_addr_npi: submit.source_addr_npi ?? 0,
        destination_addr: submit.source_addr ?? '',
        esm_class: ESM_CLASS_DELIVERY_RECEIPT,
        data_coding: 0,
        short_message: receiptText,
        ...(hexThenDecimal ? {} : { receipted_message_id: messageId }),
        message_state: messageStateByStat[stat],
      },
    };
  }

  async function sendReply(reply: SimulatedReply): Promise<boolean> {
    const systemId = reply.systemId ?? defaultSystemId;
    for (const fields of replyPdus(reply)) {
      const acked = await new Promise<boolean>((settle) => deliveries.enqueue({ systemId, kind: 'reply', fields, attempts: 0, settle }, 0));
      if (!acked) return false;
    }
    return true;
  }

  async function unbindSessions(): Promise<void> {
    const bound = [...states.values()].filter((state) => state.mode && !state.closed);
    await Promise.all(
      bound.map(
        (state) =>
          new Promise<void>((resolve) => {
            state.mode = null;
            state.session.once('close', () => resolve());
            const sent = state.session.send(new smpp.PDU('unbind'), () => state.session.close());
            if (!sent) state.session.destroy();
          }),
      ),
    );
  }

  let server: smpp.Server | null = null;
  let port = options.port ?? 0;

  async function start(): Promise<void> {
    if (server) return;
    const listening = options.tls ? smpp.createServer({ key: options.tls.key, cert: options.tls.cert }, onSession) : smpp.createServer(onSession);
    listening.listen(port, host);
    await Promise.race([once(listening, 'listening'), once(listening, 'error').then(([error]) => Promise.reject(error))]);
    listening.on('error', (error) => logger.error({ err: error }, 'smsc server error'));
    server = listening;
    port = (listening.address() as AddressInfo).port;
    logger.info({ host, port }, 'smsc listening');
  }

  async function stop(): Promise<void> {
    const stopping = server;
    if (!stopping) return;
    server = null;
    const closed = new Promise<void>((resolve) => stopping.close(() => resolve()));
    for (const state of [...states.values()]) state.session.destroy();
    await closed;
    logger.info({ host, port }, 'smsc stopped');
  }

  await start();

  return {
    host,
    get port() {
      return port;
    },
    sendReply,
    stats: () => ({ ...counters, outcomes: { ...outcomeCounts }, receiptsQueued: deliveries.parkedCount }),
    sessions: () =>
      [...states.values()].flatMap((s) => (s.systemId && s.mode && !s.closed ? [{ systemId: s.systemId, mode: s.mode, ...s.bindFields }] : [])),
    received: () => receivedMessages.toArray(),
    unbindSessions,
    stop,
    start,
    async close() {
      await stop();
      deliveries.close();
    },
  };
}

/**
 * The text of a submit_sm as its sender meant it. The package decodes data_coding 0x01 (IA5, i.e. ASCII) with the
 * GSM 03.38 table; encoding that back with the same table gives the octets sent, which are ASCII.
 */
function textAsSent(pdu: smpp.PDU): string {
  const text = pduText(pdu);
  return pdu.data_coding === 0x01 ? smpp.gsmCoder.encode(text, 0).toString('latin1') : text;
}

/** registered_delivery bits 0-1: 1 any final state, 2 failures only, 3 successes only (SMPP 5.0, honoured anyway). */
function wantsReceipt(registeredDelivery: number, outcome: Outcome): boolean {
  if (outcome === 'no-receipt' || outcome === 'submit-error' || outcome === 'no-answer') return false;
  switch (registeredDelivery & 0x03) {
    case 1:
      return true;
    case 2:
      return outcome !== 'delivered';
    case 3:
      return outcome === 'delivered';
    default:
      return false;
  }
}

/** The receipt goes out in the GSM alphabet; the package's encoder garbles characters outside it, so they become `?`. */
function gsmSafe(text: string): string {
  if (smpp.encodings.ASCII.match(text)) return text;
  let safe = '';
  for (const ch of text) safe += smpp.encodings.ASCII.match(ch) ? ch : '?';
  return safe;
}
