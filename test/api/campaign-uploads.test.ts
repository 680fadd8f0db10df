import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import { cachedLookups } from '../../accept/lookups/index.ts';
import type { RunningApi } from '../../api/start-api.ts';
import { receiveUpload, uploadLimits } from '../../campaigns/receive-upload.ts';
import { UploadFailure } from '../../campaigns/upload-failure.ts';
import { checkUploadTemplate } from '../../campaigns/upload-template.ts';
import { createApiKey } from '../../db/api-keys.ts';
import { currentPriceTable } from '../../db/prices.ts';
import { createTemplate } from '../../db/provisioning.ts';
import { setTenantCountries } from '../../db/regions.ts';
import { describe, test } from '../support/fixtures.ts';
import { testLogger } from '../support/logger.ts';
import type { TestDatabase } from '../support/postgres.ts';
import { waitFor } from '../support/wait.ts';
import { createTestTenant, type TestTenant } from '../support/tenant.ts';

interface Summary {
  id: string;
  name: string;
  templateId: string;
  signature: string | null;
  status: string;
  rows: { read: number; accepted: number; duplicates: number; invalid: number };
  estimate: { segments: { mainland: number; international: number }; cost: { currency: string; amount: number; priceVersion: number } | null };
  error: { code: string; message: string } | null;
  invalidRows: { line: number; code: string; message: string }[];
  invalidRowsTruncated: boolean;
}

/** A body that streams `rows` (made lazily, `rowsPerChunk` at a time) and, if given, waits for `gate` after `pauseAfter` rows. */
function streamedRows(rows: number, row: (i: number) => string, options: { rowsPerChunk?: number; pauseAfter?: number; gate?: Promise<void>; failAfter?: number } = {}) {
  const encoder = new TextEncoder();
  const perChunk = options.rowsPerChunk ?? 1000;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.failAfter !== undefined && next >= options.failAfter) return controller.error(new Error('the client gave up'));
      if (options.gate && next === options.pauseAfter) await options.gate;
      if (next >= rows) return controller.close();
      const end = Math.min(rows, next + perChunk, options.pauseAfter !== undefined && next < options.pauseAfter ? options.pauseAfter : Infinity);
      let text = '';
      for (; next < end; next += 1) text += row(next);
      controller.enqueue(encoder.encode(text));
    },
  });
}

/** Full garbage collections on demand, to measure what the process holds rather than what it has not freed yet. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}


describe('recipient-list uploads (/v1/campaigns/uploads)', () => {
  let database: TestDatabase;
  let api: RunningApi;
  let tenant: TestTenant;
  let other: TestTenant;

  test.beforeAll(async ({ database: d, api: a, tenant: t, otherTenant: o }) => {
    [database, api, tenant, other] = [d, a, t, o];
  });

  const upload = (query: Record<string, string>, body: RequestInit['body'], options: { contentType?: string; who?: TestTenant; authorization?: string } = {}) =>
    fetch(`${api.url}/v1/campaigns/uploads?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { authorization: options.authorization ?? (options.who ?? tenant).authorization, 'content-type': options.contentType ?? 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
  /**
   * A POST whose body comes from `chunks` only as fast as the API takes it. fetch (undici) writes a streamed body
   * into the socket without waiting for it to drain, so in this process the client's own buffer would hold the file.
   */
  const postWithBackpressure = async (query: Record<string, string>, chunks: AsyncIterable<string>) => {
    const req = httpRequest(`${api.url}/v1/campaigns/uploads?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { authorization: tenant.authorization, 'content-type': 'text/csv' },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => (body += text));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
    });
    await pipeline(Readable.from(chunks), req);
    return answer;
  };
  const get = (path: string, who: TestTenant = tenant) => fetch(`${api.url}/v1/campaigns/uploads${path}`, { headers: { authorization: who.authorization } });
  const summaryOf = async (id: string, who: TestTenant = tenant) => (await (await get(`/${id}`, who)).json()) as Summary;
  const countUploads = async () => Number((await database.db.selectFrom('campaign_uploads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const storedRecipients = (uploadId: string) =>
    database.db
      .selectFrom('campaign_recipients')
      .select(['line', 'recipient', 'params', 'segments', 'country', 'scope'])
      .where('upload_id', '=', uploadId)
      .orderBy('line')
      .execute();

  const mainlandList = [
    '\uFEFFphone,code', // 1: a header, after a byte-order mark
    '13800138000,123456', // 2: 11 digits, no +86
    '+8613800138001,234567', // 3
    '8613800138002,345678', // 4: 86 without +
    '12345,111111', // 5: no such number
    '+447400123456,222222', // 6: abroad, for a mainland template
    '13800138003', // 7: no value
    '13800138000,999999', // 8: the number of line 2 again
    '', // 9: skipped
    '+8613800138001,1', // 10: the number of line 3 again
    '13800138004,12345678901', // 11: a code of 11 characters
    '13800138005,"654321",,', // 12: padded by a spreadsheet
    ',123456', // 13: no number
    '14012345678,123456', // 14: an IoT number
  ].join('\r\n');

  let mainlandUploadId = '';

  test('a CSV list: header and BOM skipped, every row judged by the send rules, duplicates dropped, counts and estimate', async () => {
    const res = await upload({ templateId: tenant.templates.mainlandCode, name: 'May codes' }, mainlandList);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Summary;
    mainlandUploadId = body.id;
    expect(res.headers.get('location')).toBe(`/v1/campaigns/uploads/${body.id}`);
    expect(body).toMatchObject({ name: 'May codes', templateId: tenant.templates.mainlandCode, signature: null, status: 'ready', error: null });
    expect(body.rows).toEqual({ read: 12, accepted: 4, duplicates: 2, invalid: 6 });
    expect(body.invalidRows.map((r) => [r.line, r.code])).toEqual([
      [5, 'invalid_number'],
      [6, 'template_region_mismatch'],
      [7, 'params_missing'],
      [11, 'param_invalid'],
      [13, 'invalid_number'],
      [14, 'number_iot'],
    ]);
    expect(body.invalidRows.every((r) => r.message.length > 10)).toBe(true);
    expect(body.invalidRows[0]?.message).toContain('+8612345');
    expect(body.invalidRowsTruncated).toBe(false);

    const stored = await storedRecipients(body.id);
    expect(stored.map((r) => [r.line, r.recipient, r.params])).toEqual([
      [2, '+8613800138000', ['123456']],
      [3, '+8613800138001', ['234567']],
      [4, '+8613800138002', ['345678']],
      [12, '+8613800138005', ['654321']],
    ]);
    expect(stored.every((r) => r.segments === 1 && r.country === 'CN' && r.scope === 'mainland')).toBe(true);

    const prices = await currentPriceTable(database.db);
    const mainlandPrice = prices.prices.find((p) => p.scope === 'mainland' && p.country === '*')!.segmentPrice;
    expect(body.estimate).toEqual({ segments: { mainland: 4, international: 0 }, cost: { currency: prices.currency, amount: 4 * mainlandPrice, priceVersion: prices.version } });
    expect(await summaryOf(body.id)).toEqual(body);
  });

  test('the errors file lists every refused row as CSV, in line order', async () => {
    const res = await get(`/${mainlandUploadId}/errors`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('line,code,message');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '5,invalid_number',
      '6,template_region_mismatch',
      '7,params_missing',
      '11,param_invalid',
      '13,invalid_number',
      '14,number_iot',
    ]);
    // A message starting with + would be a formula in a spreadsheet.
    expect(lines[1]).toMatch(/^5,invalid_number,'\+8612345 /);
  });

  test('a TXT list: one number per row, for a template without values', async () => {
    const opening = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'opening', region: 'international', type: 'notification', body: 'Our shop opens at nine tomorrow' });
    const res = await upload({ templateId: opening, name: 'Shop opening' }, 'numbers\n+447400123456\n+85291234567\n\n+447400123456\n+1 not a number\n', { contentType: 'text/plain; charset=utf-8' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Summary;
    expect(body.rows).toEqual({ read: 4, accepted: 2, duplicates: 1, invalid: 1 });
    expect(body.invalidRows).toMatchObject([{ line: 6, code: 'invalid_number' }]);
    expect((await storedRecipients(body.id)).map((r) => [r.line, r.recipient, r.params, r.country, r.scope])).toEqual([
      [2, '+447400123456', [], 'GB', 'international'],
      [3, '+85291234567', [], 'HK', 'international'],
    ]);
    expect(body.estimate.segments).toEqual({ mainland: 0, international: 2 });
  });

  test('a number outside the app’s countries is refused with region_not_allowed', async () => {
    const regional = await createTestTenant(database.db, { name: 'Regional Co' });
    await setTenantCountries(database.db, regional.tenantId, ['GB']);
    const res = await upload({ templateId: regional.templates.code, name: 'UK only' }, '+447400123456,1234\n+85291234567,1234\n+8613800138000,1234\n', { who: regional });
    const body = (await res.json()) as Summary;
    expect(body.rows).toEqual({ read: 3, accepted: 1, duplicates: 0, invalid: 2 });
    expect(body.invalidRows.map((r) => [r.line, r.code])).toEqual([
      [2, 'region_not_allowed'],
      [3, 'template_region_mismatch'],
    ]);
  });

  test('refused up front, before the file is read: type, template, signature, parameters, scope, declared size', async () => {
    const before = await countUploads();
    const json = await upload({ templateId: tenant.templates.code, name: 'x' }, '{}', { contentType: 'application/json' });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: 'unsupported_media_type' });
    const unknown = await upload({ templateId: 'no-such-template', name: 'x' }, '+447400123456,1\n');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'template_not_found' });
    const signature = await upload({ templateId: tenant.templates.mainlandCode, name: 'x', signature: 'Nobody' }, '13800138000,1\n');
    expect(signature.status).toBe(422);
    expect(await signature.json()).toMatchObject({ code: 'signature_not_approved' });
    const nameless = await upload({ templateId: tenant.templates.code }, '+447400123456,1\n');
    expect(nameless.status).toBe(400);
    expect(await nameless.json()).toMatchObject({ code: 'invalid_request' });
    const readOnly = await createApiKey(database.db, tenant.appId, 'reader', ['read']);
    const scoped = await upload({ templateId: tenant.templates.code, name: 'x' }, '+447400123456,1\n', { authorization: `Bearer ${readOnly.key}` });
    expect(scoped.status).toBe(403);

    // A declared length over the limit is refused on the headers alone.
    const tooLarge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${api.url}/v1/campaigns/uploads?${new URLSearchParams({ templateId: tenant.templates.code, name: 'big' })}`, {
        method: 'POST',
        headers: { authorization: tenant.authorization, 'content-type': 'text/csv', 'content-length': String(uploadLimits.maxBytes + 1) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: text });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ code: 'payload_too_large' });
    expect(await countUploads()).toBe(before);
  });

  test('another tenant cannot see an upload or its errors', async () => {
    expect((await get(`/${mainlandUploadId}`, other)).status).toBe(404);
    expect(await (await get(`/${mainlandUploadId}`, other)).json()).toMatchObject({ code: 'upload_not_found' });
    expect((await get(`/${mainlandUploadId}/errors`, other)).status).toBe(404);
    const list = (await (await get('', other)).json()) as { uploads: Summary[] };
    expect(list.uploads.map((u) => u.id)).not.toContain(mainlandUploadId);
    expect((await get(`/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await get('/not-a-uuid')).status).toBe(400);
  });

  test('a file that is not CSV fails the upload: nothing is kept, the reason is shown', async () => {
    const res = await upload({ templateId: tenant.templates.code, name: 'broken' }, '+447400123456,1234\n+447400123457,"1234\n');
    expect(res.status).toBe(422);
    const error = (await res.json()) as { code: string; details: { uploadId: string } };
    expect(error.code).toBe('invalid_csv');
    const failed = await summaryOf(error.details.uploadId);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('invalid_csv');
    expect(await storedRecipients(error.details.uploadId)).toEqual([]);
  });

  test('a list nothing can be sent to (no rows, a header alone, only refused rows) fails, its refused rows shown', async () => {
    for (const file of ['', 'phone,code\n', '\n\n']) {
      const res = await upload({ templateId: tenant.templates.code, name: 'empty' }, file);
      expect(res.status).toBe(422);
      const error = (await res.json()) as { code: string; details: { uploadId: string; upload: Summary } };
      expect(error.code).toBe('no_recipients');
      expect(error.details.upload).toMatchObject({ id: error.details.uploadId, status: 'failed', rows: { read: 0 } });
    }
    const res = await upload({ templateId: tenant.templates.code, name: 'all wrong' }, '0\n+8613800138000,1234\n');
    expect(res.status).toBe(422);
    const error = (await res.json()) as { code: string; message: string; details: { upload: Summary } };
    expect(error).toMatchObject({ code: 'no_recipients', message: expect.stringContaining('None of its 2 rows') });
    expect(error.details.upload.invalidRows.map((r) => [r.line, r.code])).toEqual([
      [1, 'params_missing'],
      [2, 'template_region_mismatch'],
    ]);
    expect(error.details.upload.error?.code).toBe('no_recipients');
  });

  test('a client that breaks off its upload leaves a failed upload with nothing kept', async () => {
    const body = streamedRows(20_000, (i) => `+447400${String(i).padStart(6, '0')},${i % 10_000}\n`, { failAfter: 12_000 });
    await expect(upload({ templateId: tenant.templates.code, name: 'cut off' }, body)).rejects.toThrow();
    const failed = await waitFor('the upload to fail', async () => {
      const list = (await (await get('?limit=5')).json()) as { uploads: Summary[] };
      return list.uploads.find((u) => u.name === 'cut off' && u.status === 'failed');
    }, 20_000);
    expect(failed.error?.code).toBe('upload_interrupted');
    expect(await storedRecipients(failed.id)).toEqual([]);
  });

  test('more rows than allowed, or more bytes, fail the upload (limits made small)', async () => {
    const app = await database.db.selectFrom('apps').selectAll().where('id', '=', tenant.appId).executeTakeFirstOrThrow();
    const lookups = cachedLookups(database.db);
    const checked = await checkUploadTemplate(lookups, app, tenant.templates.code, undefined);
    if (!checked.ok) throw new Error(checked.refusal.message);
    const deps = { db: database.db, lookups, logger: testLogger };
    const file = Array.from({ length: 9 }, (_, i) => `+44740055${String(i).padStart(4, '0')},${i}`).join('\n');
    const receive = (name: string, limits: Partial<typeof uploadLimits>) =>
      receiveUpload(deps, { app, name, list: checked.list }, new Blob([file]).stream(), { ...uploadLimits, batchRows: 2, ...limits }).then(
        () => undefined,
        (err: unknown) => err,
      );

    const tooMany = await receive('too many', { maxRows: 4 });
    expect(tooMany).toBeInstanceOf(UploadFailure);
    expect(tooMany).toMatchObject({ code: 'too_many_rows' });
    const tooManyId = (tooMany as UploadFailure).uploadId!;
    expect((await summaryOf(tooManyId)).status).toBe('failed');
    expect(await storedRecipients(tooManyId)).toEqual([]);

    const tooBig = await receive('too big', { maxBytes: 40 });
    expect(tooBig).toMatchObject({ code: 'payload_too_large' });
    expect((await summaryOf((tooBig as UploadFailure).uploadId!)).error?.code).toBe('payload_too_large');

    const exactly = await receive('nine', { maxRows: 9 });
    expect(exactly).toBeUndefined();
  });

  test('progress shows while a file streams in', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const body = streamedRows(30_000, (i) => `+447401${String(i).padStart(6, '0')},${i}\n`, { pauseAfter: 12_000, gate });
    const answer = upload({ templateId: tenant.templates.code, name: 'in progress' }, body);
    const receiving = await waitFor('progress', async () => {
      const list = (await (await get('?limit=5')).json()) as { uploads: Summary[] };
      return list.uploads.find((u) => u.name === 'in progress' && u.rows.read >= 5_000);
    }, 20_000);
    expect(receiving.status).toBe('receiving');
    const progress = await summaryOf(receiving.id);
    expect(progress.status).toBe('receiving');
    expect(progress.rows.read).toBeGreaterThanOrEqual(5_000);
    expect(progress.rows.read).toBeLessThanOrEqual(12_000);
    expect(progress.rows.accepted).toBe(progress.rows.read);
    expect(progress.estimate.segments.international).toBe(progress.rows.read);
    open();
    const res = await answer;
    expect(res.status).toBe(201);
    expect(((await res.json()) as Summary).rows).toEqual({ read: 30_000, accepted: 30_000, duplicates: 0, invalid: 0 });
  });

  test('a large generated file is accepted whole, streamed: the API’s memory does not grow with the file', async () => {
    const rows = 200_000;
    const gc = collectGarbage();
    // Values as long as the template takes (35 characters), so the file is large beside what streaming holds.
    const padded = (text: string) => text.padEnd(35, 'x');
    let fileBytes = 0;
    async function* file(count: number) {
      fileBytes = 0;
      for (let i = 0; i < count; i += 1000) {
        let text = '';
        for (let j = i; j < Math.min(count, i + 1000); j += 1) text += `+447400${String(j).padStart(6, '0')},${padded(`Customer ${j}`)},${padded(`PARCEL-${j}`)}\n`;
        fileBytes += Buffer.byteLength(text);
        yield text;
      }
    }
    // A small list first, so that what any upload sets up once (compiled code, caches, connections) is in the baseline.
    expect((await postWithBackpressure({ templateId: tenant.templates.notice, name: 'warm-up' }, file(20_000))).status).toBe(201);
    // What the process holds (after a full collection), the JavaScript heap and the buffers outside it, while the
    // file streams: garbage not yet collected is not held.
    const held = () => {
      gc();
      const now = process.memoryUsage();
      return { bytes: now.heapUsed + now.arrayBuffers, rss: now.rss };
    };
    const baseline = held();
    let peak = baseline;
    const sampler = setInterval(() => {
      const now = held();
      peak = { bytes: Math.max(peak.bytes, now.bytes), rss: Math.max(peak.rss, now.rss) };
    }, 1000);
    const started = performance.now();
    const res = await postWithBackpressure({ templateId: tenant.templates.notice, name: 'parcels' }, file(rows)).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    expect(res.status).toBe(201);
    const summary = JSON.parse(res.body) as Summary;
    expect(summary.rows).toEqual({ read: rows, accepted: rows, duplicates: 0, invalid: 0 });
    expect(summary.estimate.segments.international).toBe(rows);
    const stored = await database.db
      .selectFrom('campaign_recipients')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('line').as('last')])
      .where('upload_id', '=', summary.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(rows);
    expect(stored.last).toBe(rows);

    const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
    process.stderr.write(
      `[campaign upload] ${rows} rows (${mib(fileBytes)} MiB) in ${seconds.toFixed(2)} s: ${Math.round(rows / seconds)} rows/s; ` +
        `held heap and buffers +${mib(peak.bytes - baseline.bytes)} MiB at most, rss +${mib(peak.rss - baseline.rss)} MiB at most\n`,
    );
    // Holding the file would hold its size or more, its numbers (a set of 200,000 strings) about two thirds of it;
    // streaming holds a batch or two.
    expect(peak.bytes - baseline.bytes).toBeLessThan(fileBytes * 0.6);
  });
});
