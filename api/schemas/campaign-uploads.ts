import { z } from '@hono/zod-openapi';
import { visibleText } from './common.ts';

export const UploadQuery = z.object({
  templateId: visibleText(1, 64).openapi({ description: 'The approved template every row is sent with.', example: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }),
  name: visibleText(1, 100).openapi({ description: 'A name for the list, shown with it.', example: 'May newsletter' }),
  signature: visibleText(2, 32).optional().openapi({
    description: 'Mainland templates: the approved signature to show in 【】; by default the tenant’s only one of the template’s type.',
  }),
});

export const UploadIdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const UploadListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

const Count = z.number().int().min(0);

const InvalidRow = z
  .object({
    line: z.number().int().openapi({ description: 'The row’s line in the file, from 1.' }),
    code: z.string().openapi({ example: 'invalid_number' }),
    message: z.string().openapi({ example: '+86123 is not a valid phone number.' }),
  })
  .openapi('UploadInvalidRow');

export const UploadView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    templateId: z.string(),
    signature: z.string().nullable(),
    status: z.enum(['receiving', 'ready', 'failed']).openapi({
      description: '`receiving` while the file streams in (the counts grow), `ready` once it is read, `failed` if it could not be (see `error`).',
    }),
    rows: z.object({
      read: Count.openapi({ description: 'Rows read, without a header and empty rows.' }),
      accepted: Count.openapi({ description: 'Recipients kept: valid rows whose number no earlier row had.' }),
      duplicates: Count.openapi({ description: 'Valid rows whose number an earlier row had; dropped.' }),
      invalid: Count.openapi({ description: 'Rows refused, each with its line and reason.' }),
    }),
    estimate: z
      .object({
        segments: z.object({ mainland: Count, international: Count }).openapi({ description: 'The accepted rows’ segments per billing scope.' }),
        cost: z
          .object({
            currency: z.string().openapi({ example: 'CNY' }),
            amount: Count.openapi({ description: 'Paid per use at the current price table, in the currency’s minor unit (fen).' }),
            priceVersion: z.number().int(),
          })
          .nullable()
          .openapi({ description: 'Null while no price table is published.' }),
      })
      .openapi({ description: 'The dry run: what sending to the accepted rows would take.' }),
    error: z
      .object({
        code: z.string().openapi({ description: '`no_recipients` (no row can be sent), `too_many_rows`, `invalid_csv`, `payload_too_large`, `upload_interrupted` or `internal_error`.' }),
        message: z.string(),
      })
      .nullable()
      .openapi({ description: 'Why a `failed` upload failed.' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('CampaignUpload');

export const UploadSummary = UploadView.extend({
  invalidRows: z.array(InvalidRow).openapi({ description: 'The first 100 refused rows, in line order.' }),
  invalidRowsTruncated: z.boolean().openapi({ description: 'True when there are more: `GET …/errors` lists them all.' }),
}).openapi('CampaignUploadSummary');

export const UploadList = z.object({ uploads: z.array(UploadView) }).openapi('CampaignUploadList');
