import mqtt from 'mqtt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, launchBrowser, login, mqttPort, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the device registry in a real browser', () => {
  test('an operator registers a device, sees its secret once, and the device reports over MQTT', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.getByTestId('nav-devices').click();
    await page.waitForURL(/\/devices$/);
    await page.getByTestId('device-table').waitFor();
    await screenshot(page, 'devices-list-desktop');

    const code = `E2E-ENV-${Date.now() % 1_000_000}`;
    await page.getByTestId('device-new').click();
    await page.getByTestId('device-form').waitFor();
    await page.getByTestId('device-form-code').fill(code);
    await page.getByTestId('device-form-name').fill('浏览器测试环境传感器');
    await screenshot(page, 'device-form-desktop');
    await page.getByTestId('device-form-submit').click();
    await page.waitForURL(/\/devices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('device-code').innerText()).toBe(code);
    expect(await page.getByTestId('device-status').first().getAttribute('data-status')).toBe('offline');

    await page.getByTestId('device-rotate').click();
    const secretLocator = page.getByTestId('device-secret');
    await secretLocator.waitFor();
    const secret = (await secretLocator.innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId('device-mqtt-hint').innerText()).toContain(`parkos/${code}/telemetry`);
    await screenshot(page, 'device-secret-desktop');
    await page.getByRole('button', { name: /关\s*闭|Close/ }).last().click();
    await expect.poll(() => secretLocator.count()).toBe(0);
    // Shown once: after a reload the page has no way to show it again.
    await page.reload();
    await page.getByTestId('device-code').waitFor();
    expect(await page.getByTestId('device-secret').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(secret);
    await expect.poll(() => page.getByTestId('device-credentials-state').innerText()).toMatch(/有效|Active/);

    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort()}`, { username: code, password: secret, clientId: `${code}-e2e`, reconnectPeriod: 0, connectTimeout: 10_000 });
    try {
      await client.publishAsync(`parkos/${code}/telemetry`, JSON.stringify({ metric: 'temperature', value: 22.5 }), { qos: 1 });
      // The PUBACK of QoS 1 comes after the reading is committed; the page refreshes every few seconds.
      await expect.poll(() => page.getByTestId('device-latest').innerText(), { timeout: 20_000 }).toContain('22.5');
      await expect.poll(() => page.getByTestId('device-status').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('online');
      expect(await page.getByTestId('device-last-seen').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
      await screenshot(page, 'device-online-desktop');
      // A physically impossible value is rejected: not stored, counted under its own reason; the latest value shows its plausible range.
      await client.publishAsync(`parkos/${code}/telemetry`, '{"metric":"humidity","value":1e300}', { qos: 1 });
      await expect.poll(() => page.getByTestId('device-ingest-errors').innerText(), { timeout: 20_000 }).toContain('超出合理范围');
      expect(await page.getByTestId('device-latest').innerText()).not.toContain('1e+300');
      expect(await page.getByTestId('device-range-temperature').innerText()).toBe('-60 … 100 °C');
      await page.getByTestId('device-ingest-errors').scrollIntoViewIfNeeded();
      await screenshot(page, 'device-out-of-range-desktop');
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('lang-option-en').click();
      await expect.poll(() => page.getByTestId('device-ingest-errors').innerText(), { timeout: 10_000 }).toContain('Out of plausible range');
      await page.getByTestId('device-ingest-errors').scrollIntoViewIfNeeded();
      await screenshot(page, 'device-out-of-range-desktop-en');
    } finally {
      await client.endAsync();
    }

    const phone = await newContext(browser, PHONE);
    const phonePage = await phone.newPage();
    await login(phonePage, 'operator');
    await phonePage.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await phonePage.getByTestId('device-latest').waitFor();
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(phonePage, 'device-detail-phone');
    await phonePage.goto('/devices');
    await phonePage.getByTestId('device-table').waitFor();
    await screenshot(phonePage, 'devices-list-phone');
    await phone.close();
    await context.close();
  });

  test('a CSV import reports the rows it refused, field by field', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'operator');
    await page.goto('/devices');
    await page.getByTestId('device-table').waitFor();
    await page.getByTestId('device-import').click();
    const n = Date.now() % 1_000_000;
    const csv = ['code,name,type,tags', `CSV-OK-${n},导入传感器,environment_sensor,lobby;air`, `CSV-BAD-${n},,toaster,`].join('\n');
    await page.getByTestId('device-import-csv').fill(csv);
    await page.getByTestId('device-import-submit').click();
    const errors = page.getByTestId('device-import-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('name');
    expect(text).toContain('type');
    // All or nothing (the default): one bad row and nothing is imported.
    expect(await page.getByTestId('device-import-result').innerText()).toMatch(/已导入 0 个|0 devices imported/);
    await screenshot(page, 'device-import-errors-desktop');
    await page.getByTestId('device-import-mode-valid').click();
    await page.getByTestId('device-import-submit').click();
    await expect.poll(() => page.getByTestId('device-import-result').innerText()).toMatch(/已导入 1 个|1 devices imported/);
    await page.keyboard.press('Escape');
    await page.getByTestId('device-search').locator('input').fill(`CSV-OK-${n}`);
    await page.getByTestId('device-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('device-table').innerText()).toContain(`CSV-OK-${n}`);
    await context.close();
  });
});
