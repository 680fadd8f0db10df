/**
 * Types for the untyped `smpp` package (node-smpp 0.5.x), covering only what Tern uses.
 * The package is CommonJS; Node hands its module.exports to `import smpp from 'smpp'`, hence the default export.
 * Types are namespaced: `smpp.PDU`, `smpp.Session`.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    type CommandName =
      | 'bind_receiver'
      | 'bind_receiver_resp'
      | 'bind_transmitter'
      | 'bind_transmitter_resp'
      | 'bind_transceiver'
      | 'bind_transceiver_resp'
      | 'submit_sm'
      | 'submit_sm_resp'
      | 'deliver_sm'
      | 'deliver_sm_resp'
      | 'enquire_link'
      | 'enquire_link_resp'
      | 'unbind'
      | 'unbind_resp'
      | 'generic_nack'
      | 'query_sm'
      | 'query_sm_resp'
      | 'data_sm'
      | 'data_sm_resp'
      | 'outbind';

    /** A message body as the package decodes it: UDH information elements split out, text decoded per data_coding. */
    interface DecodedMessage {
      /** Each element is one information element: [IEI, length, ...data]. */
      udh?: Buffer[];
      message: string | Buffer;
    }

    /** What may be given when building a PDU: raw octets (sent as they are), text, or text with a UDH to prepend. */
    type OutgoingMessage = Buffer | string | { udh?: Buffer; message: string | Buffer };

    /** Mandatory parameters and TLVs Tern reads or writes; all optional since each command has a different set. */
    interface PduFields {
      command_status?: number;
      sequence_number?: number;
      system_id?: string;
      password?: string;
      system_type?: string;
      interface_version?: number;
      addr_ton?: number;
      addr_npi?: number;
      address_range?: string;
      service_type?: string;
      source_addr_ton?: number;
      source_addr_npi?: number;
      source_addr?: string;
      dest_addr_ton?: number;
      dest_addr_npi?: number;
      destination_addr?: string;
      esm_class?: number;
      protocol_id?: number;
      priority_flag?: number;
      registered_delivery?: number;
      replace_if_present_flag?: number;
      data_coding?: number | null;
      sm_default_msg_id?: number;
      short_message?: OutgoingMessage | DecodedMessage;
      message_payload?: OutgoingMessage | DecodedMessage;
      message_id?: string;
      receipted_message_id?: string;
      message_state?: number;
      network_error_code?: Buffer;
      sar_msg_ref_num?: number;
      sar_total_segments?: number;
      sar_segment_seqnum?: number;
      /** Written as SMPP time text; read back as the Date it stands for (a relative one counted from now). */
      validity_period?: string | Date;
    }

    // The class gets the fields by declaration merging, so they are listed once, in PduFields. Merging is safe
    // here: this describes a JavaScript class whose instances do carry these fields.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
    interface PDU extends Omit<PduFields, 'command_status' | 'sequence_number'> {}
    // eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
    class PDU {
      constructor(command: CommandName, options?: PduFields);
      constructor(buffer: Buffer);
      command: CommandName | 'unknown';
      command_id: number;
      command_length: number;
      command_status: number;
      sequence_number: number;
      isResponse(): boolean;
      /** The matching `*_resp` (or generic_nack for unknown commands) carrying this PDU's sequence number. */
      response(options?: PduFields): PDU;
      toBuffer(): Buffer;
      static fromBuffer(buffer: Buffer): PDU | false;
      static maxLength: number;
    }

    type PduListener = (pdu: PDU) => void;
    /** Events a session emits: each command it receives (requests and responses), plus `pdu`, `send` and `unknown`. */
    type RequestEvent = 'pdu' | 'send' | 'unknown' | Exclude<CommandName, `${string}_resp` | 'query_sm' | 'data_sm' | 'outbind'> | 'submit_sm_resp' | 'deliver_sm_resp' | 'enquire_link_resp' | 'unbind_resp';

    interface ConnectOptions {
      host?: string;
      port?: number;
      url?: string;
      tls?: boolean;
      /** With `tls`, passed to tls.connect: certificates to trust, and the name to check the server's against. */
      ca?: string;
      servername?: string;
      /** When set, the package sends enquire_link on this period by itself. */
      auto_enquire_link_period?: number;
    }

    class Session extends EventEmitter {
      socket: Socket;
      sequence: number;
      paused: boolean;
      server?: Server;
      /**
       * Writes the PDU, numbering requests that have no sequence_number yet. Returns false (and sends nothing)
       * when the socket is no longer writable. `responseCallback` runs on the matching response.
       */
      send(pdu: PDU, responseCallback?: PduListener, sendCallback?: PduListener): boolean;
      pause(): void;
      resume(): void;
      /** Ends the socket gracefully; `callback` runs on 'close'. */
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      on(event: RequestEvent, listener: PduListener): this;
      on(event: 'connect' | 'secureConnect' | 'close', listener: () => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
      once(event: RequestEvent, listener: PduListener): this;
      once(event: 'connect' | 'secureConnect' | 'close', listener: () => void): this;
      once(event: 'error', listener: (error: Error) => void): this;
    }

    /** A net.Server that wraps each accepted socket in a Session and emits it as 'session'. */
    class Server extends NetServer {
      sessions: Session[];
    }

    interface TextCodec {
      match(value: string): boolean;
      encode(value: string): Buffer;
      decode(value: Buffer): string;
    }

    interface GsmTable {
      /** Character → septet of the basic table. */
      charListEnc: Record<string, number>;
      /** Extension character → the basic-table character whose septet follows the escape (0x1B). */
      extCharListEnc: Record<string, string>;
    }

    const gsmCoder: {
      /** 0x00 is the GSM 03.38 default table; 0x01-0x03 are the Turkish, Spanish and Portuguese shift tables. */
      getCoder(table: number): GsmTable;
      encode(text: string, table?: number): Buffer;
      decode(octets: Buffer, table?: number): string;
      detect(text: string): number | undefined;
    };

    const encodings: {
      ASCII: TextCodec;
      LATIN1: TextCodec;
      UCS2: TextCodec;
      detect(value: string): 'ASCII' | 'LATIN1' | 'UCS2' | false;
      default: string;
    };

    const errors: Record<string, number> & {
      ESME_ROK: number;
      ESME_RINVMSGLEN: number;
      ESME_RINVCMDID: number;
      ESME_RINVBNDSTS: number;
      ESME_RALYBND: number;
      ESME_RSYSERR: number;
      ESME_RINVSRCADR: number;
      ESME_RINVDSTADR: number;
      ESME_RBINDFAIL: number;
      ESME_RINVPASWD: number;
      ESME_RINVSYSID: number;
      ESME_RMSGQFUL: number;
      ESME_RTHROTTLED: number;
      ESME_RX_T_APPN: number;
      ESME_RX_P_APPN: number;
      ESME_RX_R_APPN: number;
      ESME_RUNKNOWNERR: number;
    };

    const consts: {
      REGISTERED_DELIVERY: Record<'FINAL' | 'FAILURE' | 'SUCCESS' | 'DELIVERY_ACKNOWLEDGEMENT' | 'USER_ACKNOWLEDGEMENT' | 'INTERMEDIATE', number>;
      ESM_CLASS: Record<
        | 'DATAGRAM'
        | 'FORWARD'
        | 'STORE_FORWARD'
        | 'MC_DELIVERY_RECEIPT'
        | 'DELIVERY_ACKNOWLEDGEMENT'
        | 'USER_ACKNOWLEDGEMENT'
        | 'CONVERSATION_ABORT'
        | 'INTERMEDIATE_DELIVERY'
        | 'UDH_INDICATOR'
        | 'KANNEL_UDH_INDICATOR'
        | 'SET_REPLY_PATH',
        number
      >;
      MESSAGE_STATE: Record<
        'SCHEDULED' | 'ENROUTE' | 'DELIVERED' | 'EXPIRED' | 'DELETED' | 'UNDELIVERABLE' | 'ACCEPTED' | 'UNKNOWN' | 'REJECTED' | 'SKIPPED',
        number
      >;
      TON: Record<'UNKNOWN' | 'INTERNATIONAL' | 'NATIONAL' | 'NETWORK_SPECIFIC' | 'SUBSCRIBER_NUMBER' | 'ALPHANUMERIC' | 'ABBREVIATED', number>;
      NPI: Record<'UNKNOWN' | 'ISDN' | 'DATA' | 'TELEX' | 'LAND_MOBILE' | 'NATIONAL' | 'PRIVATE' | 'ERMES' | 'INTERNET' | 'IP' | 'WAP', number>;
      ENCODING: Record<'SMSC_DEFAULT' | 'ASCII' | 'IA5' | 'LATIN1' | 'ISO_8859_1' | 'BINARY' | 'UCS2', number> & Record<string, number>;
    };

    function connect(options: ConnectOptions, listener?: () => void): Session;
    function connect(url: string, listener?: () => void): Session;
    function createServer(listener?: (session: Session) => void): Server;
    function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
  }

  export default smpp;
}
