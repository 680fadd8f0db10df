import { z } from '@hono/zod-openapi';

export const CreateTenantBody = z.object({ name: z.string().trim().min(1).max(200) }).strict().openapi('CreateTenantRequest');

export const TenantView = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string() }).openapi('Tenant');

export const CreateAppBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    senderId: z.string().trim().min(1).max(21).openapi({ description: 'The sender shown on international SMS.' }),
    callbackUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  })
  .strict()
  .openapi('CreateAppRequest');

export const AppCredentials = z
  .object({
    id: z.uuid(),
    appKey: z.string(),
    appSecret: z.string().openapi({ description: 'Shown only in this answer.' }),
    from: z.string().openapi({ description: 'The international sender id.' }),
    mainlandFrom: z.string().openapi({ description: 'The mainland displayed number: the 106 access number and the app’s extension.' }),
  })
  .openapi('AppCredentials');

export const RotateSecretBody = z
  .object({
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .default(86_400)
      .openapi({ description: 'How long the previous secret keeps working (default one day; 0 ends it at once).' }),
  })
  .strict();

export const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
