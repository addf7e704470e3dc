import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withUsccCheck } from '../../packages/contracts/src/uscc';
import { DESKTOP, PHONE, baseUrl, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A valid credit code no demo enterprise has (the demo uses region 510100). */
function freshCreditCode(): string {
  const digits = String(Date.now()).slice(-9);
  return withUsccCheck(`91440300${digits}`);
}

describe('the web app in a real browser', () => {
  test('shows Chinese by default and switches to English', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/login');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/登录/);
    await screenshot(page, 'login-zh-desktop');
    await login(page, 'admin');
    await expect.poll(() => page.getByTestId('page-title').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    // The demo park's 300 enterprises are counted on the dashboard.
    await expect.poll(async () => Number((await page.getByTestId('stat-enterprises').innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(300);
    await screenshot(page, 'dashboard-zh-desktop');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-en').click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Enterprises/);
    await screenshot(page, 'dashboard-en-desktop');
    await context.close();
  });

  test('an operator creates an enterprise and finds it in the list', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-table').waitFor();
    await page.getByTestId('enterprise-new').click();
    const name = `成都浏览器测试科技有限公司${Date.now() % 100000}`;
    await page.getByTestId('enterprise-legalName').fill(name);
    // A wrong check character is refused in the form, before anything is sent.
    const code = freshCreditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    await page.getByTestId('enterprise-creditCode').fill(wrong);
    await page.getByTestId('enterprise-form-submit').click();
    await expect.poll(() => page.getByTestId('enterprise-form').innerText()).toMatch(/校验|check/i);
    await page.getByTestId('enterprise-creditCode').fill(code);
    await page.getByTestId('enterprise-form-submit').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('enterprise-name').innerText()).toBe(name);
    await screenshot(page, 'enterprise-created-desktop');
    // Sign a lease of a vacant unit: the unit then counts as leased.
    await page.getByTestId('lease-new').click();
    await page.getByTestId('lease-form').locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
    const range = page.getByTestId('lease-form').locator('.ant-picker-range input');
    await range.nth(0).fill('2026-12-01');
    await range.nth(0).press('Enter');
    await range.nth(1).fill('2028-11-30');
    await range.nth(1).press('Enter');
    await page.getByTestId('lease-form').locator('.ant-input-number input').fill('12345.67');
    await page.getByTestId('lease-form-submit').click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/12,345\.67/);
    await screenshot(page, 'enterprise-lease-signed-desktop');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-search').locator('input').fill(code);
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('enterprise-table').innerText()).toContain(name);
    await screenshot(page, 'enterprise-list-search-desktop');
    await context.close();
  });

  test('an enterprise admin sees only their own enterprise and cannot open another', async () => {
    // The other enterprise's id, read through the API as an operator.
    const api = await newContext(browser);
    const login1 = await api.request.post(`${baseUrl()}/api/auth/login`, { data: { username: 'admin', password: 'Demo2026park' } });
    expect(login1.status()).toBe(200);
    const list = (await (await api.request.get(`${baseUrl()}/api/enterprises?pageSize=200`)).json()) as { items: { id: string; legalName: string }[] };
    const me = await api.request.get(`${baseUrl()}/api/users?q=ent2.admin`);
    const ent2 = ((await me.json()) as { items: { grants: { scopeId: string }[] }[] }).items[0].grants[0].scopeId;
    const other = list.items.find((e) => e.id === ent2)!;
    await api.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'ent.admin');
    const own = await page.evaluate(async () => (await (await fetch('/api/enterprises')).json()) as { total: number; items: { legalName: string }[] });
    expect(own.total).toBe(1);
    expect(own.items[0].legalName).not.toBe(other.legalName);
    await page.goto(`/enterprises/${other.id}`);
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(other.legalName);
    await screenshot(page, 'enterprise-admin-other-enterprise');
    await context.close();
  });

  test('pages fit a phone: login, menu drawer and the enterprise list', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'enterprise-list-zh-phone');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-drawer').waitFor();
    await screenshot(page, 'nav-drawer-zh-phone');
    await context.close();
    expect(DESKTOP.width).toBeGreaterThan(PHONE.width);
  });
});
