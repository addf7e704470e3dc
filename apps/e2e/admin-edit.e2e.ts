import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, PHONE, baseUrl, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const suffix = () => String(Date.now() % 1_000_000);

/** Calls the API with the page's session and its CSRF token, as the web app does. */
function apiOf(request: APIRequestContext) {
  let csrf: string | null = null;
  return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) => {
    if (method !== 'GET' && !csrf) csrf = ((await (await request.get(`${baseUrl()}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const res = await request.fetch(`${baseUrl()}/api${path}`, { method, data, headers: csrf ? { 'x-csrf-token': csrf } : {} });
    const text = await res.text();
    return { status: res.status(), body: (text ? JSON.parse(text) : undefined) as unknown, text };
  };
}

/** Picks an option of an antd Select by its label (exactly; a closing dropdown may still be in the page). */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"] >> visible=true`).click();
}

/** The popover (or popconfirm) that is open. */
const openPopover = (page: Page) => page.locator('.ant-popover:not(.ant-popover-hidden)');

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

/** Confirms the Popconfirm that is open. */
async function confirmDelete(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:not(.ant-popover-hidden) [data-testid="delete-confirm"]').click();
}

interface Grant {
  role: string;
  scopeType: string;
  scopeId: string | null;
}

describe('operators edit users and the park structure', () => {
  test("an operator edits a user's role grants; a server refusal shows in the form; the new role takes effect and is audited", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    const api = apiOf(page.request);
    const parkId = ((await api('GET', '/parks')).body as { id: string; name: string }[])[0].id;
    const parkName = ((await api('GET', '/parks')).body as { id: string; name: string }[])[0].name;

    // A talent account (no park role): it may not list users.
    const username = `e2e.grants.${suffix()}`;
    const created = await api('POST', '/users', { username, displayName: '授权测试', password: DEMO_PASSWORD, grants: [{ role: 'talent', scopeType: 'none', scopeId: null }] });
    expect(created.status, created.text).toBe(201);
    const userId = (created.body as { id: string }).id;
    const asUser = await newContext(browser);
    const userApi = apiOf(asUser.request);
    expect((await asUser.request.post(`${baseUrl()}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
    expect((await userApi('GET', '/users')).status).toBe(403);

    // Removing the last grant is refused by the server, naming body.grants.
    const none = await api('PATCH', `/users/${userId}`, { grants: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('body.grants');

    await page.goto('/users');
    await page.getByTestId('user-table').waitFor();
    await page.getByPlaceholder('搜索用户名或姓名').fill(username);
    await page.getByPlaceholder('搜索用户名或姓名').press('Enter');
    const row = page.locator(`[data-testid="user-table"] tr[data-row-key="${userId}"]`);
    await row.waitFor();
    await row.getByTestId('user-edit').click();
    const form = page.getByTestId('user-edit-form');
    await form.waitFor();
    // The form starts from the user's grants, and the only grant cannot be removed.
    expect(await form.getByTestId('grant-row').count()).toBe(1);
    expect(await form.getByTestId('grant-remove').count()).toBe(0);
    expect(await form.getByTestId('grant-row').first().innerText()).toContain('人才');
    expect(await form.locator('input#username').isDisabled()).toBe(true);

    // Add a grant; a vendor id that is not a UUID is refused by the server and the reason shows in the form.
    await form.getByTestId('grant-add').click();
    const added = form.getByTestId('grant-row').nth(1);
    await choose(page, added.locator('.ant-select').first(), '云服务商');
    await added.locator('input[placeholder="UUID"]').fill('not-a-uuid');
    await page.getByTestId('user-edit-form-submit').click();
    // The error (body.grants.1.scopeId) sits under that grant's scope field, worded from the server's code.
    await expect.poll(() => added.locator('.ant-form-item-explain-error').allInnerTexts(), { timeout: 10_000 }).toEqual(['格式不正确，应为编号']);
    await screenshot(page, 'user-edit-server-error-desktop');
    expect((await api('GET', `/users/${userId}`)).body).toMatchObject({ grants: [{ role: 'talent', scopeType: 'none', scopeId: null }] });

    // Make it a park operator of the demo park (role, scope type and scope pickers) and remove the talent grant.
    await choose(page, added.locator('.ant-select').first(), '园区运营');
    await choose(page, added.locator('.ant-select').nth(1), '园区');
    await choose(page, added.locator('.ant-select').nth(2), parkName);
    await form.getByTestId('grant-remove').first().click();
    expect(await form.getByTestId('grant-row').count()).toBe(1);
    await screenshot(page, 'user-edit-grants-desktop');
    await page.getByTestId('user-edit-form-submit').click();
    await form.waitFor({ state: 'detached' });

    // The list shows the new role.
    await expect.poll(() => row.innerText()).toContain('园区运营 · 园区');
    expect(await row.innerText()).not.toContain('人才');
    await screenshot(page, 'user-edit-saved-desktop');

    // The role takes effect at once for the user's open session.
    const me = (await userApi('GET', '/auth/me')).body as { user: { grants: Grant[] } };
    expect(me.user.grants).toEqual([{ role: 'operator', scopeType: 'park', scopeId: parkId }]);
    expect((await userApi('GET', '/users')).status).toBe(200);
    await asUser.close();

    // The change is audited with the grants before and after.
    const audit = (await api('GET', `/audit-log?entityType=user&entityId=${userId}`)).body as { items: { action: string; before: { grants: Grant[] } | null; after: { grants: Grant[] } | null }[] };
    const updated = audit.items.filter((e) => e.action === 'user.updated');
    expect(updated).toHaveLength(1);
    expect(updated[0].before?.grants).toEqual([{ role: 'talent', scopeType: 'none', scopeId: null }]);
    expect(updated[0].after?.grants).toEqual([{ role: 'operator', scopeType: 'park', scopeId: parkId }]);

    // Leave no extra park operator behind for the other browser tests (notifications, counts).
    expect((await api('PATCH', `/users/${userId}`, { isActive: false, grants: [{ role: 'talent', scopeType: 'none', scopeId: null }] })).status).toBe(200);
    await context.close();
  });

  test('an operator renames a building and a unit, is refused deleting a building that has floors, and deletes an empty floor and a unit', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'admin');
    const api = apiOf(page.request);
    const parkId = ((await api('GET', '/parks')).body as { id: string }[])[0].id;
    const tree = (await api('GET', `/parks/${parkId}/tree`)).body as { sites: { districts: { id: string }[] }[] };
    const districtId = tree.sites[0].districts[0].id;

    // A building of our own: 1F with units 101 and 102, and an empty 2F.
    const n = suffix();
    const name = `E2E楼${n}`;
    const building = await api('POST', '/buildings', { districtId, name, floorsAboveGround: 2 });
    expect(building.status, building.text).toBe(201);
    const buildingId = (building.body as { id: string }).id;
    const f1 = (await api('POST', '/floors', { buildingId, level: 1 })).body as { id: string };
    expect((await api('POST', '/floors', { buildingId, level: 2 })).status).toBe(201);
    expect((await api('POST', '/units', { floorId: f1.id, code: '101', area: 120 })).status).toBe(201);
    expect((await api('POST', '/units', { floorId: f1.id, code: '102', area: 80 })).status).toBe(201);

    // Rename the building from the structure page: the edit form is prefilled.
    await page.goto('/structure');
    await page.getByTestId('park-tree').waitFor();
    const row = page.getByTestId('building-row').filter({ hasText: name });
    await row.scrollIntoViewIfNeeded();
    await row.getByTestId('building-edit').click();
    const form = page.getByTestId('edit-building-form');
    expect(await form.locator('input#name').inputValue()).toBe(name);
    expect(await form.locator('input#floorsAboveGround').inputValue()).toBe('2');
    const renamed = `${name}（研发楼）`;
    await form.locator('input#name').fill(renamed);
    await screenshot(page, 'building-edit-desktop');
    await page.getByTestId('edit-building-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const renamedRow = page.getByTestId('building-row').filter({ hasText: renamed });
    await renamedRow.waitFor();
    expect((await api('GET', `/buildings/${buildingId}`)).body).toMatchObject({ name: renamed });

    // Deleting it while it has floors and units is refused with a clear message; it stays.
    await renamedRow.getByTestId('building-delete').click();
    await confirmDelete(page);
    await expect.poll(() => page.getByTestId('delete-refused').innerText()).toContain(`无法删除“${renamed}”：楼宇内仍有楼层或单元`);
    await screenshot(page, 'building-delete-refused-desktop');
    expect(await renamedRow.count()).toBe(1);
    expect((await api('GET', `/buildings/${buildingId}`)).status).toBe(200);

    // On the building page: rename unit 101.
    await renamedRow.getByTestId('building-link').click();
    await page.waitForURL(`**/structure/buildings/${buildingId}`);
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe(renamed);
    await page.getByTestId('unit-tile').filter({ hasText: '101' }).click();
    await openPopover(page).getByTestId('unit-edit').click();
    const unitForm = page.getByTestId('edit-unit-form');
    expect(await unitForm.locator('input#code').inputValue()).toBe('101');
    await unitForm.locator('input#code').fill('101A');
    await page.getByTestId('edit-unit-form-submit').click();
    await unitForm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('building-floors').innerText()).toContain('101A');

    // Deleting the building from its page is refused too; the page stays.
    await page.getByTestId('building-delete').click();
    await confirmDelete(page);
    await expect.poll(() => page.getByTestId('delete-refused').last().innerText()).toContain('请先删除其楼层和单元');
    expect(page.url()).toContain(buildingId);
    await screenshot(page, 'building-page-delete-refused-desktop');

    // The empty 2F can be deleted; it is gone.
    const floor2 = page.getByTestId('floor-row').filter({ has: page.getByTestId('floor-name').getByText('2F', { exact: true }) });
    await floor2.getByTestId('floor-delete').click();
    await confirmDelete(page);
    await expect.poll(() => floor2.count()).toBe(0);
    expect(await page.getByTestId('floor-row').count()).toBe(1);

    // Unit 102 (never leased) can be deleted; it is gone.
    await page.getByTestId('unit-tile').filter({ hasText: '102' }).click();
    await openPopover(page).getByTestId('unit-delete').click();
    await confirmDelete(page);
    await expect.poll(() => page.getByTestId('unit-tile').allInnerTexts()).toEqual([expect.stringContaining('101A')]);
    await screenshot(page, 'building-after-deletes-desktop');
    const detail = (await api('GET', `/buildings/${buildingId}`)).body as { floors: { name: string; units: { code: string }[] }[] };
    expect(detail.floors.map((f) => f.name)).toEqual(['1F']);
    expect(detail.floors[0].units.map((u) => u.code)).toEqual(['101A']);

    // Emptied from the bottom up, the building goes too (and leaves the demo park as the other browser tests expect it).
    const unitId = (detail as unknown as { floors: { id: string; units: { id: string }[] }[] }).floors[0].units[0].id;
    expect((await api('DELETE', `/units/${unitId}`)).status).toBe(204);
    expect((await api('DELETE', `/floors/${f1.id}`)).status).toBe(204);
    expect((await api('DELETE', `/buildings/${buildingId}`)).status).toBe(204);
    await context.close();
  });

  test('the edit and delete actions fit a phone (375 px)', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await login(page, 'admin');
    await page.goto('/structure');
    await page.getByTestId('park-tree').waitFor();
    await page.getByTestId('building-row').first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'structure-actions-phone');
    await page.getByTestId('building-row').first().getByTestId('building-edit').click();
    await page.getByTestId('edit-building-form').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'building-edit-phone');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('building-row').first().getByTestId('building-link').click();
    await page.getByTestId('building-floors').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'building-page-phone');
    await page.getByTestId('unit-tile').first().click();
    await openPopover(page).getByTestId('unit-edit').waitFor();
    await screenshot(page, 'unit-popover-phone');

    await page.goto('/users');
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('user-edit').first().click();
    await page.getByTestId('user-edit-form').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'user-edit-phone');
    await context.close();
  });
});
