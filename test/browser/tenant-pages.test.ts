import '../support/temporal.ts';
import { expect } from 'vitest';
import { createOperator } from '../../db/operators.ts';
import { describe, test } from '../support/fixtures.ts';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.ts';

describe('the console in Chromium: a tenant’s everyday pages', () => {
  let stack: ConsoleStack;
  test.beforeAll(async ({ database, tenant }) => {
    stack = await startConsoleStack(database, tenant);
    return () => stack.stop();
  });

  test('a test SMS to the mainland, followed to delivered; the reply to it; the overview counts it', async ({ tenant }) => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Send a test SMS' }).click();
    await owner.getByLabel('Template').selectOption({ label: 'mainland code (Chinese mainland)' });
    await owner.getByLabel('Value 1').fill('246810');
    await owner.getByLabel('Signature').selectOption(tenant.signature);
    await owner.getByLabel('Numbers').fill('+8613800138123');
    await owner.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = owner.getByRole('region', { name: 'Sent' });
    await expect.poll(() => sent.getByRole('row').nth(1).textContent()).toContain('+8613800138123');
    await sent.getByRole('link', { name: 'Follow it' }).click();
    const detail = owner.getByRole('region', { name: 'The message' });
    await expect.poll(() => detail.textContent()).toContain('Delivered');
    expect(await detail.textContent()).toContain('【Tern测试】您的验证码是246810');

    expect(await stack.simulator.sendReply({ from: '+8613800138123', to: tenant.mainlandFrom, text: '收到，谢谢' })).toBe(true);
    await owner.getByRole('link', { name: 'Replies' }).click();
    const replies = owner.getByRole('main');
    await expect.poll(() => replies.textContent()).toContain('收到，谢谢');
    await replies.getByRole('link', { name: 'the message' }).click();
    await expect.poll(() => owner.getByRole('region', { name: 'The message' }).textContent()).toContain('246810');

    await owner.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(async () => {
      await owner.reload();
      return owner.locator('[data-figure="messages"]').textContent();
    }).toBe('1');
    await owner.close();
  });

  test('settings: URLs, a rotated secret and an API key shown once, thresholds and regions, all in the audit log', async () => {
    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Settings' }).click();
    const app = owner.getByRole('region', { name: 'App' });
    await app.getByLabel('Callback URL (status reports)').fill('http://127.0.0.1:9/reports');
    await app.getByRole('button', { name: 'Save' }).click();
    await app.getByText('Saved.').waitFor();
    await app.getByRole('button', { name: 'Rotate the app secret' }).click();
    await expect.poll(() => app.locator('code.secret').textContent()).toMatch(/^\S{20,}$/);

    const keys = owner.getByRole('region', { name: 'API keys' });
    await keys.getByLabel('Name').fill('checkout');
    await keys.getByLabel('Read').check();
    await keys.getByRole('button', { name: 'Create a key' }).click();
    await expect.poll(() => keys.locator('code.secret').textContent()).toMatch(/^tern_[0-9a-f]{12}_/);
    const key = (await keys.locator('code.secret').textContent()) ?? '';
    // The key works on the API, and only until it is revoked.
    const probe = () => fetch(`${stack.api.url}/v1/templates`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
    expect(await probe()).toBe(200);
    await keys.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => keys.getByRole('table').textContent()).toContain('Revoked');

    const thresholds = owner.getByRole('region', { name: 'Traffic thresholds' });
    await thresholds.getByLabel('Daily alarm').fill('500');
    await thresholds.getByLabel('Daily limit').fill('1000');
    await thresholds.getByLabel('Alarm SMS go to').fill('+8613800138999');
    await thresholds.getByRole('button', { name: 'Save' }).click();
    await thresholds.getByText('Saved.').waitFor();
    const regions = owner.getByRole('region', { name: 'Regions' });
    await regions.getByLabel('Countries international SMS may go to').fill('gb, us');
    await regions.getByRole('button', { name: 'Save' }).click();
    await regions.getByText('Saved.').waitFor();

    await owner.reload();
    await expect.poll(() => owner.getByLabel('Countries international SMS may go to').inputValue()).toBe('GB, US');
    await expect.poll(() => owner.getByLabel('Daily limit').inputValue()).toBe('1000');
    const audit = owner.getByRole('region', { name: 'Audit log' });
    await expect.poll(() => audit.getByRole('row').allTextContents()).toHaveLength(7);
    const text = (await audit.textContent()) ?? '';
    for (const action of ['PATCH /v1/app', 'POST /v1/app/secret', 'POST /v1/api-keys', 'DELETE /v1/api-keys/{id}', 'PUT /v1/traffic-thresholds', 'PUT /v1/region-settings']) expect(text).toContain(action);
    expect(text).toContain(stack.users.tenant_owner.email);
    await owner.close();

    // A member reads the settings but changes nothing, and has no keys to manage.
    const member = await stack.signIn('tenant_member', { locale: 'en' });
    await member.getByRole('link', { name: 'Settings' }).click();
    await member.getByText('As a member you may send and read').waitFor();
    expect(await member.getByRole('region', { name: 'API keys' }).count()).toBe(0);
    expect(await member.getByLabel('Callback URL (status reports)').isDisabled()).toBe(true);
    await member.close();
  });

  test('quota alarms and packages; a blocked number, its unblocking asked for and approved by an operator', async ({ database, tenant }) => {
    const { token } = await createOperator(database.db, 'blocker', 'operator');
    const block = await fetch(`${stack.api.url}/v1/admin/blocklist`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ numbers: ['+8613800138777'], source: 'complaint', reason: 'Complained about spam.' }),
    });
    expect(block.status).toBe(200);

    const owner = await stack.signIn('tenant_owner', { locale: 'en' });
    await owner.getByRole('link', { name: 'Packages and quota' }).click();
    await owner.getByLabel('Alarm when Chinese mainland segments fall below').fill('250');
    await owner.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => owner.getByRole('region', { name: 'Quota alarms' }).getByRole('table').textContent()).toContain('250');

    await owner.getByRole('link', { name: 'Blocklist' }).click();
    await owner.getByLabel('Number', { exact: true }).fill('+8613800138777');
    await owner.getByRole('button', { name: 'Check' }).click();
    await owner.getByText('+8613800138777 is blocked.').waitFor();
    expect(await owner.getByRole('main').textContent()).toContain('Complained about spam.');
    await owner.getByLabel('Why it should be unblocked').fill('The recipient asked to receive codes again.');
    await owner.getByRole('button', { name: 'Ask for it to be unblocked' }).click();
    await owner.getByText('Your request is with the operators.').waitFor();
    await expect.poll(() => owner.getByRole('region', { name: 'Unblock requests' }).textContent()).toContain('In review');

    const operator = await stack.signIn('operator', { locale: 'en' });
    await operator.getByRole('link', { name: 'Suspensions and unblocking' }).click();
    const requests = operator.getByRole('region', { name: 'Unblock requests' });
    await expect.poll(() => requests.textContent()).toContain('+8613800138777');
    await requests.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(async () => {
      await owner.reload();
      return owner.getByRole('region', { name: 'Unblock requests' }).getByRole('table').textContent();
    }).toMatch(/With the carrier|Unblocked/);
    expect(tenant.tenantId).toBeTruthy();
    for (const page of [owner, operator]) await page.close();
  });
});
