import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByTestId('reserve-card').getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('smart parking', () => {
  test('a member sees the current stay and fee, occupancy, and reserves a space (375 px)', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/parking');
    await page.getByTestId('current-stay').getByText('川AD12345').first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await page.getByTestId('current-stay').innerText()).match(/¥\d+\.\d\d/)?.[0]).toBeTruthy();
    await page.getByTestId('lot-occupancy').getByText('P1 地下停车场').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'parking-member-phone');

    await page.getByTestId('reserve-card').scrollIntoViewIfNeeded();
    await pickOption(page, '停车场', 'P1 地下停车场');
    await pickOption(page, '车位', 'V-07');
    await page.getByTestId('reserve-card').getByRole('button', { name: '预约车位' }).click();
    await page.getByTestId('reserve-card').getByText('V-07').waitFor({ timeout: 20_000 });
    await noHorizontalOverflow(page);
    await screenshot(page, 'parking-member-reserved-phone');
    await context.close();
  });

  test('an operator sees lots with fee rules and the sessions, anomalies included', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/parking');
    await page.locator('.ant-table-row').filter({ hasText: 'P1 地下停车场' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'parking-operator-lots-desktop');
    await page.getByRole('tab', { name: '人工登记' }).click();
    const form = page.getByTestId('manual-read-form');
    await form.getByLabel('停车场').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'P1 地下停车场' }).click();
    await form.getByLabel('方向').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '出场' }).click();
    await form.getByLabel('车牌').fill('川Z99999');
    await form.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('无入场记录，已登记待核查').waitFor();
    await page.getByRole('tab', { name: '停车记录' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '川Z99999' }).filter({ hasText: '无入场记录' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'parking-operator-sessions-desktop');
    await context.close();
  });
});
