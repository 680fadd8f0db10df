import '../support/temporal.ts';
import { expect } from 'vitest';
import { describe, test } from '../support/fixtures.ts';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.ts';

describe('the console in Chromium: operators and admins', () => {
  let stack: ConsoleStack;
  test.beforeAll(async ({ database, tenant }) => {
    stack = await startConsoleStack(database, tenant);
    return () => stack.stop();
  });

  test('an operator makes a tenant with an app, tops it up and invites its owner in English, who accepts in a browser of their own', async () => {
    const operator = await stack.signIn('operator', { locale: 'en' });
    await operator.getByLabel('Name').fill('Browser Co');
    await operator.getByRole('button', { name: 'Create the tenant' }).click();
    await expect.poll(() => operator.getByRole('heading', { level: 1 }).textContent()).toBe('Browser Co');

    const apps = operator.getByRole('region', { name: 'Apps' });
    await apps.getByLabel('Name').fill('Shop');
    await apps.getByLabel('International sender id').fill('BROWSERCO');
    await apps.getByRole('button', { name: 'Create an app' }).click();
    await expect.poll(() => apps.locator('code.secret').count()).toBe(3);
    await expect.poll(() => apps.getByRole('table').textContent()).toContain('Shop');

    const billing = operator.getByRole('region', { name: 'Packages and quota' });
    await billing.getByLabel('Scope').selectOption('mainland');
    await billing.getByLabel('Segments').fill('1000');
    await billing.getByRole('button', { name: 'Top up' }).click();
    await expect.poll(() => billing.getByRole('table').textContent()).toContain('0 / 1,000');

    const people = operator.getByRole('region', { name: 'People' });
    await people.getByLabel('Email').fill('boss@browserco.test');
    await people.getByLabel('Name').fill('Boss');
    await people.getByLabel('Role').selectOption('tenant_owner');
    await people.getByLabel('Console language').selectOption('en');
    await people.getByRole('button', { name: 'Invite' }).click();
    const link = (await people.locator('code.secret').textContent()) ?? '';
    expect(link).toMatch(/\/console\/invitation#[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => people.getByRole('table').textContent()).toContain('Invited');

    const invited = await stack.browser.newPage();
    await invited.goto(link);
    await invited.getByLabel('新密码').fill('a long new password');
    await invited.getByLabel('再次输入密码').fill('a long new password');
    await invited.getByRole('button', { name: '设置密码并登录' }).click();
    // The invitation page is in this browser's language (Chinese, first visit); the console after it in the one
    // the operator chose for the invitee.
    await expect.poll(() => invited.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    // The token left the address bar with the first use, and does not work twice.
    expect(invited.url()).not.toContain('#');
    await invited.getByRole('link', { name: 'Packages and quota' }).click();
    await expect.poll(() => invited.getByRole('main').textContent()).toContain('1,000');
    await invited.close();
    const reuse = await fetch(`${stack.api.url}/v1/console/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.split('#')[1], password: 'another long password' }),
    });
    expect(reuse.status).toBe(404);
    await operator.close();
  });

  test('carriers with their live binds (an admin drains one and makes it active again); the workday calendar', async () => {
    const operator = await stack.signIn('operator', { locale: 'en' });
    await operator.getByRole('link', { name: 'Carriers and routes' }).click();
    await expect.poll(() => operator.getByRole('region', { name: 'sim (sim)' }).getByRole('table').textContent()).toContain('Bound');
    expect(await operator.getByRole('button', { name: 'Set Draining' }).count(), 'operators watch, admins change').toBe(0);
    const admin = await stack.signIn('admin', { locale: 'en' });
    await admin.getByRole('link', { name: 'Carriers and routes' }).click();
    const sim = admin.getByRole('region', { name: 'sim (sim)' });
    await sim.getByRole('button', { name: 'Set Draining' }).click();
    await expect.poll(() => sim.locator('.state').first().textContent()).toBe('Draining');
    await sim.getByRole('button', { name: 'Set Active' }).click();
    await expect.poll(() => sim.locator('.state').first().textContent()).toBe('Active');
    await admin.close();
    await expect.poll(() => operator.getByRole('region', { name: 'Routes', exact: true }).getByRole('table').textContent()).toContain('sim');

    await operator.getByRole('link', { name: 'Workday calendar' }).click();
    await operator.getByLabel('Year', { exact: true }).fill('2031');
    await operator.getByLabel('Holidays').fill('2031-10-01 2031-10-02');
    await operator.getByLabel('Make-up workdays').fill('2031-09-28');
    await operator.getByRole('button', { name: 'Save the year' }).click();
    await expect.poll(() => operator.getByRole('region', { name: 'Years the calendar knows' }).getByRole('table').textContent()).toContain('2031Declared by an operator');
    await operator.close();
  });

  test('an admin invites staff and disables a user, whose session ends at once', async () => {
    const member = await stack.signIn('tenant_member', { locale: 'en' });
    const admin = await stack.signIn('admin', { locale: 'en' });
    await admin.getByRole('link', { name: 'Console users' }).click();
    const invite = admin.getByRole('region', { name: 'Invite staff' });
    await invite.getByLabel('Email').fill('second.reviewer@browser.test');
    await invite.getByLabel('Name').fill('Second Reviewer');
    await invite.getByLabel('Role').selectOption('reviewer');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => invite.locator('code.secret').textContent()).toContain('/console/invitation#');

    const row = admin.getByRole('row').filter({ hasText: stack.users.tenant_member.email });
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    // The member's next request finds the session gone, and the console goes back to the sign-in page.
    await member.getByRole('link', { name: 'Templates' }).click();
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Tern');
    await row.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => row.textContent()).toContain('Active');
    for (const page of [member, admin]) await page.close();
  });
});
