import { z } from '@hono/zod-openapi';
import { messageStatuses } from '../../domain/message-status.ts';
import { visibleText } from './common.ts';

export const maxRecipientsPerRequest = 1000;

export const SendMessagesBody = z
  .object({
    to: z
      .array(z.string().min(1).max(32))
      .min(1)
      .max(maxRecipientsPerRequest)
      .openapi({ description: 'Recipients in E.164 (`+` and country code); duplicates are sent once.', example: ['+8613800138000'] }),
    templateId: visibleText(1, 64).openapi({ example: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }),
    params: z
      .array(z.string().max(500))
      .max(50)
      .default([])
      .openapi({ description: 'Values for the template variables ${1}, ${2}, … in order.', example: ['482913'] }),
    sendAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'Send later, at this time (ISO 8601); at most 90 days ahead.' }),
    callbackUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional()
      .openapi({ description: 'Where status reports for these messages are POSTed; defaults to the app’s callback URL.' }),
    reference: visibleText(0, 128).optional().openapi({ description: 'Your own reference, echoed in reports.' }),
    signature: visibleText(2, 32).optional().openapi({
      description: 'Mainland templates: the approved signature to show in 【】; by default the tenant’s only one of the template’s type.',
    }),
  })
  .strict()
  .openapi('SendMessagesRequest');

export type SendMessagesInput = z.infer<typeof SendMessagesBody>;

export const MessageStatusSchema = z.enum(messageStatuses).openapi('MessageStatus');

const AcceptedRecipient = z.object({
  id: z.uuid(),
  to: z.string(),
  status: MessageStatusSchema,
  segments: z.number().int(),
});
const RejectedRecipient = z.object({
  to: z.string(),
  status: z.literal('rejected'),
  error: z.object({ code: z.string(), message: z.string() }),
});

export const SendMessagesResponse = z
  .object({
    requestId: z.uuid(),
    messages: z.array(z.union([AcceptedRecipient, RejectedRecipient])),
  })
  .openapi('SendMessagesResponse');

export type SendMessagesResult = z.infer<typeof SendMessagesResponse>;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'Repeat a request with the same key to get the first answer back; nothing is sent twice.' }),
});

export const MessageIdParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

const TimelineEvent = z.object({
  at: z.string(),
  event: z.string().openapi({
    description:
      'accepted | scheduled | failover (an upstream passed over, and why) | retry (an attempt tried again, and why; code ATTEMPT_UNRECORDED when its worker stopped before recording it, so the message may have gone out twice) | submitted | receipt | a final status | callback',
  }),
  detail: z.record(z.string(), z.unknown()).optional(),
});

/** What both a message and its line in a list say of it. */
export const messageBasics = {
  id: z.uuid(),
  requestId: z.uuid(),
  to: z.string(),
  from: z.string(),
  templateId: z.string(),
  segments: z.number().int(),
  status: MessageStatusSchema,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  reference: z.string().nullable(),
  sendAt: z.string().nullable(),
  carrier: z.string().nullable().openapi({ description: 'The upstream that carried the message (or gave the final answer).' }),
  country: z.string().nullable().openapi({ description: 'The recipient’s country (ISO 3166); null for messages from before it was kept.' }),
  region: z.enum(['mainland', 'international']).nullable().openapi({ description: 'The template’s region; null for messages from before it was kept.' }),
  signature: z.string().nullable().openapi({ description: 'The signature of a mainland message (in 【】 in its text).' }),
  createdAt: z.string(),
};

export const MessageView = z
  .object({
    ...messageBasics,
    text: z.string(),
    encoding: z.enum(['gsm7', 'ucs2']),
    callbackUrl: z.string().nullable(),
    parts: z.array(
      z.object({
        partNo: z.number().int(),
        attempt: z.number().int().openapi({ description: 'The dispatch attempt that sent this part. A part sent more than once has a row per submission.' }),
        carrier: z.string(),
        carrierMessageId: z.string(),
        submittedAt: z.string(),
        receipt: z.object({ stat: z.string(), err: z.string().nullable(), at: z.string() }).nullable(),
      }),
    ),
    timeline: z.array(TimelineEvent),
  })
  .openapi('Message');

export type MessageViewModel = z.infer<typeof MessageView>;
