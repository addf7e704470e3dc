import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

async function post(page: Page, url: string, data: unknown = {}) {
  return page.request.post(url, { data, headers: { 'x-csrf-token': await csrf(page) } });
}

describe('the member app on a phone (375 px)', () => {
  test('tabs, bills, full-screen pass, a visitor with phone and plate let in at the gate, and a repair cancelled, chased and rated', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'ent.member');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string; grants: { role: string; scopeId: string | null }[] } };
    const enterpriseId = me.user.grants.find((g) => g.role === 'member')!.scopeId!;
    const opContext = await newContext(browser, DESKTOP);
    const op = await opContext.newPage();
    await login(op, 'operator');

    // Tab bar: each tab is a real page.
    await page.goto('/');
    await page.getByTestId('member-tabbar').waitFor();
    await page.getByTestId('tab-services').click();
    await page.getByTestId('member-services').waitFor();
    expect(await page.getByTestId('service-repair').count()).toBe(1);
    await screenshot(page, 'member-app-services-phone');
    await page.getByTestId('tab-messages').click();
    await page.getByTestId('messages-page').waitFor();
    await page.getByTestId('tab-me').click();
    await page.getByTestId('member-me').waitFor();
    expect(await page.getByTestId('me-logout').count()).toBe(1);
    await screenshot(page, 'member-app-me-phone');
    await page.getByTestId('tab-home').click();
    await page.getByTestId('member-home').waitFor();

    // Two parking bills of one plate on one day are told apart by their full titles and periods.
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const stamp = Date.now() % 100000;
    const titles = [`停车费 川A12345 P1 地下停车场 12-07 09:1${stamp % 10} E2E${stamp}`, `停车费 川A12345 P1 地下停车场 12-07 18:4${stamp % 10} E2E${stamp}`];
    for (const title of titles) {
      const res = await post(op, '/api/bills', { enterpriseId, userId: me.user.id, kind: 'parking', period: due.slice(0, 7), title, amountFen: 1_500, dueDate: due });
      expect(res.status(), await res.text()).toBe(201);
    }
    await page.goto('/bills');
    await page.getByTestId('bill-title').first().waitFor();
    const shown = await page.getByTestId('bill-title').allInnerTexts();
    for (const title of titles) expect(shown).toContain(title);
    expect(await page.getByTestId('bill-period').first().innerText()).toContain(due.slice(0, 7));
    await screenshot(page, 'member-app-bills-phone');

    // 全屏出示: the pass over the whole screen with a live countdown.
    await page.goto('/passes/me');
    await page.getByTestId('pass-fullscreen-open').click();
    const countdown = page.getByTestId('pass-countdown');
    await countdown.waitFor();
    const first = Number(await countdown.getAttribute('data-seconds'));
    await expect.poll(async () => Number(await countdown.getAttribute('data-seconds')), { timeout: 5_000 }).toBeLessThan(first);
    expect(await countdown.innerText()).toMatch(/\d+:\d{2}/);
    expect(await page.getByTestId('pass-brightness-hint').count()).toBe(1);
    const box = await page.getByTestId('pass-fullscreen').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    await screenshot(page, 'member-app-pass-fullscreen-phone');
    await page.getByTestId('pass-fullscreen-close').click();

    // A visitor with phone and plate: the link's public page shows the pass; the plate is let in at the gate.
    const plate = `粤B${String(10000 + (stamp % 89999)).slice(0, 5)}`;
    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-name').fill('访客 王五');
    await page.getByTestId('invite-phone').fill('1381234');
    await page.getByTestId('invite-submit').click();
    await page.getByText(/11|mainland/).first().waitFor();
    await page.getByTestId('invite-phone').fill('138 1234 5678');
    await page.getByTestId('invite-plate').fill(plate);
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-link-qr').waitFor();
    const link = (await page.getByTestId('invite-link').innerText()).trim();
    expect(link).toMatch(/\/visit\/[A-Za-z0-9_-]{32,}$/);
    await screenshot(page, 'member-app-invite-share-phone');
    const visitor = await (await newContext(browser, PHONE)).newPage();
    await visitor.goto(link);
    await visitor.getByTestId('visitor-pass').waitFor();
    expect(await visitor.getByTestId('visitor-plate').innerText()).toBe(plate);
    expect(await visitor.getByTestId('pass-qr').getAttribute('data-qr-text')).toMatch(/^PK1\./);
    await screenshot(visitor, 'member-app-visitor-page-phone');
    const lots = (await (await op.request.get('/api/parking/lots')).json()) as { id: string }[];
    const read = await post(op, `/api/parking/lots/${lots[0].id}/reads`, { plate, direction: 'entry' });
    expect(read.status(), await read.text()).toBe(200);
    expect(await read.json()).toMatchObject({ access: 'invited_visitor' });

    // Repairs: cancel before dispatch; chase twice (the second refused); rate after resolution.
    const file = async (title: string) => {
      const res = await post(page, '/api/work-orders', { title, description: '会议室空调不制冷', category: 'hvac' });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; status: string; teamId: string | null };
    };
    const teams = (await (await op.request.get('/api/work-order-teams')).json()) as { id: string; categories: string[] }[];
    const hvacTeam = teams.find((tm) => tm.categories.includes('hvac')) ?? teams[0];
    const toCancel = await file(`E2E 取消 ${stamp}`);
    if (toCancel.status !== 'new') {
      // Smart dispatch sent it straight to a team: too late to cancel.
      expect((await post(page, `/api/work-orders/${toCancel.id}/cancel`)).status()).toBe(409);
    } else {
      await page.goto(`/work-orders/${toCancel.id}`);
      await page.getByTestId('wo-action-cancel').click();
      await page.getByTestId('wo-cancel-confirm').click();
      await page.getByTestId('wo-cancelled-tag').waitFor();
    }
    const order = await file(`E2E 催单 ${stamp}`);
    if (order.status === 'new') expect((await post(op, `/api/work-orders/${order.id}/dispatch`, { teamId: hvacTeam.id })).status()).toBe(200);
    await page.goto(`/work-orders/${order.id}`);
    await page.getByTestId('wo-action-urge').click();
    await page.locator('.ant-message-success').waitFor();
    await page.getByTestId('wo-action-urge').click();
    await page.locator('.ant-message-error').waitFor();
    expect((await post(page, `/api/work-orders/${order.id}/urge`)).status()).toBe(429);
    for (const step of ['accept', 'start', 'resolve']) expect((await post(op, `/api/work-orders/${order.id}/${step}`)).status()).toBe(200);
    await page.reload();
    await page.getByTestId('wo-action-rate').click();
    await page.getByTestId('wo-rate-stars').locator('li').nth(3).click();
    await page.getByTestId('wo-rate-comment').fill('处理及时');
    await page.getByTestId('wo-dialog-ok').click();
    await expect.poll(async () => ((await (await page.request.get(`/api/work-orders/${order.id}`)).json()) as { rating: number | null }).rating).toBe(4);
    expect(await page.getByTestId('wo-timeline').innerText()).toMatch(/催单|Chased/);
    await screenshot(page, 'member-app-repair-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await opContext.close();
    await context.close();
  }, 120_000);
});
