import '../support/temporal.ts';
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.ts';
import { onePagePdf, solidPng } from '../support/documents.ts';

describe('the console in Chromium: applications and their review', () => {
  let stack: ConsoleStack;
  test.beforeAll(async ({ database, tenant }) => {
    stack = await startConsoleStack(database, tenant);
    return () => stack.stop();
  });

  test('a tenant applies for a signature with a PDF (upload progress shown); the reviewer previews it, asks for more, then approves', async () => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Signatures' }).click();
    await owner.getByLabel('Signature', { exact: true }).fill('浏览器测试');
    // A letter of some size over a slowed link, so the upload's progress can be watched.
    const letter = Buffer.concat([onePagePdf('Letter of authorization'), Buffer.from(`%${'x'.repeat(200_000)}\n`)]);
    await owner.locator('#sig-attorney').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: letter });
    await owner.locator('#sig-license').setInputFiles({ name: 'license.png', mimeType: 'image/png', buffer: solidPng(120, 80) });
    const cdp = await owner.context().newCDPSession(owner);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 100_000 });
    await owner.getByRole('button', { name: 'Apply' }).click();
    const bar = owner.getByRole('progressbar', { name: 'Uploading' });
    await bar.waitFor();
    const seen: number[] = [];
    while ((await bar.count()) > 0) {
      const value = Number(await bar.getAttribute('value').catch(() => null));
      if (Number.isFinite(value)) seen.push(value);
      await owner.waitForTimeout(100);
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(seen.some((v) => v > 0 && v < 1), `progress values ${seen.join(',')}`).toBe(true);
    await expect.poll(() => owner.getByRole('status').allTextContents()).toContain('The application for 浏览器测试 is with the reviewers.');
    await expect.poll(() => owner.getByRole('table').first().textContent()).toContain('In review');

    const reviewer = await stack.signIn('reviewer', { locale: 'en' });
    await reviewer.getByRole('link', { name: 'Signature “浏览器测试”' }).click();
    // Both documents are shown inline: the PDF in a frame of its own, the image decoded.
    const frame = reviewer.locator('iframe[data-document="attorney_letter"]');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    const image = reviewer.locator('img[data-document="business_license"]');
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(120);
    const workflow = reviewer.getByRole('link', { name: 'Its workflow in the Temporal UI' });
    expect(await workflow.getAttribute('href')).toMatch(/^http:\/\/temporal-ui\.test\/namespaces\/default\/workflows\/signature-review-[0-9a-f-]{36}$/);

    await reviewer.getByLabel('Ask for more documents').check();
    await reviewer.getByLabel('Which documents are needed').fill('The license must be in colour, all four corners visible.');
    await reviewer.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => reviewer.getByText('More documents asked for').count()).toBeGreaterThan(0);

    await owner.reload();
    await owner.getByRole('heading', { name: 'More documents for 浏览器测试' }).waitFor();
    expect(await owner.locator('.notice.warn').first().textContent()).toContain('all four corners visible');
    const more = owner.getByRole('region', { name: 'More documents for 浏览器测试' });
    await more.locator('input[name="businessLicense"]').setInputFiles({ name: 'license-colour.png', mimeType: 'image/png', buffer: solidPng(200, 100, [200, 30, 30]) });
    await more.getByRole('button', { name: 'Send the documents' }).click();
    await expect.poll(async () => (await owner.getByRole('table').first().textContent()) ?? '').toContain('In review');

    await reviewer.reload();
    await reviewer.getByLabel('Approve').check();
    await reviewer.getByRole('button', { name: 'Record the decision' }).click();
    await reviewer.getByText('Decided.').waitFor();
    await owner.reload();
    await expect.poll(async () => (await owner.getByRole('table').first().textContent()) ?? '').toContain('Approved');

    // Each decision went through the workflow and is in the audit log, by the reviewer's name.
    const admin = await stack.signIn('admin', { locale: 'en' });
    await admin.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(async () => (await admin.getByRole('table').textContent()) ?? '').toContain('POST /v1/admin/reviews/{id}/decision');
    const rows = await admin.getByRole('row').filter({ hasText: 'POST /v1/admin/reviews/{id}/decision' }).allTextContents();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toContain(stack.users.reviewer.email);
    for (const page of [owner, reviewer, admin]) await page.close();
  });

  test('a tenant applies for a template; the reviewer sees its variables marked and rejects it with a reason the tenant reads', async () => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Templates' }).click();
    await owner.getByLabel('Name', { exact: true }).fill('Delivery window');
    await owner.getByLabel('Region').selectOption('international');
    await owner.getByLabel('Type').selectOption('notification');
    await owner.getByLabel('Text').fill('Your parcel ${1} arrives between ${2}.');
    await owner.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('Delivery window');

    const reviewer = await stack.signIn('reviewer', { locale: 'en' });
    await reviewer.getByRole('link', { name: 'Template “Delivery window”' }).click();
    await expect.poll(() => reviewer.locator('.template-text mark').allTextContents()).toEqual(['${1} other', '${2} other']);
    await reviewer.getByLabel('Reject').check();
    await reviewer.getByLabel('Why it is rejected').fill('Say which company sends it.');
    await reviewer.getByRole('button', { name: 'Record the decision' }).click();
    await reviewer.getByText('Decided.').waitFor();

    await owner.reload();
    await expect.poll(async () => (await owner.getByRole('table').textContent()) ?? '').toContain('Say which company sends it.');
    for (const page of [owner, reviewer]) await page.close();
  });
});
