import { z } from '@hono/zod-openapi';
import { apiScopes } from '../../domain/api-keys.ts';
import { visibleText } from './common.ts';

export const CreateApiKeyBody = z
  .object({
    name: visibleText(1, 100).openapi({ example: 'checkout service' }),
    scopes: z.array(z.enum(apiScopes)).min(1).openapi({ description: '`send` to send and cancel, `read` to read messages.' }),
  })
  .strict()
  .openapi('CreateApiKeyRequest');

export const ApiKeyView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The public start of the key, to tell keys apart.' }),
    scopes: z.array(z.enum(apiScopes)),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const CreatedApiKey = ApiKeyView.extend({
  key: z.string().openapi({ description: 'The key itself, shown only in this answer. Send it as `Authorization: Bearer <key>`.' }),
}).openapi('CreatedApiKey');

export const ApiKeyIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
