import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';
import { expectAllChecksPassed } from './ledger-checks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

const fenOf = (text: string) => Number(text.replace(/[^0-9.]/g, '').replace('.', ''));

describe('bills and unified payment on a phone (375 px)', () => {
  test('a member cancels a payment; its order is closed at the provider and the pay page refuses it', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/bills');
    const checks = page.locator('[data-testid^="bill-check-"]');
    await expect.poll(() => checks.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await checks.nth(0).click();
    const checkout = page.waitForResponse((r) => r.url().endsWith('/api/payments/checkout') && r.request().method() === 'POST');
    await page.getByTestId('checkout-pay').click();
    const payment = (await (await checkout).json()) as { id: string };
    await page.waitForURL(/\/sandbox-pay\//);
    const payUrl = page.url();
    // The payer leaves the cashier and cancels on ParkOS's payment page.
    await page.goto(`/payments/${payment.id}`);
    await page.getByTestId('payment-cancel').click();
    await page.getByTestId('payment-closed').waitFor({ timeout: 20_000 });
    // The old cashier tab can no longer take money.
    await page.goto(payUrl);
    expect(await page.getByTestId('sandbox-status').innerText()).toContain('closed');
    expect(await page.getByTestId('sandbox-pay').count()).toBe(0);
    await screenshot(page, 'billing-sandbox-closed-phone');
    await context.close();
  });

  test('a member selects two bills, pays them in the sandbox, sees the receipt and the bills paid', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/bills');
    const checks = page.locator('[data-testid^="bill-check-"]');
    await expect.poll(() => checks.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const ids = await Promise.all([0, 1].map(async (i) => (await checks.nth(i).getAttribute('data-testid'))!.replace('bill-check-', '')));
    await checks.nth(0).click();
    await checks.nth(1).click();
    const total = await page.getByTestId('checkout-total').innerText();
    expect(fenOf(total)).toBeGreaterThan(0);
    await noHorizontalOverflow(page);
    await screenshot(page, 'billing-member-select-phone');

    await page.getByTestId('checkout-pay').click();
    await page.waitForURL(/\/sandbox-pay\//);
    expect(fenOf(await page.getByTestId('sandbox-amount').innerText())).toBe(fenOf(total));
    await noHorizontalOverflow(page);
    await screenshot(page, 'billing-sandbox-page-phone');
    await page.getByTestId('sandbox-pay').click();

    await page.waitForURL(/\/payments\/[0-9a-f-]+$/);
    await page.getByTestId('payment-succeeded').waitFor({ timeout: 30_000 });
    await screenshot(page, 'billing-payment-success-phone');
    await page.getByTestId('view-receipt').click();
    await page.getByTestId('receipt').waitFor();
    expect(fenOf(await page.getByTestId('receipt-total').innerText())).toBe(fenOf(total));
    await noHorizontalOverflow(page);
    await screenshot(page, 'billing-receipt-phone');

    await page.goto('/bills');
    await page.getByTestId('bills-tabs').getByText('已缴账单').click();
    for (const id of ids) await page.getByTestId(`receipt-link-${id}`).waitFor({ timeout: 20_000 });
    await screenshot(page, 'billing-member-paid-phone');
    // Once paid, the bills are no longer offered for payment.
    await page.getByTestId('bills-tabs').getByText('待缴账单').click();
    await page.waitForLoadState('networkidle');
    for (const id of ids) expect(await page.getByTestId(`bill-check-${id}`).count()).toBe(0);
    await context.close();
  });

  test('an enterprise admin sees the enterprise’s rent, property and utilities bills to pay', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.admin');
    await page.goto('/bills');
    await page.getByText('租金', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByText('物业费', { exact: true }).first().waitFor();
    // Members' personal parking bills are not the admin's.
    expect(await page.getByText('川AD12345').count()).toBe(0);
    await noHorizontalOverflow(page);
    await screenshot(page, 'billing-enterprise-admin-phone');
    await page.getByTestId('bills-tabs').getByText('对账单').click();
    await page.getByTestId('statement').getByText('租金').first().waitFor({ timeout: 20_000 });
    await noHorizontalOverflow(page);
    await screenshot(page, 'billing-enterprise-statement-phone');
    await context.close();
  });

  test('an operator sees bills, payments and a reconciliation report with the member’s payment matched', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/bills');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'billing-operator-bills-desktop');
    await page.goto('/billing/reconciliation');
    await page.getByTestId('recon-matched').waitFor();
    await expect.poll(async () => Number((await page.getByTestId('recon-matched').locator('.ant-statistic-content-value').innerText()).trim()), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    // Money that arrives for a payment no longer expected has its own figure (none in the demo).
    expect(await page.getByTestId('recon-unexpected').innerText()).toContain('异常到账');
    await screenshot(page, 'billing-reconciliation-desktop');
    // The receipt of the paid payment: its audit entry verifies against the tamper-evident ledger.
    const href = await page.locator('.ant-table-row a[href^="/payments/"]').first().getAttribute('href');
    await page.goto(`${href}/receipt`);
    await page.getByTestId('receipt').waitFor();
    await page.getByTestId('receipt').locator('[data-testid^="ledger-verify-"]').click();
    await expectAllChecksPassed(page);
    await screenshot(page, 'billing-receipt-verify-desktop');
    await context.close();
  });
});
