import { z } from '@hono/zod-openapi';
import { visibleText } from './common.ts';

export const NumberParams = z.object({
  number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'a number in E.164 form').openapi({ param: { name: 'number', in: 'path' }, example: '+8613800138000' }),
});

export const BlockStatusView = z
  .object({
    number: z.string(),
    blocked: z.boolean(),
    reasons: z.array(
      z.object({
        kind: z.enum(['platform', 'opted_out']),
        source: z.string(),
        reason: z.string(),
        since: z.string(),
        remedy: z.string().openapi({ description: 'What the tenant can do: ask for a platform block to be lifted; an opt-out ends only when the recipient opts back in.' }),
      }),
    ),
  })
  .openapi('BlockStatus');

export const BlocklistImport = z
  .object({
    numbers: z
      .array(z.string().regex(/^\+86\d{5,15}$/, 'a Chinese-mainland number in E.164 (+86…): the blocklist is for the mainland'))
      .min(1)
      .max(20_000),
    source: z.enum(['complaint', 'carrier', 'operator']),
    reason: visibleText(1, 500),
  })
  .strict()
  .openapi('BlocklistImport');

const Country = z.string().regex(/^([A-Z]{2}|\*)$/, 'an ISO 3166 country code such as HK, or *');
const RegionRule = z.object({ prefix: z.string().regex(/^\+\d{1,14}$/, 'a number prefix such as +4479'), action: z.enum(['allow', 'deny']) }).strict();

export const RegionSettingsBody = z
  .object({
    countries: z.array(Country).max(300).openapi({ description: 'Where international SMS may go; the Chinese mainland always may. `*` for every country.' }),
    rules: z.array(RegionRule).max(1000).default([]).openapi({ description: 'By number prefix: deny wins over everything; allow admits a number whatever its country.' }),
    appCountries: z.array(Country).max(300).nullable().optional().openapi({ description: 'Countries for the calling app only, instead of the tenant’s; null to follow the tenant.' }),
  })
  .strict()
  .openapi('RegionSettings');

export const RegionSettingsView = z
  .object({ countries: z.array(z.string()), rules: z.array(RegionRule), appCountries: z.array(z.string()).nullable() })
  .openapi('RegionSettingsView');
