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

/** "¥1,234.56" → 123456 fen, without floating point. */
const fenOf = (text: string) => Number(text.replace(/[^0-9]/g, ''));

/** Waits until a card has left its loading state and shows neither an error nor (unless allowed) the empty state. */
async function cardLoaded(page: Page, testId: string, itemTestId: string): Promise<void> {
  const card = page.getByTestId(testId);
  await card.getByTestId(itemTestId).first().waitFor({ timeout: 20_000 });
  expect(await card.getByTestId('card-error').count()).toBe(0);
}

/** An operator issues the member a bill, so the card has one to show even after other browser tests paid the demo bills. */
async function issueBillTo(memberPage: Page): Promise<void> {
  const me = (await (await memberPage.request.get('/api/auth/me')).json()) as { user: { id: string; grants: { role: string; scopeId: string | null }[] } };
  const enterpriseId = me.user.grants.find((g) => g.role === 'member')!.scopeId!;
  const context = await newContext(browser, DESKTOP);
  const op = await context.newPage();
  await login(op, 'operator');
  const { csrfToken } = (await (await op.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const res = await op.request.post('/api/bills', {
    data: { enterpriseId, userId: me.user.id, kind: 'other', period: due.slice(0, 7), title: `E2E 会议室使用费 ${Date.now() % 100000}`, amountFen: 12_345, dueDate: due },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  await context.close();
}

describe("members' home", () => {
  test('the demo member sees pass, news, events, bills due with a total, parking and repair requests at 375 px, and opens one', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await issueBillTo(page);
    await page.goto('/');
    await page.getByTestId('member-home').waitFor();

    // Pass: a live signed QR, and a button to the full-screen pass.
    await cardLoaded(page, 'home-pass', 'home-pass-qr');
    expect(await page.getByTestId('home-pass-qr').getAttribute('data-qr-text')).toMatch(/^PK1\.[A-Za-z0-9_-]+$/);

    // Bills due: the count and the yuan total agree with the API (integer fen).
    await cardLoaded(page, 'home-bills', 'home-bills-total');
    const api = (await (await page.request.get('/api/bills?status=open&payable=true&pageSize=100')).json()) as { total: number; totalFen: number; items: { amountFen: number }[] };
    expect(api.total).toBeGreaterThan(0);
    expect(api.items.reduce((a, b) => a + b.amountFen, 0)).toBe(api.totalFen);
    expect(fenOf(await page.getByTestId('home-bills-total').innerText())).toBe(api.totalFen);
    expect(await page.getByTestId('home-bills-total').innerText()).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('home-bills-count').innerText()).toContain(String(api.total));

    // Parking: the demo car is parked now, with the fee so far.
    await cardLoaded(page, 'home-parking', 'home-parking-session');
    expect(await page.getByTestId('home-parking-session').first().innerText()).toContain('川AD12345');
    expect(await page.getByTestId('home-parking-fee').first().innerText()).toMatch(/^¥\d+\.\d{2}$/);

    // News: at most three, pinned ones first.
    await cardLoaded(page, 'home-news', 'home-news-item');
    const news = page.getByTestId('home-news-item');
    expect(await news.count()).toBeLessThanOrEqual(3);
    const pinned = await news.evaluateAll((items) => items.map((i) => i.querySelector('[data-testid="news-pinned"]') !== null));
    expect(pinned).toEqual([...pinned].sort((a, b) => Number(b) - Number(a)));

    // Events: the ones the member registered for (seeded), soonest first, with their status.
    await cardLoaded(page, 'home-events', 'home-event-item');
    const events = await page.getByTestId('home-event-item').allInnerTexts();
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(3);
    expect(events.join('\n')).toMatch(/已报名|待审核|候补/);

    // Work orders: the member's open request, and a way to file a new one.
    await cardLoaded(page, 'home-workorders', 'home-workorder-item');
    await page.getByTestId('home-workorders').getByTestId('wo-status').first().waitFor();
    await page.getByTestId('home-workorders-new').waitFor();

    await noHorizontalOverflow(page);
    await screenshot(page, 'member-home-phone');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(page, 'member-home-phone-bottom');

    // Click through: the first registered event opens its page; the pass button opens the full pass.
    const firstEvent = (await page.getByTestId('home-event-item').first().innerText()).split('\n')[0];
    await page.getByTestId('home-event-item').first().click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('page-title').first().innerText().catch(() => '')).toContain(firstEvent.trim());
    await page.goBack();
    // 全屏出示 opens the pass over the whole screen, right from the home card.
    await page.getByTestId('home-pass-open').click();
    await page.getByTestId('pass-fullscreen-qr').waitFor();
    await page.getByTestId('pass-fullscreen-close').click();
    await context.close();
  });

  test('on a desktop the cards sit in three columns', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'ent.member');
    await page.goto('/');
    await page.getByTestId('home-bills-total').waitFor({ timeout: 20_000 });
    await page.getByTestId('home-workorder-item').first().waitFor({ timeout: 20_000 });
    const tops = await Promise.all(['home-pass', 'home-bills', 'home-parking'].map(async (id) => (await page.getByTestId(id).boundingBox())!.y));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
    await noHorizontalOverflow(page);
    await screenshot(page, 'member-home-desktop');
    await context.close();
  });

  test('an enterprise admin without a parked car or open requests sees lot occupancy and empty states; a failed card retries', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    // The news feed fails once: only its card shows the error, and retry recovers it.
    let isFailing = true;
    await page.route('**/api/news/feed?*', (route) => (isFailing ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'INTERNAL', message: 'boom' }) }) : route.fallback()));
    await login(page, 'ent2.admin');
    await page.goto('/');
    await page.getByTestId('home-news').getByTestId('card-error').waitFor({ timeout: 20_000 });
    await cardLoaded(page, 'home-parking', 'home-parking-lot');
    expect(await page.getByTestId('home-parking-lot').first().innerText()).toMatch(/余 \d+ 位/);
    await page.getByTestId('home-workorders').getByTestId('card-empty').waitFor();
    await cardLoaded(page, 'home-bills', 'home-bills-total');
    await noHorizontalOverflow(page);
    await screenshot(page, 'member-home-admin-phone');
    isFailing = false;
    await page.getByTestId('home-news').getByRole('button').click();
    await cardLoaded(page, 'home-news', 'home-news-item');
    await context.close();
  });

  test('an operator still gets the dashboard at /', async () => {
    const context = await newContext(browser, DESKTOP);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/');
    await page.getByTestId('page-title').first().waitFor();
    expect(await page.getByTestId('member-home').count()).toBe(0);
    await context.close();
  });
});
