import { z } from '@hono/zod-openapi';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/max';
import { mainlandNetworks } from '../../domain/mainland-networks.ts';
import { messageIdFormats } from '../../domain/carrier-message-ids.ts';
import { visibleText } from './common.ts';
import { SmppSettingsInput, SmppSettingsView } from './smpp-settings.ts';

export const CarrierId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40')
  .openapi({ example: 'cmcc' });

export const CarrierIdParams = z.object({ id: CarrierId.openapi({ param: { name: 'id', in: 'path' } }) });

const CarrierState = z
  .enum(['active', 'draining', 'off'])
  .openapi({ description: 'active: routed to; draining: binds stay up for receipts and replies, no new traffic; off: binds closed.' });

const BindInput = z.object({
  host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.:-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  // SMPP 3.4 limits: system_id 16 octets and password 9, each with its terminating NUL.
  systemId: visibleText(1, 15),
  password: z.string().min(1).max(8).openapi({ description: 'Stored encrypted under the master key; never shown again.' }),
  window: z.number().int().min(1).max(1000).optional().openapi({ description: 'submit_sm in flight at once. Default 50.' }),
  throughput: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .optional()
    .openapi({ description: 'The account’s contracted submit_sm per second; submits are paced to it. Default none.' }),
});

const IdFormat = z.enum(messageIdFormats);
const MessageIds = z
  .object({
    response: IdFormat.openapi({ description: 'Its ids in submit_sm_resp (and receipted_message_id).' }),
    receipt: IdFormat.openapi({ description: 'The `id:` in its receipts’ text.' }),
  })
  .strict()
  .openapi({
    description:
      'How the carrier writes message ids: `text` (matched byte for byte, the default), or a number in `hex` or `decimal` (matched by value: case and leading zeros do not matter).',
  });

export const CarrierInput = z
  .object({
    id: CarrierId,
    name: visibleText(1, 100),
    state: CarrierState.optional(),
    messageIds: MessageIds.optional(),
    smpp: SmppSettingsInput.optional(),
    binds: z.array(BindInput).min(1).max(16),
  })
  .openapi('CarrierInput');

export const CarrierChange = z
  .object({
    name: visibleText(1, 100).optional(),
    state: CarrierState.optional(),
    messageIds: MessageIds.optional(),
    smpp: SmppSettingsInput.optional(),
    binds: z.array(BindInput).min(1).max(16).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'name, state, messageIds, smpp or binds is required')
  .openapi('CarrierChange');

export const CarrierView = z
  .object({
    id: z.string(),
    name: z.string(),
    state: CarrierState,
    messageIds: MessageIds,
    smpp: SmppSettingsView,
    binds: z.array(
      z.object({
        position: z.number().int(),
        host: z.string(),
        port: z.number().int(),
        systemId: z.string(),
        window: z.number().int(),
        throughput: z.number().int().nullable(),
        owner: z
          .object({ worker: z.string(), since: z.string() })
          .nullable()
          .openapi({ description: 'The worker that holds this bind (its lease) and since when; null while no worker does. Only it opens the bind.' }),
        sessions: z
          .array(
            z.object({
              worker: z.string(),
              bound: z.boolean(),
              since: z.string().openapi({ description: 'When the session last became bound or unbound.' }),
              lastFailure: z.string().nullable(),
              reportedAt: z.string(),
            }),
          )
          .openapi({ description: 'Each running worker’s session of this bind, as the workers reported it in the last 90 s.' }),
      }),
    ),
    routes: z.number().int().openapi({ description: 'Routes that name this carrier.' }),
    updatedAt: z.string(),
  })
  .openapi('Carrier');

export const RouteInput = z
  .object({
    country: z.string().regex(/^(\*|[A-Z]{2})$/, 'an ISO 3166 alpha-2 code such as GB, or * for every country but the Chinese mainland'),
    network: z.enum(mainlandNetworks).nullable().optional().openapi({ description: 'Mainland routes: the network (country CN).' }),
    prefix: z.string().regex(/^[1-9]\d{0,14}$/, 'leading digits of the E.164 number, without +').nullable().optional(),
    carrierId: CarrierId,
    priority: z.number().int().min(1).max(1000).default(1).openapi({ description: '1 is tried first.' }),
  })
  .superRefine((route, ctx) => {
    if (route.network && route.country !== 'CN') ctx.addIssue({ code: 'custom', path: ['network'], message: 'a network applies to country CN only' });
    if (route.country !== '*' && !isSupportedCountry(route.country)) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: `${route.country} is not a country with phone numbers` });
    } else if (route.country !== '*' && route.prefix && !route.prefix.startsWith(getCountryCallingCode(route.country))) {
      const code = getCountryCallingCode(route.country);
      ctx.addIssue({ code: 'custom', path: ['prefix'], message: `a prefix for ${route.country} starts with its calling code ${code}` });
    }
  })
  .openapi('RouteInput');

export const RouteView = z
  .object({
    id: z.uuid(),
    country: z.string(),
    network: z.enum(mainlandNetworks).nullable(),
    prefix: z.string().nullable(),
    carrierId: z.string(),
    priority: z.number().int(),
  })
  .openapi('Route');

export const RouteIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const RouteLookup = z
  .object({
    number: z.string(),
    country: z.string().nullable(),
    network: z.enum(mainlandNetworks).nullable(),
    networkSource: z.enum(['prefix', 'ported']).nullable(),
    carriers: z.array(z.object({ id: z.string(), state: CarrierState })).openapi({ description: 'Active carriers to try, in order.' }),
  })
  .openapi('RouteLookup');

export const PortedNumberView = z
  .object({ number: z.string(), network: z.enum(mainlandNetworks), importedAt: z.string() })
  .openapi('PortedNumber');
