import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, baseUrl, launchBrowser, login, newContext, screenshot, switchToEnglish } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The API as the logged-in user of a page (with the session's CSRF token). */
function apiOf(request: APIRequestContext) {
  let csrf: string | null = null;
  return async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    if (method !== 'GET' && !csrf) csrf = ((await (await request.get(`${baseUrl()}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const res = await request.fetch(`${baseUrl()}/api${path}`, { method, data, headers: csrf ? { 'x-csrf-token': csrf } : {} });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return (await res.json()) as T;
  };
}

/** Model tokens that must never reach a person: prefixed features and CJK n-gram fragments of the old panel. */
const TOKEN = /\b[wcb]:\S|\bcategory [a-z]+\b|\b[bg]0\b/;

async function panelText(page: Page): Promise<string> {
  await page.getByTestId('wo-dispatch-state').waitFor();
  return page.getByTestId('wo-decision').innerText();
}

describe('audit names and the dispatch panel', () => {
  test('a tenant sees the decision without tokens, the panel follows a manual re-dispatch, and the audit log names actions and records in both languages', async () => {
    const title = `空调不制冷 会议室太热 E2E${Date.now() % 100000}`;
    const memberCtx = await newContext(browser, PHONE);
    const member = await memberCtx.newPage();
    await login(member, 'ent.member');
    const order = await apiOf(member.request)<{ id: string; teamId: string | null; parkId: string }>('POST', '/work-orders', { title, description: '空调一直吹热风，办公室太热' });
    await member.goto(`/work-orders/${order.id}`);
    const before = await panelText(member);
    expect(before).not.toMatch(TOKEN);
    // A tenant sees the state, not the model's words.
    expect(await member.getByTestId('wo-decision-words').count()).toBe(0);
    await screenshot(member, 'audit-dispatch-tenant-panel-phone');

    // An operator re-dispatches by hand to another team.
    const opCtx = await newContext(browser, DESKTOP);
    const op = await opCtx.newPage();
    await login(op, 'operator');
    const opApi = apiOf(op.request);
    const teams = await opApi<{ id: string; name: string }[]>('GET', `/work-order-teams?parkId=${order.parkId}`);
    const other = teams.find((t) => t.id !== order.teamId)!;
    const dispatched = await opApi<{ events: { actorName: string }[] }>('POST', `/work-orders/${order.id}/dispatch`, { teamId: other.id });
    const operatorName = dispatched.events.at(-1)!.actorName;

    await member.reload();
    await expect.poll(() => member.getByTestId('wo-dispatch-state').getAttribute('data-mode')).toBe('manual');
    const after = await panelText(member);
    expect(after).toContain(other.name);
    expect(after).toContain(operatorName);
    expect(after).not.toMatch(TOKEN);
    await screenshot(member, 'audit-dispatch-tenant-manual-phone');
    await memberCtx.close();

    // The operator's panel: readable words, no tokens.
    await op.goto(`/work-orders/${order.id}`);
    const opPanel = await panelText(op);
    expect(opPanel).not.toMatch(TOKEN);
    await screenshot(op, 'audit-dispatch-operator-panel-desktop');

    // The audit log: translated action and the work order's name, in Chinese then English.
    await op.goto('/audit-log');
    const row = op.locator('tr.ant-table-row', { hasText: title }).first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('audit-action').innerText()).toMatch(/^工单已(创建|派单)$/);
    expect(await row.getByTestId('audit-record').innerText()).toContain(title);
    await screenshot(op, 'audit-dispatch-log-zh-desktop');
    await switchToEnglish(op);
    const rowEn = op.locator('tr.ant-table-row', { hasText: title }).first();
    await rowEn.waitFor();
    await expect.poll(() => rowEn.getByTestId('audit-action').innerText()).toMatch(/^Work order (created|dispatched)$/);
    expect(await rowEn.getByTestId('audit-record').innerText()).toMatch(/^Work order/);
    // No action reads as its raw code (`work_order.created`); actors are usernames like ent.admin, which are data.
    for (const action of await op.locator('[data-testid="audit-table"] [data-testid="audit-action"]').allInnerTexts()) expect(action).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    await screenshot(op, 'audit-dispatch-log-en-desktop');
    await opCtx.close();

    // On a phone the audit log is a list, without sideways scroll.
    const phoneCtx = await newContext(browser, PHONE);
    const phone = await phoneCtx.newPage();
    await login(phone, 'operator');
    await phone.goto('/audit-log');
    await phone.getByTestId('audit-list').waitFor();
    await expect.poll(() => phone.getByTestId('audit-action').count()).toBeGreaterThan(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(phone, 'audit-dispatch-log-phone');
    await phoneCtx.close();
  }, 120_000);
});
