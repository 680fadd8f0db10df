import { z } from '@hono/zod-openapi';
import { visibleText } from './common.ts';

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const CreateTenantBody = z.object({ name: visibleText(1, 200) }).strict().openapi('CreateTenantRequest');

export const TenantView = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string() }).openapi('Tenant');

export const CreateAppBody = z
  .object({
    name: visibleText(1, 200),
    senderId: visibleText(1, 21).openapi({ description: 'The sender shown on international SMS.' }),
    callbackUrl: HttpUrl.optional().openapi({ description: 'Default status callback URL for native sends.' }),
    uplinkUrl: HttpUrl.optional().openapi({ description: 'Where replies to the mainland number are POSTed (compatible uplink format).' }),
  })
  .strict()
  .openapi('CreateAppRequest');

export const UpdateAppBody = z
  .object({
    name: visibleText(1, 200).optional(),
    senderId: visibleText(1, 21).optional().openapi({ description: 'A new international sender id.' }),
    callbackUrl: HttpUrl.nullable().optional(),
    uplinkUrl: HttpUrl.nullable().optional(),
    requestsPerSecond: z.number().int().min(1).max(100_000).nullable().optional().openapi({
      description: 'Request rate limit of the app; null for the deployment default.',
    }),
    wsseNonceCheck: z.boolean().optional().openapi({
      description: 'Refuse a reused WSSE nonce (E000027). Turn off only for a legacy client that reuses nonces.',
    }),
  })
  .strict()
  .openapi('UpdateAppRequest');

export const AppView = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    name: z.string(),
    appKey: z.string(),
    from: z.string(),
    mainlandFrom: z.string(),
    mainlandExtension: z.string().openapi({ description: 'Fixed for the life of the app: replies are routed by it.' }),
    callbackUrl: z.string().nullable(),
    uplinkUrl: z.string().nullable(),
    requestsPerSecond: z.number().int().nullable(),
    wsseNonceCheck: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('App');

export const AppCredentials = z
  .object({
    id: z.uuid(),
    appKey: z.string(),
    appSecret: z.string().openapi({ description: 'Shown only in this answer.' }),
    from: z.string().openapi({ description: 'The international sender id.' }),
    mainlandFrom: z.string().openapi({ description: 'The mainland displayed number: the 106 access number and the app’s extension.' }),
  })
  .openapi('AppCredentials');

export const NewAppCredentials = AppCredentials.extend({
  signingSecret: z.string().openapi({ description: 'Signs the app’s callbacks (`webhook-signature`); shown only in this answer.' }),
}).openapi('NewAppCredentials');

export const SigningSecret = z
  .object({
    id: z.uuid(),
    signingSecret: z.string().openapi({ description: 'The new callback signing secret (`whsec_…`); shown only in this answer.' }),
  })
  .openapi('SigningSecret');

export const RotateSecretBody = z
  .object({
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .default(86_400)
      .openapi({ description: 'How long the previous secret keeps working, or signing alongside the new one (default one day; 0 ends it at once).' }),
  })
  .strict();

export const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
