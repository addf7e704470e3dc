import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, login, newContext, screenshot, switchToEnglish } from './browser';
import { ROOT } from './server-process';

/**
 * Accessibility of the main pages: axe-core (WCAG 2.0/2.1 A and AA rules) runs inside the page,
 * and no violation of impact "serious" or "critical" may remain. Keyboard-only use of the login
 * form and of the work-order request is checked too.
 */

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Rule + selector pairs we cannot fix because the markup belongs to a third-party component.
 * Each one says why; keep this list short and specific.
 */
const EXCLUDED: { rule: string; selector: RegExp; why: string }[] = [];

function isExcluded(rule: string, node: AxeNode): boolean {
  return EXCLUDED.some((e) => e.rule === rule && node.target.some((t) => e.selector.test(t)));
}

/** Runs axe on the page as it is now; returns the serious and critical violations (exclusions removed), formatted. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  }) as AxeViolation[];
  const lines: string[] = [];
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    const nodes = v.nodes.filter((n) => !isExcluded(v.id, n));
    if (nodes.length === 0) continue;
    lines.push(`${v.id} [${v.impact}] ${v.help} — ${v.helpUrl}`);
    for (const n of nodes.slice(0, 8)) lines.push(`    ${n.target.join(' ')}  ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`);
    if (nodes.length > 8) lines.push(`    … and ${nodes.length - 8} more`);
  }
  return lines;
}

/** Asserts the page has no serious/critical violations, a <title> of its own and the <html lang> of the UI language. */
async function expectAccessible(page: Page, name: string, lang = 'zh-CN'): Promise<void> {
  // Let entrance animations (antd motion, ECharts) finish: contrast is measured on the final colours.
  await page.waitForTimeout(900);
  await screenshot(page, `a11y-${name}`);
  const lines = await seriousViolations(page);
  if (lines.length > 0) console.log(`accessibility violations on ${name} (${page.url()}):\n${lines.join('\n')}`);
  expect(lines, `${name}: serious/critical accessibility violations`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  // One visible <h1> names the page, and the browser tab's title is "<that heading> - ParkOS".
  const h1 = page.locator('h1:visible');
  expect(await h1.count(), `${name}: one visible <h1>`).toBe(1);
  const heading = (await h1.innerText()).trim();
  const title = await page.title();
  if (await page.getByTestId('page-title').count()) expect(title, `${name}: the page title names the page`).toBe(`${heading} - ParkOS`);
  else expect(title, `${name}: the page title names the page`).toMatch(/^\S.* - ParkOS$/);
}

/** The text of the page's <title> without the product suffix, e.g. "企业管理". */
async function pageTitle(page: Page): Promise<string> {
  return (await page.title()).replace(/\s*[-|·]\s*ParkOS.*$/, '').trim();
}

let browser: Browser;
let admin: BrowserContext;
let adminPage: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await newContext(browser, DESKTOP);
  adminPage = await admin.newPage();
  await login(adminPage, 'admin');
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

/** Opens a path as the admin and waits for the page heading (and, if given, an element of the page). */
async function open(pathname: string, testId?: string): Promise<Page> {
  await adminPage.goto(pathname);
  await adminPage.getByTestId('page-title').first().waitFor();
  if (testId) await adminPage.getByTestId(testId).first().waitFor({ timeout: 20_000 });
  return adminPage;
}

describe('accessibility (axe-core, WCAG 2 A/AA) of the main pages', () => {
  test('login page, in Chinese and in English', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    await expectAccessible(page, 'login-zh');
    // The language switch changes <html lang> and the title.
    const zhTitle = await page.title();
    await page.evaluate(() => localStorage.setItem('parkos.lang', 'en'));
    await page.reload();
    await page.getByTestId('login-submit').waitFor();
    await expectAccessible(page, 'login-en', 'en');
    expect(await page.title()).not.toBe(zhTitle);
    await context.close();
  });

  test('dashboard', async () => {
    const page = await open('/', 'stat-enterprises');
    await expectAccessible(page, 'dashboard');
    expect(await pageTitle(page)).toBe((await page.getByTestId('page-title').first().innerText()).trim());
  });

  test('switching to English in the header changes <html lang> and the page title', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.getByTestId('stat-enterprises').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const zhTitle = await page.title();
    expect(zhTitle).toMatch(/[\u4e00-\u9fff]/);
    // The switch is named by its purpose and the current language (visible text included).
    expect(await page.getByTestId('lang-switch').getAttribute('aria-label')).toContain('简体中文');
    expect(await switchToEnglish(page)).toBe('en');
    await expect.poll(() => page.title()).not.toBe(zhTitle);
    expect(await page.title()).not.toMatch(/[\u4e00-\u9fff]/);
    await expectAccessible(page, 'dashboard-en', 'en');
    await context.close();
  });

  test('enterprises list and detail', async () => {
    const page = await open('/enterprises', 'enterprise-table');
    await page.locator('[data-testid="enterprise-table"] tbody tr.ant-table-row').first().waitFor();
    await expectAccessible(page, 'enterprises');
    const listTitle = await pageTitle(page);
    await page.locator('[data-testid="enterprise-table"] tbody a[href^="/enterprises/"]').first().click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await page.getByTestId('enterprise-name').waitFor();
    await expectAccessible(page, 'enterprise-detail');
    expect(await pageTitle(page)).not.toBe(listTitle);
  });

  test('devices list and detail', async () => {
    const page = await open('/devices', 'device-table');
    await page.locator('[data-testid^="device-link-"]').first().waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'devices');
    await page.locator('[data-testid^="device-link-"]').first().click();
    await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
    await page.getByTestId('device-code').waitFor();
    await expectAccessible(page, 'device-detail');
  });

  test('alarms', async () => {
    const page = await open('/alarms', 'alarm-table');
    await page.locator('[data-testid="alarm-table"] tbody tr.ant-table-row').first().waitFor();
    await expectAccessible(page, 'alarms');
  });

  test('IOC big screen (dark theme)', async () => {
    await adminPage.goto('/ioc');
    await adminPage.getByTestId('ioc-screen').waitFor();
    await adminPage.getByTestId('ioc-consumption').waitFor({ timeout: 20_000 });
    await expectAccessible(adminPage, 'ioc');
  });

  test('work orders list, detail and the new request form', async () => {
    const page = await open('/work-orders', 'wo-row-title');
    await expectAccessible(page, 'work-orders');
    await page.getByTestId('wo-row-title').first().click();
    await page.getByTestId('wo-timeline').waitFor();
    await expectAccessible(page, 'work-order-detail');
    await open('/work-orders/new', 'wo-form-title');
    await expectAccessible(page, 'work-order-new');
  });

  test('users and audit log', async () => {
    const page = await open('/users', 'user-table');
    await page.locator('[data-testid="user-table"] tbody tr.ant-table-row').first().waitFor();
    await expectAccessible(page, 'users');
    await open('/audit-log', 'audit-table');
    await page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first().waitFor();
    await expectAccessible(page, 'audit-log');
  });

  describe('a member on a phone (375 px)', () => {
    let member: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      member = await newContext(browser, PHONE);
      page = await member.newPage();
      await login(page, 'ent.member');
    });
    afterAll(() => member?.close());

    test('member home', async () => {
      await page.goto('/');
      await page.getByTestId('page-title').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'member-home-phone');
    });

    test('news feed', async () => {
      await page.goto('/news');
      await page.getByTestId('news-card').first().waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'news-phone');
    });

    test('events', async () => {
      await page.goto('/events');
      await page.getByTestId('event-card').first().waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'events-phone');
    });

    test('parking', async () => {
      await page.goto('/parking');
      await page.getByTestId('reserve-card').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'parking-phone');
    });

    test('bills and the payment page', async () => {
      // A bill of our own, so paying it does not take the demo bills other browser tests use.
      const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string; grants: { role: string; scopeId: string | null }[] } };
      const enterpriseId = me.user.grants.find((g) => g.role === 'member')!.scopeId!;
      const op = await newContext(browser, DESKTOP);
      const res0 = await op.request.post('/api/auth/login', { data: { username: 'operator', password: DEMO_PASSWORD } });
      expect(res0.status()).toBe(200);
      const { csrfToken } = (await (await op.request.get('/api/auth/me')).json()) as { csrfToken: string };
      const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      const res = await op.request.post('/api/bills', {
        data: { enterpriseId, userId: me.user.id, kind: 'other', period: due.slice(0, 7), title: `无障碍检查费 ${Date.now() % 100000}`, amountFen: 100, dueDate: due },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(res.status(), await res.text()).toBe(201);
      const billId = ((await res.json()) as { id: string }).id;
      await op.close();

      await page.goto('/bills');
      await page.getByTestId(`bill-check-${billId}`).waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'bills-phone');
      await page.getByTestId(`bill-check-${billId}`).click();
      await page.getByTestId('checkout-pay').click();
      await page.waitForURL(/\/sandbox-pay\//);
      await page.getByTestId('sandbox-pay').click();
      await page.waitForURL(/\/payments\/[0-9a-f-]+$/);
      await page.getByTestId('payment-succeeded').waitFor({ timeout: 30_000 });
      await expectAccessible(page, 'payment-phone');
    });
  });
});

describe('keyboard only', () => {
  test('the login form is filled and sent with Tab and Enter', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    // The username field has focus on arrival; Tab moves to the password, Enter sends.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('login-username');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('page-title').first().waitFor();
    await context.close();
  });

  test('a member files a work-order request with the keyboard only', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/work-orders/new');
    await page.getByTestId('wo-form-title').waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    /** Presses Tab until the element with the test id has focus (at most 40 times). */
    const tabTo = async (testId: string) => {
      for (let i = 0; i < 40; i++) {
        if ((await focused()) === testId) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${testId} (focus is on ${await focused()})`);
    };
    const title = `键盘报修 灯不亮 ${Date.now() % 100000}`;
    // The first Tab stop is the skip link; Enter on it moves focus past the menu to the page.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await tabTo('wo-form-title');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('wo-form-description');
    await page.keyboard.type('走廊灯不亮');
    await tabTo('wo-form-building');
    await page.keyboard.type('A1栋');
    await page.keyboard.press('Enter');
    await tabTo('wo-form-location');
    await page.keyboard.type('3楼走廊');
    // The photo picker is reachable by keyboard too, and then the submit button.
    await tabTo('wo-form-submit');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    await page.getByTestId('wo-timeline').waitFor();
    expect(await page.locator('body').innerText()).toContain(title);
    await context.close();
  });
});
