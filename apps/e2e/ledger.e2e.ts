import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';
import { expectAllChecksPassed } from './ledger-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Records one fresh audit entry (a device registration), so the newest row is this run's own. */
async function recordAnEntry(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const parks = (await (await fetch('/api/parks')).json()) as { id: string }[];
    const res = await fetch('/api/devices', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify({ code: `LEDGER-${Date.now()}`, name: 'ledger e2e', type: 'generic', parkId: parks[0].id }),
    });
    if (!res.ok) throw new Error(`device not created: ${res.status} ${await res.text()}`);
  });
}

describe('the tamper-evident ledger in a real browser', () => {
  test('the newest audit entry verifies in the browser: leaf hash, inclusion, key and signature', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await recordAnEntry(page);
    await page.goto('/audit-log');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // The action reads in words (设备已创建), the record by its name.
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().innerText()).toContain('设备已创建');
    await table.locator('tbody tr.ant-table-row').first().locator('[data-testid^="ledger-verify-"]').click();
    await expectAllChecksPassed(page);
    await screenshot(page, 'ledger-verify-newest-desktop');
    await context.close();
  });

  test('the Ledger page checks the latest signed head, and a fresh head covers the newest entry', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await recordAnEntry(page);
    await page.goto('/ledger');
    await page.getByTestId('ledger-sign').click();
    await expect.poll(() => page.getByTestId('ledger-head-valid').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('ledger-head-invalid').count()).toBe(0);
    // The newest audit entry, verified against that head from the page's own form.
    const newest = await page.evaluate(async () => ((await (await fetch('/api/audit-log?pageSize=1')).json()) as { items: { id: number }[] }).items[0].id);
    // antd puts the test id on the <input> itself or on its wrapper, depending on the version.
    await page.locator('input[data-testid="ledger-audit-id"], [data-testid="ledger-audit-id"] input').first().fill(String(newest));
    await page.getByTestId('ledger-verify-go').click();
    await expectAllChecksPassed(page);
    await screenshot(page, 'ledger-page-desktop');
    await context.close();
  });

  test('the verification dialog fits a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/audit-log');
    // On a phone the audit log is a list.
    const list = page.getByTestId('audit-list');
    await list.locator('[data-testid^="ledger-verify-"]').first().waitFor();
    await list.locator('[data-testid^="ledger-verify-"]').first().click();
    await expectAllChecksPassed(page);
    await screenshot(page, 'ledger-verify-newest-phone');
    await context.close();
    expect(PHONE.width).toBeLessThan(DESKTOP.width);
  });
});

describe('background jobs on the audit log page', () => {
  test('a company-wide operator sees every worker job with its period and last run, in Chinese and English', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/audit-log');
    const card = page.getByTestId('background-jobs');
    // The worker's first runs (rollup, tree head, …) have been recorded by now, or will be within a poll.
    await expect.poll(async () => card.innerText(), { timeout: 30_000 }).toContain('history.rollup');
    const text = await card.innerText();
    for (const id of ['ledger.sign-head', 'history.retention', 'workorders.escalation', 'files.cleanup']) expect(text).toContain(id);
    expect(text).toContain('遥测汇总');
    expect(text).toContain('后台任务');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'background-jobs-zh-desktop');
    await page.evaluate(() => localStorage.setItem('parkos.lang', 'en'));
    await page.reload();
    await expect.poll(async () => page.getByTestId('background-jobs').innerText(), { timeout: 15_000 }).toContain('Telemetry rollups');
    await page.getByTestId('background-jobs').scrollIntoViewIfNeeded();
    await screenshot(page, 'background-jobs-en-desktop');
    await context.close();
  });
});
