import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Opens an Ant Design select and returns its options (of its own dropdown, not one still closing). */
async function openOptions(page: Page, testId: string) {
  const select = page.getByTestId(testId);
  await expect.poll(() => select.getAttribute('class')).not.toContain('ant-select-disabled');
  await select.click();
  const listId = await select.locator('input').first().getAttribute('aria-controls');
  return page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) }).locator('.ant-select-item-option');
}

/** Picks the n-th option of an Ant Design select with the keyboard (a click can land on a dropdown still moving) and returns its label. */
async function pick(page: Page, testId: string, n = 0): Promise<string> {
  const option = (await openOptions(page, testId)).nth(n);
  const label = (await option.getAttribute('title')) ?? '';
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId(testId).innerText()).toContain(label);
  return label;
}

const getJson = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as T, url);

describe('the shared location fields and list card in a real browser', () => {
  test('device and rule forms: the floor waits for a building, a new building clears it, and both are saved', async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, 'operator');
    await page.goto('/devices');
    await page.getByTestId('device-table').waitFor();
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-form').waitFor();
    const code = `E2E-LOC-${Date.now() % 1_000_000}`;
    await page.getByTestId('device-form-code').fill(code);
    await page.getByTestId('device-form-name').fill('位置选择测试');
    expect(await page.getByTestId('device-form-floor').getAttribute('class')).toContain('ant-select-disabled');
    await pick(page, 'device-form-building');
    const floorName = await pick(page, 'device-form-floor');
    expect(floorName).not.toBe('');
    await page.getByTestId('device-form-submit').click();
    await expect.poll(() => page.getByTestId('device-form').count()).toBe(0);
    const saved = await getJson<{ items: { id: string; code: string; buildingId: string | null; floorId: string | null }[] }>(page, `/api/devices?q=${code}`);
    expect(saved.items[0]).toMatchObject({ code });
    expect(saved.items[0].buildingId).not.toBeNull();
    expect(saved.items[0].floorId).not.toBeNull();
    // Leave no located device behind for the other browser tests.
    const deleted = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      return (await fetch(`/api/devices/${id}`, { method: 'DELETE', headers: { 'X-CSRF-Token': me.csrfToken } })).status;
    }, saved.items[0].id);
    expect(deleted).toBe(204);

    await page.goto('/rules');
    await page.getByTestId('rule-table').waitFor();
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-form').waitFor();
    await pick(page, 'rule-form-building');
    const ruleFloor = await pick(page, 'rule-form-floor');
    await expect.poll(() => page.getByTestId('rule-form-floor').innerText()).toContain(ruleFloor);
    // Another building: the floor is cleared.
    await pick(page, 'rule-form-building', 1);
    await expect.poll(() => page.getByTestId('rule-form-floor').innerText()).not.toContain(ruleFloor);
    await screenshot(page, 'shared-location-rule-form');
    await page.context().close();
  });

  test('an operator assigns a parking space to an enterprise and releases it', async () => {
    const page = await (await newContext(browser)).newPage();
    await login(page, 'operator');
    const list = await getJson<{ items: { id: string }[] }>(page, '/api/enterprises?pageSize=1');
    await page.goto(`/enterprises/${list.items[0].id}`);
    await page.getByTestId('space-add').click();
    const spaceCode = `E2E-${Date.now() % 100_000}`;
    const inputs = page.getByTestId('space-form').locator('input');
    await inputs.nth(0).fill('地下一层');
    await inputs.nth(1).fill(spaceCode);
    await page.getByTestId('space-form-submit').click();
    const item = page.locator('.ant-list-item', { hasText: spaceCode });
    await item.waitFor();
    await screenshot(page, 'shared-list-card-space');
    await item.getByRole('button', { name: /移除|Remove/ }).click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => item.count()).toBe(0);
    await page.context().close();
  });
});
