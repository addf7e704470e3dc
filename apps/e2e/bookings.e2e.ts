import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, PHONE, launchBrowser, login, newContext, screenshot, switchToEnglish } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ROOM = '创新大厦 3F 301 会议室';
const TITLE = '新员工入职培训';
/** Shanghai day `n` days from today, `YYYY-MM-DD`. */
const shanghaiDay = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('bookings in a real browser', () => {
  // Tomorrow (Shanghai) at 19:30: free in the demo data (its bookings end by 17:00), inside 08:00–21:00.
  const day = shanghaiDay(1);
  const cell = `slot-${day}-1930`;
  let resourcePath = '';

  test('a member books a free slot from the calendar on a phone; the booking and its bill appear', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/bookings?category=meeting_room');
    const card = page.locator('[data-testid^="resource-"]').filter({ hasText: ROOM });
    await card.waitFor();
    expect(await page.locator('[data-testid^="resource-"]').filter({ hasText: 'GPU' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'bookings-resources-phone');
    await card.getByRole('button').click();
    await page.waitForURL(/\/bookings\/resources\/[0-9a-f-]{36}$/);
    resourcePath = new URL(page.url()).pathname;
    // The phone shows one day: step to tomorrow.
    await page.getByTestId('calendar-next').click();
    const slot = page.getByTestId(cell);
    await expect.poll(() => slot.getAttribute('data-state')).toBe('free');
    // Tomorrow 09:00 is booked by the member's own enterprise in the demo data: shown with its title.
    await expect.poll(() => page.getByTestId(`slot-${day}-0900`).getAttribute('data-state')).toBe('mine');
    await slot.click();
    await page.getByTestId('booking-title').fill(TITLE);
    expect(await page.getByTestId('booking-fee').innerText()).toBe('¥25.00');
    await screenshot(page, 'bookings-book-phone');
    await page.getByTestId('booking-submit').click();
    await expect.poll(() => slot.getAttribute('data-state')).toBe('mine');
    expect(await slot.innerText()).toContain(TITLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'bookings-calendar-phone');

    // My bookings: the booking, confirmed, with its unpaid bill.
    await page.goto('/bookings?tab=mine');
    // On a phone each booking is a card.
    const row = page.getByTestId('responsive-row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/已确认[\s\S]*¥25\.00[\s\S]*待支付/);
    const bookingId = (await row.locator('[data-testid^="booking-bill-"]').getAttribute('data-testid'))!.replace('booking-bill-', '');
    // The bill went to the enterprise: the booking's API shows it open, for 25 yuan.
    const booking = (await (await page.request.get(`/api/bookings/${bookingId}`)).json()) as { billId: string; billStatus: string; feeFen: number };
    expect(booking).toMatchObject({ billStatus: 'open', feeFen: 2500 });

    // In English the pages read in English and still fit the phone.
    expect(await switchToEnglish(page)).toBe('en');
    for (const path of ['/bookings', resourcePath]) {
      await page.goto(path);
      await page.locator('.ant-tabs-tab-btn, [data-testid="booking-calendar"]').first().waitFor();
      const chrome = await page.locator('.app-content').locator('.ant-tabs-tab-btn, .ant-btn, .ant-table-thead th, .ant-segmented-item-label, .ant-alert-message').allInnerTexts();
      expect(chrome.filter((text) => /[\u4e00-\u9fff]/.test(text))).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(page, 'bookings-calendar-phone-en');
    await context.close();

    // The enterprise's admin finds the bill among the enterprise's bills (through the API; one browser login per user).
    const adminApi = await newContext(browser);
    expect((await adminApi.request.post('/api/auth/login', { data: { username: 'ent.admin', password: DEMO_PASSWORD } })).status()).toBe(200);
    const bills = (await (await adminApi.request.get('/api/bills?kind=booking&pageSize=200')).json()) as { items: { id: string; title: string; amountFen: number; status: string }[] };
    expect(bills.items.find((b) => b.id === booking.billId)).toMatchObject({ title: `${ROOM} ${day} 19:30–20:00`, amountFen: 2500, status: 'open' });
    await adminApi.close();
  });

  test('another enterprise sees the slot busy without who or what; its admin’s bill list does not have it', async () => {
    expect(resourcePath).not.toBe('');
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'ent2.admin');
    await page.goto(resourcePath);
    const slot = page.getByTestId(cell);
    // The week view: tomorrow may be in next week.
    await page.getByTestId('booking-calendar').waitFor();
    if ((await slot.count()) === 0) await page.getByTestId('calendar-next').click();
    await expect.poll(() => slot.getAttribute('data-state')).toBe('busy');
    expect(await slot.innerText()).toBe('已占用');
    const calendar = await page.getByTestId('booking-calendar').innerText();
    expect(calendar).not.toContain(TITLE);
    expect(calendar).not.toContain('季度经营分析会');
    const slots = await page.request.get(`/api${resourcePath.replace('/bookings/resources', '/booking-resources')}/slots?from=${new Date(Date.now()).toISOString()}&to=${new Date(Date.now() + 3 * 86_400_000).toISOString()}`);
    expect(await slots.text()).not.toContain(TITLE);
    await screenshot(page, 'bookings-calendar-other-enterprise');
    // A free slot next to it is still bookable for them.
    await expect.poll(() => page.getByTestId(`slot-${day}-2000`).getAttribute('data-state')).toBe('free');
    await page.goto('/bills');
    await page.getByTestId('bills-tabs').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(TITLE);
    await context.close();
  });

  test('an operator sees every booking with its enterprise on the admin page and cancels one: its unpaid bill is voided', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/bookings/admin');
    await page.locator('tr.ant-table-row', { hasText: 'GPU' }).waitFor();
    await page.getByRole('tab', { name: '全部预约' }).click();
    const row = page.locator('tr.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/刘洋/);
    await screenshot(page, 'bookings-admin');
    await row.getByRole('button', { name: '取消预约' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确 定' }).or(page.locator('.ant-popconfirm').getByRole('button', { name: '确定' })).first().click();
    await expect.poll(() => row.innerText()).toMatch(/已取消[\s\S]*已作废/);
    await context.close();
  });
});
