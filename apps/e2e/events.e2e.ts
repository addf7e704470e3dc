import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('events in a real browser', () => {
  let eventPath = '';
  let checkInCode = '';

  test('a member registers for an event on a phone and gets a check-in QR', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/events');
    const card = page.getByTestId('event-card').filter({ hasText: '消防安全培训' });
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'events-list-phone');
    await card.click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventPath = new URL(page.url()).pathname;
    await page.getByTestId('event-register').click();
    await expect.poll(() => page.getByTestId('registration-status').first().innerText()).toMatch(/已报名/);
    const qr = page.getByTestId('checkin-qr');
    await qr.waitFor();
    checkInCode = (await qr.getAttribute('data-qr-text')) ?? '';
    expect(checkInCode).toMatch(/^EV1\./);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'events-registered-phone');
    // The .ics download is a calendar.
    const ics = await page.request.get(`/api${eventPath}/ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    await context.close();
  });

  test('a full event puts the member on the waitlist', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/events');
    await page.getByTestId('event-card').filter({ hasText: 'AI 创业沙龙' }).click();
    await page.getByTestId('event-register').click();
    await expect.poll(() => page.getByTestId('registration-status').first().innerText()).toMatch(/候补第 1 位/);
    await screenshot(page, 'events-waitlisted-phone');
    await context.close();
  });

  test('an operator checks the attendee in with the code from the QR', async () => {
    expect(checkInCode).not.toBe('');
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto(eventPath);
    await page.getByTestId('registrations-table').locator('tr.ant-table-row', { hasText: '刘洋' }).waitFor();
    await page.getByTestId('checkin-code').fill(checkInCode);
    await page.getByTestId('checkin-submit').click();
    await expect.poll(() => page.getByTestId('registrations-table').locator('tr.ant-table-row', { hasText: '刘洋' }).innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await screenshot(page, 'events-checkin-desktop');
    await context.close();
  });
});
