import { z } from '@hono/zod-openapi';
import { bindModes, concatenationStyles, defaultDataCodings, maxValidityMinutes, numberingPlans } from '../../domain/smpp-settings.ts';

const literals = <T extends number>(values: readonly T[]) => z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<T>, z.ZodLiteral<T>]);

const TonNpi = z
  .object({
    ton: z.number().int().min(0).max(6).openapi({ description: 'Type of number: 0 unknown, 1 international, 2 national, 3 network specific, 4 subscriber, 5 alphanumeric, 6 abbreviated.' }),
    npi: literals(numberingPlans).openapi({ description: 'Numbering plan: 0 unknown, 1 ISDN (E.164), 3 data, 4 telex, 6 land mobile, 8 national, 9 private, 10 ERMES, 14 internet, 18 WAP.' }),
  })
  .strict();

const AddressRules = z
  .object({
    alphanumericSource: TonNpi.optional().openapi({ description: 'A sender name. Detected: 5/0.' }),
    nationalSource: TonNpi.optional().openapi({ description: 'A short code or mainland service number (106…). Detected: 0/1.' }),
    internationalSource: TonNpi.optional().openapi({ description: 'A full international sender number. Detected: 1/1.' }),
    destination: TonNpi.optional().openapi({ description: 'The recipient (E.164 digits without +). Detected: 1/1.' }),
  })
  .strict()
  .openapi({ description: 'TON/NPI per kind of address where the carrier wants other values than those detected.' });

const pemCertificates = /^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/;

const Tls = z
  .object({
    caPem: z
      .string()
      .max(65_536)
      .regex(pemCertificates, 'PEM certificates (-----BEGIN CERTIFICATE----- …)')
      .optional()
      .openapi({ description: 'Certificates to trust besides the system’s: the carrier’s CA or its self-signed certificate.' }),
    serverName: z
      .string()
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/, 'a host name')
      .optional()
      .openapi({ description: 'The name the server’s certificate must carry, when it is not the host.' }),
  })
  .strict();

const fields = {
  bindMode: z.enum(bindModes).openapi({ description: '`transceiver`: one session both ways (default). `transmitter-receiver`: a transmitter for submits and a receiver for receipts and replies, per bind.' }),
  systemType: z
    .string()
    .regex(/^[\x21-\x7e]{0,12}$/, 'at most 12 visible ASCII characters')
    .openapi({ description: 'system_type in the bind, when the carrier assigns one. Default empty.' }),
  addressRange: z
    .string()
    .regex(/^[\x21-\x7e]{0,40}$/, 'at most 40 visible ASCII characters')
    .openapi({ description: 'address_range in the bind (the MO numbers the session receives), when the carrier asks. Default empty.' }),
  addresses: AddressRules,
  defaultDataCoding: literals(defaultDataCodings).openapi({
    description: 'data_coding of GSM-alphabet text: 0 the SMSC default alphabet (GSM 03.38, default), 1 IA5/ASCII, 3 Latin-1; characters that coding lacks go as `?`. UCS-2 text is always 8.',
  }),
  concatenation: z.enum(concatenationStyles).openapi({
    description: 'Long messages: `udh` an 8-bit reference in a user data header (default), `sar` the SAR TLVs (16-bit reference), `payload` the whole text in one submit_sm’s message_payload for the SMSC to split.',
  }),
  validityMinutes: z
    .number()
    .int()
    .min(1)
    .max(maxValidityMinutes)
    .nullable()
    .openapi({ description: 'validity_period (relative): how long the SMSC keeps trying. null (default): the SMSC’s own.' }),
  enquireLinkSeconds: z.number().int().min(5).max(3600).openapi({ description: 'Period of our enquire_link. Default 30.' }),
  responseTimeoutSeconds: z.number().int().min(1).max(120).openapi({ description: 'How long the SMSC has to answer a bind, submit_sm or enquire_link. Default 10.' }),
  tls: Tls.nullable().openapi({ description: 'SMPP over TLS when set (`{}` trusts the system’s CAs). Default null: plain TCP.' }),
};

export const SmppSettingsInput = z
  .object(fields)
  .partial()
  .strict()
  .openapi('SmppSettingsInput', { description: 'The carrier’s SMPP settings where they differ from the defaults; given on a change, it replaces the stored settings whole.' });

export const SmppSettingsView = z.object(fields).openapi('SmppSettings');
