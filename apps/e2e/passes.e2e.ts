import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Reads the QR on screen with an independent decoder (jsQR) from a screenshot of the element. */
async function readQr(png: Buffer): Promise<string | undefined> {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}

describe('passes in a real browser (phone)', () => {
  let visitorLink = '';

  test('a member opens their pass on a phone; the QR on screen decodes to the signed payload', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/passes/me');
    const qr = page.getByTestId('pass-qr');
    await qr.waitFor();
    const text = await qr.getAttribute('data-qr-text');
    expect(text).toMatch(/^PK1\.[A-Za-z0-9_-]+$/);
    expect(await readQr(await qr.screenshot())).toBe(text);
    await expect.poll(() => page.getByTestId('qr-valid-until').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    // The page fits the phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'passes-member-phone');
    // Refresh gives a new signed code for the same pass.
    await page.getByTestId('pass-refresh').click();
    await expect.poll(() => qr.getAttribute('data-qr-text'), { timeout: 10_000 }).not.toBe(text);

    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-name').fill('访客 张三');
    await page.getByTestId('invite-phone').fill('13812345678');
    await page.getByTestId('invite-purpose').fill('商务拜访');
    await page.getByTestId('invite-submit').click();
    const link = page.getByTestId('invite-link');
    await link.waitFor();
    visitorLink = (await link.innerText()).trim();
    expect(visitorLink).toMatch(/\/visit\/[A-Za-z0-9_-]{32,}$/);
    await screenshot(page, 'passes-invite-link-phone');
    await context.close();
  });

  test('the visitor opens the invitation link without an account and sees the pass QR', async () => {
    expect(visitorLink).not.toBe('');
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto(new URL(visitorLink).pathname);
    await page.getByTestId('visitor-pass').waitFor();
    await expect.poll(() => page.getByTestId('visitor-pass').innerText()).toMatch(/访客 张三/);
    const qr = page.getByTestId('pass-qr');
    expect(await readQr(await qr.screenshot())).toBe(await qr.getAttribute('data-qr-text'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'passes-visitor-phone');
    // A wrong link says so.
    await page.goto('/visit/this-is-not-a-valid-token-at-all');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/链接无效|invalid/);
    await context.close();
  });

  test('an operator sees scan charts and revokes the visitor’s pass; the link then shows it revoked', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/passes');
    await page.getByTestId('scan-chart-hourly').waitFor();
    await page.getByTestId('scan-chart-reasons').waitFor();
    const row = page.getByTestId('passes-table').locator('tr.ant-table-row', { hasText: '访客 张三' });
    await row.waitFor();
    await screenshot(page, 'passes-operator-desktop');
    await row.locator('button[data-testid^="revoke-"]').click();
    await page.getByTestId('revoke-reason').fill('访问取消');
    await page.getByTestId('revoke-submit').click();
    await expect.poll(() => row.innerText()).toMatch(/已作废/);
    await page.getByTestId('tab-scans').click();
    await page.getByTestId('scans-table').locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, 'passes-scan-log-desktop');
    const visitor = await newContext(browser, PHONE);
    const vpage = await visitor.newPage();
    await vpage.goto(new URL(visitorLink).pathname);
    await expect.poll(() => vpage.getByTestId('visitor-pass').innerText()).toMatch(/已作废|失效/);
    await screenshot(vpage, 'passes-visitor-revoked-phone');
    await visitor.close();
    await context.close();
  });
});
