// `npm run screenshots` (with `npm run dev` running): the console's main pages, in Chromium, into docs/screenshots.
// It first gives the demo tenant something to show (sends, a campaign, a signature application waiting for review)
// through the API, as a tenant would, then signs in as each role and photographs its pages.
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../browser/chromium.ts';
import { devStateDir } from '../stack/dev-config.ts';
import { SetupError, runMain } from '../setup-error.ts';
import { onePagePdf, solidPng } from './sample-documents.ts';

interface Dev {
  apiUrl: string;
  consoleUrl: string;
  appKey: string;
  appSecret: string;
  adminToken: string;
  templates: { id: string; name: string; region: string; params: number }[];
  consoleSignIns: { role: string; email: string; password: string }[];
}

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'docs', 'screenshots');

async function call(dev: Dev, method: string, route: string, body?: unknown, auth = `Basic ${Buffer.from(`${dev.appKey}:${dev.appSecret}`).toString('base64')}`, type = 'application/json') {
  const res = await fetch(`${dev.apiUrl}${route}`, { method, headers: { authorization: auth, 'content-type': type }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  if (!res.ok && res.status !== 409) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json().catch(() => undefined) as Promise<Record<string, unknown> | undefined>;
}

/** Sends, a small campaign and a price table, so the pages have figures, charts and progress to show. */
async function giveItSomethingToShow(dev: Dev): Promise<void> {
  const operator = `Bearer ${dev.adminToken}`;
  await call(dev, 'PUT', '/v1/admin/prices', { currency: 'CNY', prices: [{ scope: 'mainland', country: '*', segmentPrice: 4 }, { scope: 'international', country: '*', segmentPrice: 35 }] }, operator);
  const intl = dev.templates.find((t) => t.region === 'international' && t.params === 1);
  const mainland = dev.templates.find((t) => t.region === 'mainland');
  if (!intl || !mainland) throw new SetupError('The demo templates are missing from .tern/dev.json; restart `npm run dev`.');
  for (let i = 0; i < 6; i++) {
    await call(dev, 'POST', '/v1/messages', { to: [`+86138001381${String(i).padStart(2, '0')}`], templateId: mainland.id, params: [String(100_000 + i)] });
    await call(dev, 'POST', '/v1/messages', { to: [`+4474009123${String(i).padStart(2, '0')}`, `+1202555010${i}`], templateId: intl.id, params: [String(200_000 + i)] });
  }
  const rows = ['phone,code', ...Array.from({ length: 120 }, (_, i) => `+447400${800_000 + i},${300_000 + i}`), '+44123,1'].join('\n');
  const upload = await call(dev, 'POST', `/v1/campaigns/uploads?templateId=${intl.id}&name=${encodeURIComponent('December codes')}`, rows, undefined, 'text/csv');
  // Applications waiting for the reviewers: a signature with its two documents, and a template.
  const form = new FormData();
  form.set('name', '演示签名');
  form.set('type', 'notification');
  form.set('attorneyLetter', new Blob([onePagePdf('Letter of authorization')], { type: 'application/pdf' }), 'letter.pdf');
  form.set('businessLicense', new Blob([solidPng(480, 320, [30, 110, 180])], { type: 'image/png' }), 'license.png');
  const basic = `Basic ${Buffer.from(`${dev.appKey}:${dev.appSecret}`).toString('base64')}`;
  const applied = await fetch(`${dev.apiUrl}/v1/signatures`, { method: 'POST', headers: { authorization: basic }, body: form });
  if (!applied.ok && applied.status !== 409) throw new Error(`POST /v1/signatures: ${applied.status} ${await applied.text()}`);
  await call(dev, 'POST', '/v1/templates', { name: 'Order shipped', region: 'international', type: 'notification', body: 'Your order ${1} has shipped and arrives ${2}.' });
  const campaign = upload?.id ? await call(dev, 'POST', '/v1/campaigns', { name: 'December codes', uploadId: upload.id, ratePerSecond: 20 }) : undefined;
  // Until the campaign has sent its list and the receipts are in: the pages then show outcomes, not a queue.
  for (let waited = 0; campaign?.id && waited < 90; waited++) {
    const state = (await call(dev, 'GET', `/v1/campaigns/${String(campaign.id)}`)) as { status?: string } | undefined;
    if (state?.status === 'completed') break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function signIn(browser: Browser, dev: Dev, role: string, locale: 'zh-CN' | 'en'): Promise<Page> {
  const who = dev.consoleSignIns.find((s) => s.role === role);
  if (!who) throw new SetupError(`No ${role} in .tern/dev.json; restart \`npm run dev\`.`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(dev.consoleUrl);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('navigation').waitFor();
  const other = page.getByRole('button', { name: locale === 'en' ? 'English' : '中文', exact: true });
  if (await other.count()) await other.click();
  return page;
}

async function shoot(page: Page, route: string, name: string, settle?: (page: Page) => Promise<unknown>): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/console${route}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await settle?.(page);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  const dev = JSON.parse(await fs.readFile(path.join(devStateDir(), 'dev.json'), 'utf8').catch(() => 'null')) as Dev | null;
  if (!dev?.consoleSignIns) throw new SetupError('Start `npm run dev` first (in another terminal): the screenshots are of its console.');
  if (!(await fetch(`${dev.apiUrl}/healthz`).then((r) => r.ok).catch(() => false))) throw new SetupError(`Nothing answers at ${dev.apiUrl}: start \`npm run dev\` first.`);
  await fs.mkdir(out, { recursive: true });
  await giveItSomethingToShow(dev);
  const browser = await chromium.launch({ executablePath: await chromiumPath(), args: chromiumArgs });
  try {
    const anonymous = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await anonymous.goto(dev.consoleUrl);
    await anonymous.locator('#email').waitFor();
    await anonymous.screenshot({ path: path.join(out, 'sign-in.png') });
    console.log('docs/screenshots/sign-in.png');

    const owner = await signIn(browser, dev, 'tenant_owner', 'zh-CN');
    await shoot(owner, '/', 'tenant-overview', (p) => p.locator('[data-figure="messages"]').waitFor());
    await shoot(owner, '/campaigns', 'campaigns');
    const campaigns = (await call(dev, 'GET', '/v1/campaigns')) as { campaigns: { id: string }[] };
    if (campaigns.campaigns[0]) await shoot(owner, `/campaigns/${campaigns.campaigns[0].id}`, 'campaign-progress', (p) => p.locator('[data-figure="delivered"]').waitFor());
    await shoot(owner, '/statistics', 'statistics', (p) => p.locator('figure.chart svg rect').first().waitFor({ timeout: 15_000 }).catch(() => undefined));
    await shoot(owner, '/messages', 'sending-details');
    await owner.close();

    const english = await signIn(browser, dev, 'tenant_member', 'en');
    await shoot(english, '/templates', 'templates-en');
    await english.close();

    const reviewer = await signIn(browser, dev, 'reviewer', 'zh-CN');
    await shoot(reviewer, '/reviews', 'review-queue');
    const queue = (await call(dev, 'GET', '/v1/admin/reviews', undefined, `Bearer ${dev.adminToken}`)) as { reviews: { kind: string; reviewId: string }[] };
    const signature = queue.reviews.find((r) => r.kind === 'signature');
    if (signature) await shoot(reviewer, `/reviews/${signature.reviewId}`, 'review-signature', (p) => p.locator('img[data-document]').waitFor());
    await reviewer.close();

    const admin = await signIn(browser, dev, 'admin', 'zh-CN');
    await shoot(admin, '/carriers', 'carriers', (p) => p.getByText('已绑定').first().waitFor({ timeout: 10_000 }).catch(() => undefined));
    await shoot(admin, '/tenants', 'tenants');
    await admin.close();
  } finally {
    await browser.close();
  }
}

await runMain(main);
