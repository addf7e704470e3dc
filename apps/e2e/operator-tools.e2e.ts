import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, baseUrl, launchBrowser, login, newContext, pickIn, screenshot } from './browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  await login(page, 'admin');
});
afterAll(() => browser?.close());

const apiGet = async <T>(path: string): Promise<T> => (await (await page.request.get(`${baseUrl()}/api${path}`)).json()) as T;

describe('operator tools', () => {
  test('a new user has no role until one is chosen; granting all parks asks first', async () => {
    const username = `e2e.op${Date.now() % 100000}`;
    await page.goto('/users');
    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    expect(await form.getByTestId('grant-role').innerText()).not.toContain('园区运营');
    await form.locator('#username').fill(username);
    await form.locator('#displayName').fill('浏览器 测试');
    await form.locator('#password').fill('Browser-test-2026!');
    await page.getByTestId('user-form-submit').click();
    await expect.poll(() => form.innerText()).toContain('请选择角色');
    await screenshot(page, 'operator-user-no-role-desktop');
    expect((await apiGet<{ total: number }>(`/users?q=${username}`)).total).toBe(0);

    await pickIn(page, form.getByTestId('grant-role'), '园区运营');
    await pickIn(page, form.getByTestId('grant-scope-type'), '全部园区');
    await page.getByTestId('user-form-submit').click();
    const confirm = page.getByTestId('all-parks-confirm');
    await confirm.waitFor();
    await screenshot(page, 'operator-user-all-parks-confirm-desktop');
    // Declining sends nothing; confirming creates the user with the grant.
    // Ant Design spaces two-character button labels (取 消).
    await page.locator('.ant-modal .ant-btn', { hasText: /取\s*消/ }).last().click();
    await page.waitForTimeout(500);
    expect((await apiGet<{ total: number }>(`/users?q=${username}`)).total).toBe(0);
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('all-parks-confirm').click();
    await expect.poll(async () => (await apiGet<{ items: { grants: { role: string; scopeType: string }[] }[] }>(`/users?q=${username}`)).items[0]?.grants).toEqual([{ role: 'operator', scopeType: 'all', scopeId: null }]);
  });

  test('the workbench shows today’s figures, each opening its list filtered; the pass list has the scans the chart counts, by gate name', async () => {
    await page.goto('/');
    const scans = page.getByTestId('wb-scans-link');
    await scans.waitFor();
    await screenshot(page, 'operator-workbench-desktop');
    const scanCount = Number((await scans.innerText()).replace(/\D/g, ''));
    expect(scanCount).toBeGreaterThan(0);
    expect(Number((await page.getByTestId('wb-visitors-link').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('wb-collection-link').innerText()).toMatch(/%/);

    await scans.click();
    await page.waitForURL(/\/passes\?tab=scans&from=/);
    const table = page.getByTestId('scans-table');
    await expect.poll(() => table.innerText()).toMatch(/北门人行闸机|南门人行闸机/);
    await expect.poll(() => page.locator('.ant-pagination-total-text, .ant-pagination').first().count()).toBeGreaterThan(0);
    // The chart's legend is built from the gates' names, never their codes.
    const stats = await apiGet<{ buckets: { gateName: string }[] }>('/passes/scan-stats');
    const names = new Set(stats.buckets.map((b) => b.gateName));
    expect(names).toContain('北门人行闸机');
    expect([...names].some((n) => /^gate-/.test(n))).toBe(false);
    await screenshot(page, 'operator-passes-scans-desktop');

    await page.goto('/');
    await page.getByTestId('wb-visitors-link').click();
    await page.waitForURL(/\/passes\?kind=visitor&validOn=/);
    await expect.poll(() => page.getByTestId('passes-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('passes-table').innerText()).toContain('访客');

    await page.goto('/');
    await page.getByTestId('wb-collection-link').click();
    await page.waitForURL(/\/bills\?period=\d{4}-\d{2}/);
    await page.getByTestId('bills-table').locator('tbody tr.ant-table-row').first().waitFor();
  });

  test('bills show who pays, filter by enterprise and export the filtered list as .xlsx', async () => {
    const month = new URL(page.url()).searchParams.get('period')!;
    const list = await apiGet<{ items: { enterpriseName: string; title: string }[] }>(`/bills?period=${month}&kind=utilities&pageSize=5`);
    const payer = list.items[0].enterpriseName;
    expect(payer).toBeTruthy();
    await expect.poll(() => page.getByTestId('bills-table').innerText()).toContain(payer.slice(0, 8));
    // 200 enterprises make a long, virtual list: type to search, as an operator would.
    const filter = page.getByTestId('bills-filter-enterprise');
    await filter.click();
    await filter.locator('input').fill(payer);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: payer }).last().click();
    await expect.poll(() => filter.innerText()).toContain(payer);
    await expect.poll(async () => (await page.getByTestId('bills-table').locator('tbody tr.ant-table-row').allInnerTexts()).every((r) => r.includes(payer))).toBe(true);
    await screenshot(page, 'operator-bills-payer-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bills-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^bills-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0][0]).toBe('企业');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[0] === payer)).toBe(true);
    expect(rows.slice(1).map((r) => r[4])).toContain(month);
  });

  test('the workbench on a phone stacks its cards without sideways scroll', async () => {
    const phone = await newContext(browser, PHONE);
    const p = await phone.newPage();
    await login(p, 'operator');
    await p.getByTestId('wb-alarms-link').waitFor();
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(p, 'operator-workbench-phone');
    await phone.close();
  });
});
