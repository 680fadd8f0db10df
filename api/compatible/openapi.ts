import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { DiffBody } from './batch-send-diff-sms.ts';
import { FormFields } from './batch-send-sms.ts';

const Result = z
  .object({
    originTo: z.string(),
    createTime: z.string().openapi({ example: '2026-11-28T09:59:50Z' }),
    from: z.string(),
    smsMsgId: z.string().optional().openapi({ description: 'Absent for a number that was refused.' }),
    status: z.string().openapi({ description: '`000000` accepted, else the reason (spec §3.4).' }),
    countryId: z.string().optional(),
    total: z.number().int().optional().openapi({ description: 'Segments of the message.' }),
  })
  .openapi('CompatibleResult');

const Answer = z
  .object({
    code: z.string().openapi({ description: '`000000`, or a request-level code of spec §3.3 (`E000503`, `E000510`…).' }),
    description: z.string(),
    result: z.array(Result).optional().openapi({ description: 'One entry per recipient: on success, and with `E000510` (none accepted).' }),
  })
  .openapi('CompatibleAnswer');

const json = (description: string) => ({ description, content: { 'application/json': { schema: Answer } } });

const responses = {
  200: json('Accepted for at least one number (`000000`); each number’s `status` says whether it was'),
  400: json(
    'A request-level refusal: the headers of §2 missing or malformed (`E000001`–`E000027`), the wrong Content-Type (`E000040`), a malformed field (`E000503`), unparseable JSON (`E000000`), or no number accepted (`E000510`, with `result`)',
  ),
  401: json('Authentication failed (`E000101`–`E000112`)'),
  403: json('The tenant may not send now: suspended, or over a limit (`E000620`–`E000630`)'),
  413: json('The body is larger than 64 KB (`E000503`)'),
  429: json('Over the app’s request rate, or too many failed authentications (`E000429`)'),
  503: json('The database or a service the send needs is away (`E000000`); nothing was stored. Retry after `Retry-After` seconds'),
};

const FormDocument = FormFields.extend({
  templateParas: z.string().optional().openapi({ description: 'A JSON array of strings in a string, e.g. `["369751"]`.', example: '["369751"]' }),
  to: z.string().min(1).openapi({ description: 'Comma-separated `+E.164` numbers, at most 500.', example: '+8613800138000,+8613800138001' }),
}).openapi('BatchSendSmsForm');

/**
 * The compatible `/sms` API (spec: compatible-api.md) in the OpenAPI document. Its routes are plain Hono, since
 * the spec fixes their error shape and codes; the request schemas here are the ones their parsers use.
 */
export function documentCompatibleApi(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'wsse', {
    type: 'apiKey',
    in: 'header',
    name: 'X-WSSE',
    description:
      'X-WSSE UsernameToken (spec §2): `X-WSSE: UsernameToken Username="<app key>",PasswordDigest="<Base64(SHA-256(Nonce+Created+app secret))>",Nonce="<fresh>",Created="<UTC yyyy-MM-ddTHH:mm:ssZ>"`, with `Authorization: WSSE realm="SDP",profile="UsernameToken",type="Appkey"`.',
  });
  const common = { tags: ['Compatible API'], security: [{ wsse: [] as string[] }], responses };
  app.openAPIRegistry.registerPath({
    ...common,
    method: 'post',
    path: '/sms/batchSendSms/v1',
    summary: 'Send one template to many numbers (form-encoded, Huawei Cloud MSGSMS compatible)',
    request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: FormDocument } } } },
  });
  app.openAPIRegistry.registerPath({
    ...common,
    method: 'post',
    path: '/sms/batchSendDiffSms/v1',
    summary: 'Send different templates to groups of numbers (JSON, Huawei Cloud MSGSMS compatible)',
    request: { body: { required: true, content: { 'application/json': { schema: DiffBody.openapi('BatchSendDiffSmsRequest') } } } },
  });
}
