import mqtt from 'mqtt';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, baseUrl, launchBrowser, login, mqttPort, newContext, screenshot } from './browser';

let browser: Browser;
let operatorState: Awaited<ReturnType<BrowserContext['storageState']>>;
beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  await login(page, 'operator');
  operatorState = await context.storageState();
  await context.close();
});
afterAll(() => browser?.close());

/** A signed-in operator's page at a given screen size (logged in once for the file). */
async function operatorPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'zh-CN', storageState: operatorState });
  return context.newPage();
}

/** Calls the API from the page with its session and CSRF token, as the web app does. */
async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(`/api${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    { method, path, body },
  );
}

/** The wall is one screen: nothing scrolls, and the panels reach every edge of it. */
async function expectOneScreen(page: Page) {
  const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight, sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight }));
  expect(size.sw).toBeLessThanOrEqual(size.w);
  expect(size.sh).toBeLessThanOrEqual(size.h);
  const boxes = await page.locator('.ioc-grid > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBe(6);
  for (const b of boxes) {
    expect(b.bottom).toBeLessThanOrEqual(size.h + 1);
    expect(b.right).toBeLessThanOrEqual(size.w + 1);
    expect(b.height).toBeGreaterThan(size.h * 0.15);
  }
  // Filled: the panels reach within 3% of the right and bottom edges, and the park view is the largest.
  expect(Math.max(...boxes.map((b) => b.right))).toBeGreaterThan(size.w * 0.97);
  expect(Math.max(...boxes.map((b) => b.bottom))).toBeGreaterThan(size.h * 0.97);
  const park = (await page.locator('.ioc-area-park').boundingBox())!;
  expect(park.width * park.height).toBeGreaterThan(size.w * size.h * 0.25);
  return size;
}

describe('the IOC wall', () => {
  test('one screen at 1920×1080: live readings move with MQTT telemetry; a building opens its floor drawing with devices where they are stored', async () => {
    const page = await operatorPage({ width: 1920, height: 1080 });
    await page.goto('/ioc/wall');
    await page.getByTestId('ioc-park-view').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-live')).toBe('true');
    await expect.poll(() => page.locator('[data-testid^="park-building-"]').count()).toBeGreaterThan(20);
    await expectOneScreen(page);
    await screenshot(page, 'ioc-wall-1920x1080');

    // A people counter in the first demo building, placed on its ground floor, reports over MQTT.
    const parks = await apiFromPage<{ id: string }[]>(page, 'GET', '/parks');
    const buildings = await apiFromPage<{ id: string; name: string }[]>(page, 'GET', `/buildings?parkId=${parks[0].id}`);
    const a1 = buildings.find((b) => b.name === 'A1栋')!;
    const detail = await apiFromPage<{ floors: { id: string; level: number; planSvg: string | null }[] }>(page, 'GET', `/buildings/${a1.id}`);
    const ground = detail.floors.find((f) => f.level === 1)!;
    expect(ground.planSvg).toContain('<svg');
    const code = `E2E-WALL-${Date.now() % 1_000_000}`;
    const device = await apiFromPage<{ id: string }>(page, 'POST', '/devices', { code, name: 'E2E 人流计数', type: 'camera', parkId: parks[0].id, buildingId: a1.id, floorId: ground.id, x: 33.5, y: 21 });
    const { secret } = await apiFromPage<{ secret: string }>(page, 'POST', `/devices/${device.id}/credentials`);
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort()}`, { username: code, password: secret, clientId: `${code}-e2e`, reconnectPeriod: 0, connectTimeout: 10_000 });
    const peopleBefore = Number(await page.getByTestId('ioc-people-now').getAttribute('data-people'));
    const published = Date.now();
    try {
      await client.publishAsync(`parkos/${code}/telemetry`, JSON.stringify({ metric: 'people_count', value: 137 }), { qos: 1 });
      await page.locator(`[data-testid="live-reading"][data-code="${code}"][data-value="137"]`).waitFor({ timeout: 15_000 });
      // The crowd figure follows (other demo cameras keep counting meanwhile, so it need not move by exactly 137).
      await expect.poll(async () => Number(await page.getByTestId('ioc-people-now').getAttribute('data-people')), { timeout: 15_000 }).not.toBe(peopleBefore);
      expect(Number(await page.getByTestId('ioc-people-now').getAttribute('data-people'))).toBeGreaterThanOrEqual(137);
      expect(Date.now() - published).toBeLessThan(15_000);
      expect(Number(await page.getByTestId('ioc-readings-total').getAttribute('data-count'))).toBeGreaterThan(0);
    } finally {
      await client.endAsync();
    }
    // The demo's own cameras in that building count people too: the building holds at least this camera's 137.
    await expect.poll(async () => Number(await page.getByTestId(`park-building-${a1.id}`).getAttribute('data-people'))).toBeGreaterThanOrEqual(137);
    await screenshot(page, 'ioc-wall-1920x1080-live');

    await page.getByTestId(`park-building-${a1.id}`).click();
    await page.getByTestId('ioc-floor-plan').waitFor();
    expect(await page.getByTestId('plan-drawing').getAttribute('data-has-drawing')).toBe('true');
    const marker = page.getByTestId(`plan-device-${device.id}`);
    await marker.waitFor();
    expect([await marker.getAttribute('data-x'), await marker.getAttribute('data-y')]).toEqual(['33.5', '21']);
    // Drawn where stored: x 33.5 of the 102 m frame (the 100 m outline and a 1 m margin each side).
    const plan = (await page.getByTestId('plan-drawing').boundingBox())!;
    const dot = (await marker.boundingBox())!;
    expect(Math.abs(dot.x + dot.width / 2 - (plan.x + (plan.width * 34.5) / 102))).toBeLessThan(plan.width * 0.02);
    await expectOneScreen(page);
    await screenshot(page, 'ioc-wall-floor-plan');
    await page.getByTestId('ioc-floor-plan-close').click();
    await page.getByTestId('ioc-park-view').waitFor();
    await page.context().close();
  });

  test('at 3840×2160 the same wall fills the screen at twice the size', async () => {
    const page = await operatorPage({ width: 3840, height: 2160 });
    await page.goto('/ioc/wall');
    await page.getByTestId('ioc-park-view').waitFor();
    await expect.poll(() => page.locator('[data-testid^="park-building-"]').count()).toBeGreaterThan(20);
    await expectOneScreen(page);
    // Scaled, not tiny: the title is twice its 1920 px size.
    const title = (await page.locator('.ioc-head h1').boundingBox())!;
    expect(title.height).toBeGreaterThan(60);
    await page.waitForTimeout(1_000);
    await screenshot(page, 'ioc-wall-3840x2160');
    await page.context().close();
  });

  test('an outline typed on the structure page shows on the wall; devices are dragged onto a floor drawing', async () => {
    const page = await operatorPage({ width: 1440, height: 900 });
    await page.goto('/structure');
    const parks = await apiFromPage<{ id: string }[]>(page, 'GET', '/parks');
    const tree = await apiFromPage<{ sites: { districts: { id: string; name: string }[] }[] }>(page, 'GET', `/parks/${parks[0].id}/tree`);
    const name = `E2E楼${Date.now() % 100_000}`;
    const building = await apiFromPage<{ id: string }>(page, 'POST', '/buildings', { districtId: tree.sites[0].districts[0].id, name, floorsAboveGround: 1 });
    const floor = await apiFromPage<{ id: string }>(page, 'POST', '/floors', { buildingId: building.id, level: 1 });
    await page.reload();
    const row = page.getByTestId('building-row').filter({ hasText: name });
    await row.getByTestId('building-edit').click();
    await page.getByTestId('footprint-input').fill('900, -40\n960, -40\n960, 10\n930, 10\n930, -10\n900, -10');
    await expect.poll(() => page.getByTestId('footprint-preview').getAttribute('data-points')).toBe('6');
    await screenshot(page, 'structure-footprint-editor');
    await page.getByTestId('edit-building-form-submit').click();
    console.log('outline saved');
    await expect.poll(async () => (await apiFromPage<{ footprint: number[][] | null }>(page, 'GET', `/buildings/${building.id}`)).footprint?.length).toBe(6);

    // Placing: the new building's camera is dragged from the list onto its ground-floor drawing.
    const device = await apiFromPage<{ id: string }>(page, 'POST', '/devices', { code: `E2E-PLACE-${Date.now() % 1_000_000}`, name: 'E2E 待布设摄像机', type: 'camera', parkId: parks[0].id, buildingId: building.id });
    await page.goto(`/ioc/floor-plan?buildingId=${building.id}&floorId=${floor.id}`);
    console.log('placing');
    await page.getByTestId('plan-edit').click();
    const drawing = page.getByTestId('plan-drawing');
    await drawing.waitFor();
    const box = (await drawing.boundingBox())!;
    await page.getByTestId(`plan-unplaced-${device.id}`).dragTo(drawing, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
    console.log('dragged');
    await expect.poll(async () => (await apiFromPage<{ floorId: string | null; x: number | null }>(page, 'GET', `/devices/${device.id}`)).floorId).toBe(floor.id);
    const placed = await apiFromPage<{ x: number; y: number }>(page, 'GET', `/devices/${device.id}`);
    // The middle of the 60 × 50 m outline's frame (62 × 52 with the margin).
    expect(Math.abs(placed.x - 30)).toBeLessThan(3);
    expect(Math.abs(placed.y - 25)).toBeLessThan(3);
    await page.getByTestId(`plan-device-${device.id}`).waitFor();
    await screenshot(page, 'floor-plan-editor');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/ioc/wall');
    const shape = page.getByTestId(`park-building-${building.id}`);
    await shape.waitFor();
    expect(await shape.locator('polygon').getAttribute('points')).toBe('900,40 960,40 960,-10 930,-10 930,10 900,10');
    await page.context().close();
  }, 150_000);

  test('property staff read their alarms as cards on a phone', async () => {
    const page = await (await newContext(browser, PHONE)).newPage();
    await login(page, 'property');
    await page.goto('/alarms');
    await expect.poll(() => page.getByTestId('alarm-card').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('alarm-table').count()).toBe(0);
    const card = (await page.getByTestId('alarm-card').first().boundingBox())!;
    expect(card.width).toBeGreaterThan(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'alarms-property-375');
    await page.context().close();
  });
});
