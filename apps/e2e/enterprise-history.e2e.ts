import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, launchBrowser, login, newContext, screenshot } from './browser';
import { expectAllChecksPassed } from './ledger-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the history of an enterprise', () => {
  test('an enterprise admin adds a vehicle, sees it in the history and verifies the entry', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'ent.admin');
    await page.goto('/my-enterprise');
    await page.getByTestId('enterprise-name').waitFor();
    const plate = `川A${String(Date.now()).slice(-5)}`;
    await page.getByTestId('vehicle-add').click();
    await page.getByTestId('vehicle-form').locator('input').first().fill(plate);
    await page.getByTestId('vehicle-form-submit').click();
    const history = page.getByTestId('enterprise-history-table');
    await history.waitFor();
    await expect.poll(() => history.locator('tbody tr.ant-table-row').first().innerText(), { timeout: 20_000 }).toMatch(/企业车辆已创建/);
    await history.locator('tbody tr.ant-table-row').first().locator('[data-testid^="ledger-verify-"]').click();
    await expectAllChecksPassed(page);
    await screenshot(page, 'enterprise-history-verify-desktop');
    await page.keyboard.press('Escape');
    await page.getByTestId('enterprise-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'enterprise-history-desktop');
    await context.close();
  });

  test('an operator sees the same history on the enterprise page, also on a phone', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'admin');
    const id = await page.evaluate(async () => {
      const users = (await (await fetch('/api/users?q=ent.admin')).json()) as { items: { username: string; grants: { scopeId: string }[] }[] };
      return users.items.find((u) => u.username === 'ent.admin')!.grants[0].scopeId;
    });
    await page.goto(`/enterprises/${id}`);
    const history = page.getByTestId('enterprise-history-table');
    await history.waitFor();
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByTestId('enterprise-history').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'enterprise-history-phone');
    await context.close();
  });

  test('a member does not see the history card', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/my-enterprise');
    await page.getByTestId('enterprise-name').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('enterprise-history').count()).toBe(0);
    await context.close();
  });
});
