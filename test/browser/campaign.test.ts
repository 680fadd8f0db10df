import '../support/temporal.ts';
import fs from 'node:fs/promises';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { describe, test } from '../support/fixtures.ts';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.ts';

const valid = Array.from({ length: 40 }, (_, i) => `+447400${900_000 + i}`);

/** Clicks a link that downloads (the first of that name), and gives the downloaded file's text. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  const at = await file.path();
  return fs.readFile(at, 'utf8');
}

describe('the console in Chromium: the Group SMS Assistant, sending details and statistics', () => {
  let stack: ConsoleStack;
  test.beforeAll(async ({ database, tenant }) => {
    stack = await startConsoleStack(database, tenant);
    return () => stack.stop();
  });

  test('an operator prices; a tenant runs a campaign from an uploaded file to its report, then filters, exports and charts what it sent', async ({ tenant }) => {
    const operator = await stack.signIn('operator', { locale: 'en' });
    await operator.getByRole('link', { name: 'Price table' }).click();
    await operator.getByLabel('Currency').fill('CNY');
    await operator.getByLabel('Prices').fill('mainland * 4\ninternational * 35');
    await operator.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => operator.getByRole('table').textContent()).toContain('¥0.35');
    await operator.close();

    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Group SMS Assistant' }).click();
    await owner.getByLabel('Name', { exact: true }).fill('December codes');
    await owner.getByLabel('Template').selectOption({ label: 'code (International)' });
    const csv = ['phone,code', ...valid.map((n, i) => `${n},${100_000 + i}`), '+44123,1', 'not a number,2', `${valid[0]},3`].join('\n');
    await owner.getByLabel('Recipient list').setInputFiles({ name: 'december.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await owner.getByRole('button', { name: 'Upload and check' }).click();

    // The check, line by line, with the cost.
    const result = owner.getByRole('region', { name: 'The list “December codes”, checked' });
    await result.waitFor();
    expect(await result.locator('[data-figure="accepted"]').textContent()).toBe('40');
    expect(await result.locator('[data-figure="invalid"]').textContent()).toBe('2');
    const refused = await result.getByRole('table').getByRole('row').allTextContents();
    expect(refused.slice(1).map((r) => r.slice(0, 2))).toEqual(['42', '43']);
    expect(await result.textContent()).toContain('¥14.00');

    await result.getByRole('button', { name: 'Start the campaign' }).click();
    await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('December codes');
    // Live progress, to the end.
    await expect.poll(() => owner.locator('[data-figure="delivered"]').textContent(), { timeout: 60_000 }).toBe('40');
    await expect.poll(() => owner.locator('.state').first().textContent(), { timeout: 30_000 }).toBe('Completed');
    const report = await download(owner, 'Download the report (CSV)');
    const lines = report.trim().split('\n');
    expect(lines[0]).toBe('line,recipient,status,code,reason,message_id');
    expect(lines.filter((l) => l.includes(',delivered,'))).toHaveLength(40);

    // Sending details: filtered, then as CSV.
    await owner.getByRole('link', { name: 'Sending details' }).click();
    await owner.getByLabel('Status').selectOption('delivered');
    await owner.getByLabel('Number prefix').fill('+4474009');
    await owner.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(async () => (await owner.getByRole('region', { name: 'Messages' }).getByRole('row').count()) - 1).toBe(40);
    const exported = await download(owner, 'Download as CSV');
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    expect(exported.trim().split('\n')).toHaveLength(41);
    await owner.getByRole('button', { name: 'Export in the background' }).click();
    const ready = owner.getByRole('link', { name: /^Download \(until/ });
    await ready.waitFor({ timeout: 60_000 });
    const background = await download(owner, (await ready.textContent()) ?? '');
    expect(background.trim().split('\n')).toHaveLength(41);

    // Statistics: the day's bars and the breakdown by status hold the 40 deliveries.
    await owner.getByRole('link', { name: 'Statistics' }).click();
    await owner.getByLabel('Break down by').selectOption('status');
    // The figures are rolled up a moment after the deliveries: ask again every two seconds until they are in.
    await expect
      .poll(
        async () => {
          await owner.getByRole('button', { name: 'Apply', exact: true }).click();
          await owner.waitForLoadState('networkidle');
          return owner.getByRole('region', { name: 'By Final status' }).getByRole('table').textContent();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toContain('delivered40');
    expect(await owner.locator('figure.chart svg rect.delivered').count()).toBeGreaterThan(0);
    const statsCsv = await download(owner, 'Export as CSV');
    expect(statsCsv).toContain('delivered');
    expect(tenant.tenantId).toBeTruthy();
    await owner.close();
  });

  test('a campaign at one message a second is paused (nothing more goes out), resumed, and runs to its end', async () => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Group SMS Assistant' }).click();
    await owner.getByLabel('Name', { exact: true }).fill('Slow and steady');
    await owner.getByLabel('Template').selectOption({ label: 'code (International)' });
    const csv = ['phone,code', ...Array.from({ length: 20 }, (_, i) => `+447401${900_000 + i},${i}`)].join('\n');
    await owner.getByLabel('Recipient list').setInputFiles({ name: 'slow.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await owner.getByRole('button', { name: 'Upload and check' }).click();
    await owner.getByLabel('Messages a second (optional)').fill('1');
    await owner.getByRole('button', { name: 'Start the campaign' }).click();
    await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('Slow and steady');
    expect(await owner.getByRole('main').textContent()).toContain('At most 1 a second.');
    const figure = async (name: string) => Number(await owner.locator(`[data-figure="${name}"]`).textContent());
    await expect.poll(() => figure('queued')).toBeGreaterThan(0);

    await owner.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => owner.locator('.state').first().textContent()).toBe('Paused');
    // A chunk queued as the pause arrived may still go out, and the page asks every 2 s; after that, nothing moves.
    await new Promise((r) => setTimeout(r, 4_000));
    const held = await figure('queued');
    expect(held).toBeLessThan(20);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await figure('queued'), 'nothing is queued while paused').toBe(held);
    expect(await owner.getByRole('button', { name: 'Pause' }).count()).toBe(0);

    await owner.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => owner.locator('[data-figure="delivered"]').textContent(), { timeout: 60_000 }).toBe('20');
    await expect.poll(() => owner.locator('.state').first().textContent(), { timeout: 30_000 }).toBe('Completed');
    await owner.close();
  });

  test('a campaign scheduled for tomorrow waits, and is cancelled before it sends anything', async () => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Group SMS Assistant' }).click();
    await owner.getByLabel('Name', { exact: true }).fill('Tomorrow');
    await owner.getByLabel('Template').selectOption({ label: 'code (International)' });
    const csv = ['phone,code', ...valid.slice(0, 5).map((n, i) => `${n},${i}`)].join('\n');
    await owner.getByLabel('Recipient list').setInputFiles({ name: 'tomorrow.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await owner.getByRole('button', { name: 'Upload and check' }).click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await owner.getByLabel('Send at (optional)').fill(local);
    await owner.getByRole('button', { name: 'Schedule the campaign' }).click();
    await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('Tomorrow');
    await expect.poll(() => owner.locator('.state').first().textContent()).toBe('Scheduled');
    expect(await owner.getByRole('main').textContent()).toContain('Starts');
    await owner.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => owner.locator('.state').first().textContent()).toBe('Cancelled');
    expect(await owner.locator('[data-figure="submitted"]').textContent()).toBe('0');
    expect(await owner.getByRole('button', { name: 'Pause' }).count(), 'an ended campaign has no controls').toBe(0);
    await owner.close();
  });
});
