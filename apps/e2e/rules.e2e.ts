import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, launchBrowser, login, newContext, screenshot } from './browser';

// One browser and one operator session for the whole file: the steps below build on each other
// (the dry-run rule is traced against the first rule, the shelved device is the dry run's), and
// each step gets its own test budget instead of one test carrying the whole story.
let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  await login(page, 'operator');
});
afterAll(() => browser?.close());

const name = `E2E 机房过热 ${Date.now() % 1_000_000}`;
const code = `E2E-DRY-${Date.now() % 1_000_000}`;
/** The device of the dry run, created in the dry-run step. */
let deviceId: string;

/**
 * Picks an option of an Ant Design select by its exact label (温度 must not take 温度变化率), checks that
 * the select took it, and tries again if not: on a busy machine a click can land on a dropdown that is still
 * opening or closing and do nothing (CI saw the metric hint never appear).
 */
async function pick(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`)
      .last()
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    await expect
      .poll(async () => (await select.innerText()).includes(label), { timeout: 2_000 })
      .toBe(true)
      .catch(() => undefined);
    if ((await select.innerText()).includes(label)) return;
    if (attempt === 3) throw new Error(`${testId} did not take ${label}`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
}

/** Calls the API from the page with the session's CSRF token. */
async function apiCall<T>(page: Page, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return page.evaluate(
    async ({ method, url, body, headers }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, url, body, headers },
  );
}

describe('alarm rules in a real browser', () => {
  test('an operator creates a threshold rule, edits it and disables it', async () => {
    await page.getByTestId('nav-rules').click();
    await page.waitForURL(/\/rules$/);
    await page.getByTestId('rule-table').waitFor();

    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-form').waitFor();
    await page.getByTestId('rule-form-name').fill(name);
    await pick(page, 'rule-form-metric', '温度');
    // The catalogue's unit and plausible range of the chosen metric.
    await expect.poll(() => page.getByTestId('rule-form-metric-hint').innerText()).toBe('单位 °C；超出 -60 … 100 的读数会被拒收');
    await page.getByTestId('rule-form-value').fill('30');
    await page.getByTestId('rule-form-hysteresis').fill('2');
    await pick(page, 'rule-form-severity', '紧急');
    await pick(page, 'rule-form-device-type', '环境传感器');
    await page.getByTestId('rule-form-tag').fill('server-room');
    await screenshot(page, 'rule-form-desktop');
    await page.getByTestId('rule-form-submit').click();
    await expect.poll(() => page.getByTestId('rule-form').count()).toBe(0);

    const row = page.getByTestId(`rule-row-${name}`);
    await row.waitFor();
    expect(await row.getByTestId('rule-condition').innerText()).toMatch(/温度 > 30/);
    expect(await row.innerText()).toContain('#server-room');
    await screenshot(page, 'rules-list-desktop');

    // Edit: a new threshold.
    await row.getByTestId('rule-edit').click();
    await page.getByTestId('rule-form').waitFor();
    expect(await page.getByTestId('rule-form-name').inputValue()).toBe(name);
    await page.getByTestId('rule-form-value').fill('32');
    await page.getByTestId('rule-form-submit').click();
    await expect.poll(() => row.getByTestId('rule-condition').innerText()).toMatch(/温度 > 32/);

    // Disable in place; the server keeps it.
    const toggle = row.getByTestId('rule-enabled');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    const stored = await page.evaluate(async (n) => {
      const r = await fetch('/api/alarm-rules?pageSize=200', { credentials: 'same-origin' });
      return ((await r.json()).items as { name: string; enabled: boolean; value: number; tag: string }[]).find((x) => x.name === n);
    }, name);
    expect(stored).toMatchObject({ enabled: false, value: 32, tag: 'server-room' });
  });

  test('a silent rule: the form shows the fields of the chosen kind', async () => {
    await page.getByTestId('rule-new').click();
    await pick(page, 'rule-form-kind', '设备静默');
    await expect.poll(() => page.getByTestId('rule-form-metric').count()).toBe(0);
    await page.getByTestId('rule-form-name').fill(`${name} 静默`);
    await page.getByTestId('rule-form-silent').fill('600');
    await page.getByTestId('rule-form-submit').click();
    await expect.poll(() => page.getByTestId(`rule-row-${name} 静默`).getByTestId('rule-condition').innerText()).toContain('600');
  });

  test('a dry run before saving replays a hot spell, and the device page traces the saved rule', async () => {
    // A device with a hot spell an hour ago.
    const parks = await apiCall<{ id: string }[] | { items: { id: string }[] }>(page, 'GET', '/api/parks');
    const parkId = (Array.isArray(parks) ? parks : parks.items)[0].id;
    const device = await apiCall<{ id: string }>(page, 'POST', '/api/devices', { code, name: code, type: 'environment_sensor', parkId, tags: ['dry-e2e'] });
    const { secret } = await apiCall<{ secret: string }>(page, 'POST', `/api/devices/${device.id}/credentials`, {});
    deviceId = device.id;
    const now = Date.now();
    await apiCall(page, 'POST', '/api/ingest/telemetry', { readings: [25, 41, 42, 24].map((value, i) => ({ metric: 'temperature', value, ts: now - (90 - i * 20) * 60_000 })) }, { Authorization: `Device ${code}:${secret}` });
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-form-name').fill(`${name} 试运行`);
    await pick(page, 'rule-form-metric', '温度');
    await page.getByTestId('rule-form-value').fill('40');
    await page.getByTestId('rule-form-tag').fill('dry-e2e');
    await page.getByTestId('rule-dry-run').click();
    await page.getByTestId('rule-dry-run-result').waitFor();
    await page.getByTestId('rule-dry-run-timeline').waitFor();
    const dry = await page.getByTestId('rule-dry-run-result').innerText();
    expect(dry).toContain(code);
    expect(dry).toMatch(/触发 1 次/);
    await page.getByTestId('rule-dry-run-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'rule-dry-run-desktop');
    await page.getByTestId('rule-form-submit').click();
    await expect.poll(() => page.getByTestId('rule-form').count()).toBe(0);

    // Rule trace on the device page: the rule fired then cleared (24 < 40).
    await page.goto(`/devices/${device.id}`);
    const trace = page.getByTestId(`trace-${name} 试运行`);
    await trace.waitFor();
    expect(await trace.getAttribute('data-verdict')).toBe('quiet');
    // The server sends the trace as a code and values; the page words it in Chinese.
    expect(await trace.getByTestId('trace-explanation').innerText()).toContain('温度 24 °C 已回到 40 °C 以内');
    expect(await page.getByTestId(`trace-${name}`).getAttribute('data-verdict')).toBe('out_of_scope');
    await trace.scrollIntoViewIfNeeded();
    await screenshot(page, 'rule-trace-desktop');
  });

  test('a device shelved for maintenance is listed and badged; the bell opens my notifications', async () => {
    await page.getByTestId('nav-shelves').click();
    await page.getByTestId('shelf-table').waitFor();
    await page.getByTestId('shelf-new').click();
    await pick(page, 'shelf-form-scope', '设备');
    await page.getByTestId('shelf-form-device').click();
    await page.keyboard.type(code);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${code} · ${code}"]`).click();
    await page.getByTestId('shelf-form-reason').fill('E2E 更换探头');
    await page.getByTestId('shelf-form-submit').click();
    const shelfRow = page.getByTestId('shelf-row-E2E 更换探头');
    await shelfRow.waitFor();
    expect(await shelfRow.innerText()).toContain(code);
    await screenshot(page, 'shelves-desktop');
    await page.goto(`/devices/${deviceId}`);
    await page.getByTestId('device-shelved').waitFor();

    // The notification bell in the header opens my notifications.
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').waitFor();
    await page.keyboard.press('Escape');
  });

  test('the rules list fits a phone', async () => {
    const phone = await newContext(browser, PHONE);
    const phonePage = await phone.newPage();
    await login(phonePage, 'operator');
    await phonePage.goto('/rules');
    await phonePage.getByTestId('rule-table').waitFor();
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phonePage.getByTestId('notification-bell').waitFor();
    await screenshot(phonePage, 'rules-list-phone');
    await phone.close();
  });
});
