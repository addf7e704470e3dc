import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withUsccCheck } from '@parkos/contracts';
import { DESKTOP, PHONE, baseUrl, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The signed-in user's API, with the CSRF token writes need. */
function apiOf(request: APIRequestContext) {
  let csrf: string | null = null;
  return async <T = unknown>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<{ status: number; body: T }> => {
    if (method !== 'GET' && !csrf) csrf = ((await (await request.get(`${baseUrl()}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const res = await request.fetch(`${baseUrl()}/api${path}`, { method, data, headers: csrf ? { 'x-csrf-token': csrf } : {} });
    const text = await res.text();
    return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Drags a kanban card onto a column the way the browser does (HTML5 drag events sharing one DataTransfer). */
async function drag(page: Page, card: Locator, column: Locator): Promise<void> {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await card.dispatchEvent('dragstart', { dataTransfer });
  await column.dispatchEvent('dragover', { dataTransfer });
  await column.dispatchEvent('drop', { dataTransfer });
}

/** A smallest valid PNG (1×1). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A unique valid unified social credit code. */
function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += alphabet[Math.floor(Math.random() * 31)];
  return withUsccCheck(`91510100${org}`);
}

describe('role homes', () => {
  test('property staff on a phone accept, start, photograph and resolve an order from their workbench', async () => {
    const title = `水管漏水 E2E${Date.now() % 100000}`;
    // Setup through the API: the operator files an order and dispatches it to the property user's team.
    const opCtx = await newContext(browser, DESKTOP);
    const opPage = await opCtx.newPage();
    await login(opPage, 'operator');
    const op = apiOf(opPage.request);
    const ctx = await newContext(browser, PHONE);
    const page = await ctx.newPage();
    await login(page, 'property');
    const me = ((await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as { user: { id: string } }).user;
    const parkId = (await op<{ id: string }[]>('GET', '/parks')).body[0].id;
    const team = (await op<{ id: string; memberIds: string[] }[]>('GET', `/work-order-teams?parkId=${parkId}`)).body.find((tm) => tm.memberIds.includes(me.id));
    expect(team, 'the property user is in a team').toBeTruthy();
    const created = await op<{ id: string; status: string }>('POST', '/work-orders', { title, description: '二楼茶水间水管接口漏水', category: 'plumbing', priority: 'high', parkId });
    expect(created.status).toBe(201);
    const dispatched = await op<{ status: string }>('POST', `/work-orders/${created.body.id}/dispatch`, { teamId: team!.id, category: 'plumbing' });
    expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);

    await page.goto('/');
    await page.getByTestId('workbench-queue').waitFor();
    await page.getByTestId('workbench-inspections').waitFor();
    const card = page.getByTestId('workbench-order').filter({ hasText: title });
    await card.getByTestId('sla-clock').waitFor();
    await screenshot(page, 'role-homes-workbench-phone');
    await card.getByTestId('workbench-handle').click();
    await card.getByTestId('wo-action-accept').click();
    await card.getByTestId('wo-action-start').click();
    await card.getByTestId('wo-photo-input').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: PNG });
    await card.getByText('(1/9)').waitFor();
    await card.getByTestId('wo-action-resolve').click();
    await page.getByTestId('wo-dialog-comment').fill('更换了接口密封圈，已不漏水');
    await page.getByTestId('wo-dialog-ok').click();
    await page.getByTestId('wo-dialog-ok').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await op<{ status: string; photoCount: number }>('GET', `/work-orders/${created.body.id}`)).body).toMatchObject({ status: 'resolved' });
    const detail = (await op<{ attachments: unknown[]; timeline?: unknown[] }>('GET', `/work-orders/${created.body.id}`)).body;
    expect(detail.attachments.length).toBe(1);
    // Resolved orders leave the queue.
    await expect.poll(() => card.count()).toBe(0);
    await screenshot(page, 'role-homes-workbench-resolved-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'role-homes-workbench-desktop');
    await ctx.close();
    await opCtx.close();
  });

  test.each([
    ['vendor', 'home-card-vendor'],
    ['talent', 'home-card-news'],
    ['alliance', 'home-card-alliance'],
    ['inspector', 'home-card-inspector'],
  ])('%s lands on a home whose links all open real pages', async (username, cardId) => {
    const ctx = await newContext(browser, PHONE);
    const page = await ctx.newPage();
    await login(page, username);
    await page.goto('/');
    await page.getByTestId('role-home').waitFor();
    await page.getByTestId(cardId).waitFor();
    if (username === 'alliance') await page.getByTestId('park-figures-row').first().waitFor();
    const text = await page.locator('#main-content').innerText();
    expect(text).not.toMatch(/coming soon|即将上线|敬请期待/i);
    await screenshot(page, `role-homes-${username}-phone`);
    const hrefs = await page.getByTestId('home-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      await page.goto(href);
      await page.locator('.page-header, .ant-result').first().waitFor();
      expect(await page.locator('.ant-result-404, .ant-result-403').count(), `${username} → ${href}`).toBe(0);
    }
    await ctx.close();
  });

  test('a lead moved through the kanban to 入驻 creates the enterprise and a draft lease, opened from its card and confirmed', async () => {
    const company = `入驻流程科技 E2E${Date.now() % 100000}有限公司`;
    const code = creditCode();
    const ctx = await newContext(browser, DESKTOP);
    const page = await ctx.newPage();
    await login(page, 'operator');
    await page.goto('/leads');
    await page.getByTestId('lead-new').click();
    const form = page.getByTestId('lead-form');
    await form.locator('#companyName').fill(company);
    await form.locator('#contactName').fill('周经理');
    await form.locator('#expectedArea').fill('150');
    await page.getByTestId('lead-form-submit').click();
    const card = page.getByTestId('lead-card').filter({ hasText: company });
    await card.waitFor();
    expect(await page.getByTestId('lead-column-lead').getByTestId('lead-card').filter({ hasText: company }).count()).toBe(1);

    // Drag through the stages: lead → visit → negotiation → signed.
    for (const stage of ['visit', 'negotiation', 'signed']) {
      await drag(page, card, page.getByTestId(`lead-column-${stage}`));
      await page.getByTestId(`lead-column-${stage}`).getByTestId('lead-card').filter({ hasText: company }).waitFor();
    }
    // Moving in asks for the credit code, units and rent.
    await drag(page, card, page.getByTestId('lead-column-moved_in'));
    const modal = page.getByTestId('lead-move-in');
    await modal.waitFor();
    await page.getByTestId('lead-credit-code').fill(code);
    await page.getByTestId('lead-units').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.locator('input[data-testid="lead-rent"], [data-testid="lead-rent"] input').first().fill('12000');
    await screenshot(page, 'role-homes-lead-move-in');
    await page.getByTestId('lead-move-in-submit').click();
    const moved = page.getByTestId('lead-column-moved_in').getByTestId('lead-card').filter({ hasText: company });
    await moved.getByTestId('lead-enterprise-link').waitFor();

    // The card's link opens the new enterprise with its draft lease; the operator confirms it.
    await moved.getByTestId('lead-enterprise-link').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await page.getByText(code).first().waitFor();
    await page.getByTestId('lease-confirm').waitFor();
    await screenshot(page, 'role-homes-enterprise-draft-lease');
    await page.getByTestId('lease-confirm').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('lease-confirm').waitFor({ state: 'detached' });

    // Moving the lead again does not duplicate the enterprise or its leases.
    const api = apiOf(page.request);
    const lead = (await api<{ id: string; enterpriseId: string }[]>('GET', `/leads?q=${encodeURIComponent(company)}`)).body[0];
    expect((await api('PATCH', `/leads/${lead.id}`, { stage: 'signed' })).status).toBe(200);
    expect((await api('PATCH', `/leads/${lead.id}`, { stage: 'moved_in' })).status).toBe(200);
    const ent = (await api<{ creditCode: string; leases: { status: string }[] }>('GET', `/enterprises/${lead.enterpriseId}`)).body;
    expect(ent.creditCode).toBe(code);
    expect(ent.leases.map((l) => l.status)).toEqual(['active']);
    await ctx.close();
  });
});
