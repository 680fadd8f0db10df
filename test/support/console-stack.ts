import { chromium, type Browser, type Page } from 'playwright-core';
import { startApi, type RunningApi } from '../../api/start-api.ts';
import { startSimulator, type Simulator } from '../../carriers/simulator/simulator.ts';
import { startManagementSimulator } from '../../carriers/simulator/management-api.ts';
import { temporalProcesses } from '../../processes/temporal-processes.ts';
import { chromiumArgs, chromiumPath } from '../../scripts/browser/chromium.ts';
import { startLocalTemporal, type LocalTemporal } from '../../scripts/stack/local-temporal.ts';
import type { ConsoleRole } from '../../domain/console-roles.ts';
import { defaultTemplateReviewSettings } from '../../worker/temporal-worker.ts';
import { startWorker, type RunningWorker } from '../../worker/start-worker.ts';
import { routeEverythingTo } from './carriers.ts';
import { createUser } from './console-session.ts';
import { testLogger } from './logger.ts';
import type { TestDatabase } from './postgres.ts';
import { testSecrets } from './secrets.ts';
import type { TestTenant } from './tenant.ts';

export interface ConsoleStack {
  api: RunningApi;
  browser: Browser;
  /** The SMPP peer every number is routed to (a handset's reply comes from here). */
  simulator: Simulator;
  users: Record<ConsoleRole, { email: string; password: string }>;
  /** A fresh page (its own cookies) signed in as `role`, on its home page; Chinese unless `locale` says otherwise. */
  signIn(role: ConsoleRole, options?: { locale?: 'en' | 'zh-CN'; as?: { email: string; password: string } }): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * The whole platform for the console's browser tests: Temporal (the dev server, with the Temporal UI link), a worker
 * whose template reviews open at once, an SMPP simulator every number is routed to, the carriers' management API
 * (unblocking), the API serving the built
 * console, one console user per role (the tenant's in `tenant`), and Debian's Chromium driven by Playwright.
 */
export async function startConsoleStack(database: TestDatabase, tenant: TestTenant): Promise<ConsoleStack> {
  const taskQueue = `console-${Math.random().toString(36).slice(2)}`;
  let temporal: LocalTemporal | undefined;
  let simulator: Simulator | undefined;
  let carrierApi: Awaited<ReturnType<typeof startManagementSimulator>> | undefined;
  let worker: RunningWorker | undefined;
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await api?.stop();
    await worker?.stop();
    await simulator?.close();
    await carrierApi?.close();
    await temporal?.teardown();
  };
  try {
    const executablePath = await chromiumPath();
    [temporal, simulator, carrierApi, browser] = await Promise.all([
      startLocalTemporal(),
      startSimulator({ receiptDelayMs: 20 }),
      startManagementSimulator({ port: 0 }),
      chromium.launch({ executablePath, args: chromiumArgs }),
    ]);
    await routeEverythingTo(database.db, simulator.port);
    worker = await startWorker({
      databaseUrl: database.url,
      temporal: { address: temporal.address, namespace: temporal.namespace, taskQueue },
      secrets: testSecrets,
      templateReview: { ...defaultTemplateReviewSettings, anytime: true },
      carrierApiUrl: carrierApi.url,
      logger: testLogger.child({}, { level: 'error' }),
    });
    api = await startApi({
      db: database.db,
      secrets: testSecrets,
      logger: testLogger,
      port: 0,
      ...temporalProcesses(temporal.client, taskQueue),
      temporalUiUrl: 'http://temporal-ui.test/namespaces/default/workflows',
    });
    const users = {
      tenant_owner: await createUser(database.db, 'owner@browser.test', 'tenant_owner', tenant.tenantId),
      tenant_member: await createUser(database.db, 'member@browser.test', 'tenant_member', tenant.tenantId),
      reviewer: await createUser(database.db, 'reviewer@browser.test', 'reviewer'),
      operator: await createUser(database.db, 'operator@browser.test', 'operator'),
      admin: await createUser(database.db, 'admin@browser.test', 'admin'),
    };
    const running = { api, browser, simulator };
    return {
      ...running,
      users,
      async signIn(role, options = {}) {
        const page = await running.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
        await page.goto(`${running.api.url}/console`);
        const who = options.as ?? users[role];
        await page.getByLabel(/^(Email|邮箱)$/).fill(who.email);
        await page.getByLabel(/^(Password|密码)$/).fill(who.password);
        await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
        await page.getByRole('navigation').waitFor();
        // Chinese is every user's default; an English test flips the switch, as a person would (it is remembered).
        const english = page.getByRole('button', { name: 'English', exact: true });
        if (options.locale === 'en' && (await english.count())) {
          await english.click();
          await page.getByRole('button', { name: 'Sign out' }).waitFor();
        }
        return page;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
