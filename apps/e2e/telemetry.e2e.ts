import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, PHONE, launchBrowser, login, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Pixels of the chart canvas that are neither transparent nor white: a drawn line and band. */
async function inkedPixels(page: Page): Promise<number> {
  return page.getByTestId('history-chart').evaluate((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200)) n++;
    return n;
  });
}

describe('device history charts in a real browser', () => {
  test('readings sent over HTTP become a chart of raw readings (1 h) and of 1-minute rollups with a min/max band (24 h)', async () => {
    const context = await newContext(browser);
    const api = context.request;
    const loginRes = await api.post('/api/auth/login', { data: { username: 'operator', password: DEMO_PASSWORD } });
    expect(loginRes.status()).toBe(200);
    const csrf = ((await loginRes.json()) as { csrfToken: string }).csrfToken;
    const parks = (await (await api.get('/api/parks')).json()) as { id: string }[] | { items: { id: string }[] };
    const parkId = (Array.isArray(parks) ? parks : parks.items)[0].id;
    const code = `E2E-HIST-${Date.now() % 1_000_000}`;
    const created = await api.post('/api/devices', { data: { code, name: '历史曲线测试传感器', type: 'environment_sensor', parkId }, headers: { 'x-csrf-token': csrf } });
    expect(created.status(), await created.text()).toBe(201);
    const device = (await created.json()) as { id: string };
    const creds = (await (await api.post(`/api/devices/${device.id}/credentials`, { data: {}, headers: { 'x-csrf-token': csrf } })).json()) as { secret: string };

    // Seed 24 hours of CO₂ and temperature, one reading a minute, through the device's own HTTP ingestion.
    const now = Date.now();
    const readings: { ts: number; metric: string; value: number }[] = [];
    for (let ts = now - 24 * 3_600_000; ts < now; ts += 60_000) {
      const phase = (ts / 3_600_000) * (Math.PI / 6);
      readings.push({ ts, metric: 'co2', value: Math.round(700 + 250 * Math.sin(phase) + ((ts / 60_000) % 7) * 10) });
      readings.push({ ts, metric: 'temperature', value: Math.round((22 + 2 * Math.sin(phase)) * 100) / 100 });
    }
    for (let i = 0; i < readings.length; i += 500) {
      const res = await api.post('/api/ingest/telemetry', { data: JSON.stringify({ readings: readings.slice(i, i + 500) }), headers: { authorization: `Device ${code}:${creds.secret}`, 'content-type': 'application/json' } });
      expect(res.status(), await res.text()).toBe(202);
    }
    // The worker's rollup job runs every 20 s; wait until the 1-minute tier covers the day.
    await expect
      .poll(
        async () => {
          const s = (await (await api.get(`/api/devices/${device.id}/series?metric=co2&from=${new Date(now - 24 * 3_600_000).toISOString()}&to=${new Date(now).toISOString()}`)).json()) as { tier: string; points: unknown[] };
          return s.tier === '1m' ? s.points.length : 0;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(400);

    // The context is already signed in through its API login above.
    const page = await context.newPage();
    await page.goto(`/devices/${device.id}`);
    await page.getByTestId('device-history').waitFor();
    // Pick CO₂ and the last hour: raw readings.
    await page.getByTestId('history-metric').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'CO₂' }).click();
    await page.getByTestId('history-range').getByText('1 小时').click();
    await expect.poll(() => page.getByTestId('history-tier').innerText()).toMatch(/原始数据\s*\d{2} 个点/);
    await page.getByTestId('history-chart').waitFor();
    await expect.poll(() => inkedPixels(page)).toBeGreaterThan(500);
    await page.getByTestId('device-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'device-history-1h-raw');

    // 24 hours: 1-minute rollups, drawn with the min/max band.
    await page.getByTestId('history-range').getByText('24 小时').click();
    await expect.poll(() => page.getByTestId('history-tier').innerText()).toMatch(/1 分钟汇总\s*\d{3} 个点/);
    const rawInk = await inkedPixels(page);
    expect(rawInk).toBeGreaterThan(500);
    await page.getByTestId('device-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'device-history-24h-rollup');

    // The retention settings page opens from the chart card; company-wide operators (admin) may change it.
    await page.getByTestId('history-settings-link').click();
    await page.waitForURL(/\/devices\/history-settings$/);
    await page.getByTestId('retention-table').waitFor();
    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    await login(adminPage, 'admin');
    await adminPage.goto('/devices/history-settings');
    await adminPage.getByTestId('retention-table').waitFor();
    const raw = adminPage.locator('[data-testid="retention-camera-rawDays"] input, input[data-testid="retention-camera-rawDays"]');
    await raw.fill('3');
    await adminPage.getByTestId('retention-camera-save').click();
    await expect.poll(async () => ((await (await api.get('/api/telemetry-retention')).json()) as { items: { deviceType: string; rawDays: number }[] }).items.find((i) => i.deviceType === 'camera')?.rawDays).toBe(3);
    await screenshot(adminPage, 'telemetry-retention-settings');
    await adminPage.locator('tr', { hasText: '摄像机' }).first().getByRole('button', { name: /恢复默认/ }).click();
    await adminPage.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(async () => ((await (await api.get('/api/telemetry-retention')).json()) as { items: { deviceType: string; isDefault: boolean }[] }).items.find((i) => i.deviceType === 'camera')?.isDefault).toBe(true);
    await adminContext.close();

    // On a phone the chart fits the screen.
    const phone = await newContext(browser, PHONE);
    const phonePage = await phone.newPage();
    await login(phonePage, 'operator');
    await phonePage.goto(`/devices/${device.id}`);
    await phonePage.getByTestId('history-chart').waitFor();
    await phonePage.getByTestId('device-history').scrollIntoViewIfNeeded();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(phonePage, 'device-history-phone');
    await phone.close();
    await context.close();
  });

  test('the simulated demo devices are alive: a simulated environment sensor has history and fresh readings', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'operator');
    const list = (await (await context.request.get('/api/devices?q=sim-env-01')).json()) as { items: { id: string; status: string }[] };
    expect(list.items).toHaveLength(1);
    await page.goto(`/devices/${list.items[0].id}`);
    await expect.poll(() => page.getByTestId('device-status').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('online');
    await page.getByTestId('history-chart').waitFor();
    await expect.poll(() => inkedPixels(page)).toBeGreaterThan(500);
    await page.getByTestId('device-history').scrollIntoViewIfNeeded();
    await screenshot(page, 'device-history-simulated');
    await context.close();
  });
});
