import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import smpp from 'smpp';
import { backoffDelay, type BackoffPolicy } from '../../domain/backoff.ts';
import type { TlsSettings } from '../../domain/smpp-settings.ts';
import { commandStatusName, ESME_RBINDFAIL, ESME_RINVBNDSTS, ESME_RINVCMDID, ESME_RINVPASWD, ESME_RINVSYSID, ESME_RINVSYSTYP, ESME_ROK } from './command-status.ts';

const SMPP_3_4 = 0x34;

/** The bind a session makes: both ways, submits only, or receipts and replies only. */
export type BindCommand = 'bind_transceiver' | 'bind_transmitter' | 'bind_receiver';

export interface ConnectionOptions {
  host: string;
  port: number;
  bindCommand: BindCommand;
  systemId: string;
  password: string;
  systemType: string;
  addressRange: string;
  /** SMPP over TLS when set. */
  tls: TlsSettings | null;
  enquireLinkMs: number;
  responseTimeoutMs: number;
  reconnect: BackoffPolicy;
  /** The wait after the SMSC refused the credentials: long, since carriers lock an account after a few wrong binds. */
  credentialsRefused: BackoffPolicy;
  logger: Logger;
}

/** What the connection reports to the bind; all called synchronously from socket events. */
export interface ConnectionListener {
  /** The session is bound: submits may flow. */
  bound(): void;
  /** Submits must stop: the session is unbinding, lost, or closing. Called once per bound session. */
  unavailable(): void;
  /** The socket is gone; requests still waiting for a response will never get one. */
  sessionClosed(): void;
  /** A submit_sm_resp or generic_nack. */
  response(pdu: smpp.PDU): void;
  deliverSm(session: smpp.Session, pdu: smpp.PDU): void;
}

/**
 * A response with an error status and its body still on it: the `smpp` library writes a PDU with a non-zero status
 * header-only, but SMPP 3.4 gives deliver_sm_resp (and data_sm_resp) their body whatever the status, and strict
 * SMSCs cannot parse one without it. The response is encoded as a success, then given its status in the header.
 */
function withStatus(response: smpp.PDU, status: number): smpp.PDU {
  const encode = response.toBuffer.bind(response);
  response.toBuffer = () => {
    const buffer = encode();
    buffer.writeUInt32BE(status, 8);
    return buffer;
  };
  return response;
}

/**
 * One session to an SMSC (transceiver, transmitter or receiver), kept alive: connects, binds, sends enquire_link, answers the peer's
 * enquire_link and unbind, and reconnects with back-off until closed.
 */
export class SmppConnection {
  private session: smpp.Session | null = null;
  private bound = false;
  private closing = false;
  private attempt = 0;
  /** Binds refused for their credentials in a row: each waits `credentialsRefused`, doubling. */
  private refusals = 0;
  /** Set by a refused bind: the next reconnect waits the credentials' back-off instead of the usual one. */
  private refused = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private bindTimer: NodeJS.Timeout | null = null;
  private enquireLinkTimer: NodeJS.Timeout | null = null;
  private enquireLinkDeadline: NodeJS.Timeout | null = null;
  private corkedSocket: Socket | null = null;
  private closeWaiters: (() => void)[] = [];
  private closePromise: Promise<void> | null = null;
  /** Why the last bind attempt failed, for error messages; null once bound. */
  lastFailure: string | null = null;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly listener: ConnectionListener,
  ) {}

  start(): void {
    this.open();
  }

  isBound(): boolean {
    return this.bound;
  }

  /** Sends a request on the bound session; false when there is none (nothing was sent). */
  send(pdu: smpp.PDU): boolean {
    const session = this.session;
    if (!session || !this.bound) return false;
    this.cork(session.socket);
    if (session.send(pdu)) return true;
    // The socket stopped being writable before its 'close' event: treat the session as lost right away.
    this.markUnavailable();
    session.destroy();
    return false;
  }

  /** Answers a request on the session it came from; dropped when that session is gone (the peer resends). */
  respond(session: smpp.Session, request: smpp.PDU, status: number): void {
    if (!session.socket.writable) return;
    this.cork(session.socket);
    session.send(status === ESME_ROK ? request.response() : withStatus(request.response(), status));
  }

  /**
   * Stops reconnecting; when bound, waits for `drain` (outstanding submits) up to the response timeout,
   * unbinds, and resolves once the socket is closed.
   */
  close(drain: () => Promise<void>): Promise<void> {
    this.closePromise ??= this.shutdown(drain);
    return this.closePromise;
  }

  private async shutdown(drain: () => Promise<void>): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const session = this.session;
    if (!session) return;
    const { responseTimeoutMs } = this.options;
    const wasBound = this.bound;
    if (wasBound) {
      await withTimeout(drain(), responseTimeoutMs);
      this.markUnavailable();
      await withTimeout(
        new Promise<void>((resolve) => {
          if (!session.send(new smpp.PDU('unbind'), () => resolve())) resolve();
        }),
        responseTimeoutMs,
      );
    }
    if (this.session !== session) return;
    const closed = new Promise<void>((resolve) => this.closeWaiters.push(resolve));
    if (wasBound && session.socket.writable) {
      session.close();
      const force = setTimeout(() => session.destroy(), responseTimeoutMs);
      await closed;
      clearTimeout(force);
    } else {
      session.destroy();
      await closed;
    }
  }

  private open(): void {
    this.reconnectTimer = null;
    const { host, port, tls, responseTimeoutMs, logger } = this.options;
    const session = smpp.connect(tls ? { host, port, tls: true, ...(tls.caPem ? { ca: tls.caPem } : {}), ...(tls.serverName ? { servername: tls.serverName } : {}) } : { host, port });
    this.session = session;
    session.socket.setNoDelay(true);
    session.on('error', (error) => this.onError(session, error));
    session.on('close', () => this.onClose(session));
    // Over TLS the bind waits for the handshake, so credentials never leave before the server is verified.
    session.on(tls ? 'secureConnect' : 'connect', () => this.sendBind(session));
    session.on('pdu', (pdu) => this.onPdu(session, pdu));
    this.bindTimer = setTimeout(() => {
      this.lastFailure = 'no bind response in time';
      logger.warn({ host, port }, 'smpp bind timed out');
      session.destroy();
    }, responseTimeoutMs);
  }

  private sendBind(session: smpp.Session): void {
    const { bindCommand, systemId, password, systemType, addressRange } = this.options;
    const pdu = new smpp.PDU(bindCommand, {
      system_id: systemId,
      password,
      system_type: systemType,
      interface_version: SMPP_3_4,
      address_range: addressRange,
    });
    session.send(pdu, (response) => this.onBindResponse(session, response));
  }

  private onBindResponse(session: smpp.Session, response: smpp.PDU): void {
    if (session !== this.session) return;
    this.clearBindTimer();
    const { logger, host, port, systemId } = this.options;
    if (response.command_status !== ESME_ROK) {
      this.refused = isCredentialsRefusal(response.command_status);
      this.lastFailure = `bind refused with ${commandStatusName(response.command_status)}`;
      logger.error({ host, port, systemId, status: commandStatusName(response.command_status) }, 'smpp bind refused');
      session.destroy();
      return;
    }
    this.bound = true;
    this.attempt = 0;
    this.refusals = 0;
    this.lastFailure = null;
    logger.info({ host, port, systemId, mode: this.options.bindCommand, smsc: response.system_id }, 'smpp bound');
    this.enquireLinkTimer = setInterval(() => this.enquireLink(session), this.options.enquireLinkMs);
    this.enquireLinkTimer.unref();
    this.listener.bound();
  }

  private onPdu(session: smpp.Session, pdu: smpp.PDU): void {
    if (session !== this.session) return;
    switch (pdu.command) {
      case 'submit_sm_resp':
      case 'generic_nack':
        this.listener.response(pdu);
        return;
      // Receipts and replies come as deliver_sm, or from some SMSCs as data_sm (text in message_payload); both are
      // answered with their own *_resp once stored.
      case 'deliver_sm':
      case 'data_sm':
        if (this.bound) this.listener.deliverSm(session, pdu);
        else this.respond(session, pdu, ESME_RINVBNDSTS);
        return;
      case 'enquire_link':
        this.respond(session, pdu, ESME_ROK);
        return;
      case 'unbind':
        this.onPeerUnbind(session, pdu);
        return;
      default:
        if (!pdu.isResponse() && session.socket.writable) {
          // pdu.response() has no *_resp for some commands (outbind, alert_notification): nack them directly.
          session.send(new smpp.PDU('generic_nack', { command_status: ESME_RINVCMDID, sequence_number: pdu.sequence_number }));
        }
    }
  }

  private onPeerUnbind(session: smpp.Session, pdu: smpp.PDU): void {
    this.options.logger.info({ host: this.options.host, port: this.options.port }, 'smpp peer unbound');
    this.lastFailure = 'unbound by the SMSC';
    this.markUnavailable();
    session.send(pdu.response(), () => session.close());
  }

  private enquireLink(session: smpp.Session): void {
    if (session !== this.session || !this.bound || this.enquireLinkDeadline) return;
    this.enquireLinkDeadline = setTimeout(() => {
      this.enquireLinkDeadline = null;
      this.lastFailure = 'no enquire_link_resp in time';
      this.options.logger.warn({ host: this.options.host, port: this.options.port }, 'smpp link dead, reconnecting');
      session.destroy();
    }, this.options.responseTimeoutMs);
    const sent = session.send(new smpp.PDU('enquire_link'), () => {
      if (this.enquireLinkDeadline) clearTimeout(this.enquireLinkDeadline);
      this.enquireLinkDeadline = null;
    });
    if (!sent) session.destroy();
  }

  private onError(session: smpp.Session, error: Error): void {
    const { logger, host, port } = this.options;
    if (session === this.session) this.lastFailure = error.message;
    // While the SMSC is down every reconnect fails the same way: only the first failure is worth a warning.
    if (this.attempt === 0) logger.warn({ host, port, err: error }, 'smpp connection error');
    else logger.debug({ host, port, err: error }, 'smpp connection error');
    session.destroy();
  }

  private onClose(session: smpp.Session): void {
    if (session !== this.session) return;
    this.session = null;
    this.clearBindTimer();
    if (this.enquireLinkTimer) clearInterval(this.enquireLinkTimer);
    if (this.enquireLinkDeadline) clearTimeout(this.enquireLinkDeadline);
    this.enquireLinkTimer = null;
    this.enquireLinkDeadline = null;
    if (this.bound) {
      this.options.logger.warn({ host: this.options.host, port: this.options.port }, 'smpp session lost');
      if (!this.closing) this.lastFailure ??= 'the connection was closed';
    }
    this.markUnavailable();
    this.listener.sessionClosed();
    if (this.closing) {
      const waiters = this.closeWaiters;
      this.closeWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    const delay = this.refused ? backoffDelay(this.refusals++, this.options.credentialsRefused) : backoffDelay(this.attempt++, this.options.reconnect);
    if (this.refused) {
      this.lastFailure = `${this.lastFailure ?? 'bind refused'}; the next bind in ${Math.round(delay / 1000)} s (carriers lock accounts after repeated wrong binds)`;
    }
    this.refused = false;
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private markUnavailable(): void {
    if (!this.bound) return;
    this.bound = false;
    this.listener.unavailable();
  }

  private clearBindTimer(): void {
    if (this.bindTimer) clearTimeout(this.bindTimer);
    this.bindTimer = null;
  }

  /** Writes made in the same tick leave in one syscall instead of one each. */
  private cork(socket: Socket): void {
    if (this.corkedSocket) return;
    socket.cork();
    this.corkedSocket = socket;
    process.nextTick(this.uncork);
  }

  private readonly uncork = (): void => {
    const socket = this.corkedSocket;
    this.corkedSocket = null;
    socket?.uncork();
  };
}

/** A bind refused for who is binding (system_id, password, system_type), not for a passing state of the SMSC. */
function isCredentialsRefusal(status: number): boolean {
  return status === ESME_RBINDFAIL || status === ESME_RINVPASWD || status === ESME_RINVSYSID || status === ESME_RINVSYSTYP;
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
