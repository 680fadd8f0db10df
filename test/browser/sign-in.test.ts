import '../support/temporal.ts';
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.ts';
import { createTemplate } from '../../db/provisioning.ts';

describe('the console in Chromium: signing in, roles and tenants apart', () => {
  let stack: ConsoleStack;
  test.beforeAll(async ({ database, tenant }) => {
    stack = await startConsoleStack(database, tenant);
    return () => stack.stop();
  });

  test('the first load is small: the sign-in page’s bytes on the wire, compressed, stay under 40 KB', async () => {
    const page = await stack.browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => void (bytes += event.encodedDataLength));
    await page.goto(`${stack.api.url}/console`);
    await page.getByLabel('邮箱').waitFor();
    await page.waitForLoadState('networkidle');
    process.stderr.write(`[console] first load: ${(bytes / 1024).toFixed(1)} KB on the wire\n`);
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(40 * 1024);
    await page.close();
  });

  test('each role signs in to its own pages, in Chinese by default', async () => {
    const expected = {
      tenant_owner: { heading: '概览', nav: ['概览', '群发助手', '设置'], absent: '审核队列' },
      tenant_member: { heading: '概览', nav: ['概览', '发送详情'], absent: '租户与应用' },
      reviewer: { heading: '审核队列', nav: ['审核队列'], absent: '租户与应用' },
      operator: { heading: '租户与应用', nav: ['审核队列', '通道与路由', '价格表', '工作日日历'], absent: '审计日志' },
      admin: { heading: '租户与应用', nav: ['控制台用户', '审计日志'], absent: '群发助手' },
    } as const;
    for (const [role, want] of Object.entries(expected)) {
      const page = await stack.signIn(role as keyof typeof expected);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(want.heading);
      const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
      for (const item of want.nav) expect(nav, role).toContain(item);
      expect(nav, role).not.toContain(want.absent);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.close();
    }
  });

  test('a wrong password is refused with a message, and the page says why in the chosen language', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.api.url}/console`);
    await page.getByLabel('邮箱').fill(stack.users.tenant_owner.email);
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('sign_in_failed');
    // The session cookie is HTTP-only: the page's script cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.close();
  });

  test('the language switch turns the console English and the choice stays with the user', async () => {
    const page = await stack.signIn('tenant_member', { locale: 'en' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
    const again = await stack.signIn('tenant_member');
    await expect.poll(() => again.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    await again.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => again.getByRole('heading', { level: 1 }).textContent()).toBe('概览');
    await again.close();
  });

  test('the whole sign-in works from the keyboard', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.api.url}/console`);
    await page.getByLabel('邮箱').waitFor();
    // The page's heading has the focus; the next Tab is the first field.
    await page.keyboard.press('Tab');
    await page.keyboard.type(stack.users.reviewer.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(stack.users.reviewer.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('审核队列');
    // The first Tab on a page reaches the skip link, which moves the focus past the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('跳到页面内容');
    await page.close();
  });

  test('a reviewer cannot open the operators’ pages, nor reach their API', async () => {
    const page = await stack.signIn('reviewer');
    await page.goto(`${stack.api.url}/console/tenants`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('您的角色无权访问');
    const status = await page.evaluate(async () => (await fetch('/v1/admin/tenants')).status);
    expect(status).toBe(403);
    await page.close();
  });

  test('a tenant sees its own data only', async ({ database, tenant, otherTenant }) => {
    const mine = await createTemplate(database.db, { tenantId: tenant.tenantId, name: 'ours only', region: 'international', type: 'notification', body: 'Ours ${1}' });
    const theirs = await createTemplate(database.db, { tenantId: otherTenant.tenantId, name: 'theirs only', region: 'international', type: 'notification', body: 'Theirs ${1}' });
    const page = await stack.signIn('tenant_owner', { locale: 'en' });
    await page.getByRole('link', { name: 'Templates' }).click();
    await expect.poll(() => page.getByRole('table').textContent()).toContain('ours only');
    expect(await page.getByRole('table').textContent()).not.toContain('theirs only');
    // Their template's page, by its address: not found for this tenant.
    await page.goto(`${stack.api.url}/console/templates/${theirs}`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('template_not_found');
    await page.goto(`${stack.api.url}/console/templates/${mine}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ours only');
    // Nor through the API with another tenant's app.
    const foreign = await page.evaluate(async (appId) => (await fetch('/v1/templates', { headers: { 'x-tern-app': appId } })).status, otherTenant.appId);
    expect(foreign).toBe(403);
    await page.close();
  });
});
