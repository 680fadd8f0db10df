/**
 * What a carrier asks of an SMPP client beyond host and credentials: how to bind, how to address, encode and
 * concatenate, how long a message stays valid, how often to probe the link, and whether to speak TLS. Stored per
 * carrier; every field has the default most SMSCs accept, so a carrier states only where it differs.
 */

/** `transceiver`: one session both ways; `transmitter-receiver`: a transmitter for submits and a receiver for receipts and replies. */
export const bindModes = ['transceiver', 'transmitter-receiver'] as const;
export type BindMode = (typeof bindModes)[number];

/**
 * How a message of several parts is tied together: `udh` (an 8-bit reference in a user data header, the common
 * case), `sar` (the SAR TLVs, a 16-bit reference and no header in the text), or `payload` (the whole text in one
 * submit_sm's message_payload, split by the SMSC: one message id for every part).
 */
export const concatenationStyles = ['udh', 'sar', 'payload'] as const;
export type ConcatenationStyle = (typeof concatenationStyles)[number];

/**
 * data_coding for text in the GSM alphabet: 0x00 the SMSC's default alphabet (GSM 03.38, one septet per octet),
 * 0x01 IA5 (ASCII) or 0x03 Latin-1, for SMSCs that convert from those. UCS-2 text is always 0x08.
 */
export const defaultDataCodings = [0, 1, 3] as const;
export type DefaultDataCoding = (typeof defaultDataCodings)[number];

/** The numbering plan indicators SMPP 3.4 defines (§5.2.6). */
export const numberingPlans = [0, 1, 3, 4, 6, 8, 9, 10, 14, 18] as const;
export type NumberingPlan = (typeof numberingPlans)[number];

export interface TonNpi {
  /** Type of number, 0–6. */
  ton: number;
  npi: NumberingPlan;
}

/** The type of number and numbering plan for each kind of address; what is not given is detected (carriers/smpp/addressing.ts). */
export interface AddressRules {
  /** A sender name (`Tern`). Detected: 5/0. */
  alphanumericSource?: TonNpi;
  /** A short code or a mainland service number (106…). Detected: 0/1. */
  nationalSource?: TonNpi;
  /** A full international number. Detected: 1/1. */
  internationalSource?: TonNpi;
  /** The recipient (E.164 digits without `+`). Detected: 1/1. */
  destination?: TonNpi;
}

export interface TlsSettings {
  /** PEM certificates to trust besides the system's (a carrier's own CA or self-signed certificate). */
  caPem?: string;
  /** The name the certificate must carry, when it is not the host. */
  serverName?: string;
}

export interface SmppSettings {
  bindMode: BindMode;
  /** system_type in the bind; empty unless the carrier assigns one. */
  systemType: string;
  /** address_range in the bind (which MO numbers the session receives); empty unless the carrier asks. */
  addressRange: string;
  addresses: AddressRules;
  defaultDataCoding: DefaultDataCoding;
  concatenation: ConcatenationStyle;
  /** How long the SMSC keeps trying to deliver (validity_period, relative); null: the SMSC's default. */
  validityMinutes: number | null;
  /** Period of our enquire_link. */
  enquireLinkSeconds: number;
  /** How long the SMSC has to answer a bind, submit_sm, enquire_link or unbind. */
  responseTimeoutSeconds: number;
  /** SMPP over TLS when set. */
  tls: TlsSettings | null;
}

export const defaultSmppSettings: SmppSettings = {
  bindMode: 'transceiver',
  systemType: '',
  addressRange: '',
  addresses: {},
  defaultDataCoding: 0,
  concatenation: 'udh',
  validityMinutes: null,
  enquireLinkSeconds: 30,
  responseTimeoutSeconds: 10,
  tls: null,
};

/** A carrier's settings with the defaults filled in (stored settings hold only what was given). */
export function smppSettings(given: Partial<SmppSettings> | null | undefined): SmppSettings {
  return { ...defaultSmppSettings, ...given };
}

/**
 * validity_period in SMPP 3.4's relative form, `YYMMDDhhmmss000R`: the SMSC counts from when it takes the message,
 * so our clock and the carrier's need not agree.
 */
export function relativeValidity(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  // Months and years stay zero: days count past 31 would not fit two digits, so the bound is 99 days.
  return `0000${two(days)}${two(hours)}${two(mins)}00000R`;
}

/** The longest validity the relative form holds (99 days, 23 h, 59 min). */
export const maxValidityMinutes = 99 * 1440 + 23 * 60 + 59;
