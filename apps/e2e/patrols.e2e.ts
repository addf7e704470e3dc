import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Services } from '../server/src/services';
import { SYSTEM, TEST_PASSWORD } from '../server/src/testing/builders';
import { feverRuleInput } from '../server/src/modules/patrols';
import { DESKTOP, PHONE, pick, screenshot } from './browser';
import { startInProcessParkOS, type InProcessParkOS } from './in-process';

/**
 * Drone patrols and fever screening in a real browser, on its own ParkOS: an operator plans a mission on a
 * drone route and takes off; the drone publishes telemetry, a snapshot and a finding (as a device, over the
 * ingest API); the mission page shows the track and the finding's work order. A thermal camera publishes
 * readings and one of 38.1 °C: the fever page counts them and shows the alarm.
 */
let parkos: InProcessParkOS;
let services: Services;
let drone: { code: string; secret: string };
let thermal: { code: string; secret: string };

beforeAll(async () => {
  parkos = await startInProcessParkOS({
    name: 'patrols',
    seed: async (built) => {
      services = built;
      const p = services.parks;
      const park = await p.createPark(SYSTEM, { name: '巡航测试园区', code: `PT${Date.now() % 100000}` });
      const site = await p.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
      const district = await p.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
      const building = await p.createBuilding(SYSTEM, { districtId: district.id, name: '1号楼', floorsAboveGround: 5 });
      await services.identity.createUserAsSystem(SYSTEM, {
        username: 'pt.op',
        displayName: '园区运营 李航',
        password: TEST_PASSWORD,
        grants: [{ role: 'operator', scopeType: 'park', scopeId: park.id }],
      });
      const template = await services.inspections.createTemplate(SYSTEM, {
        parkId: park.id,
        purpose: 'drone_mission',
        name: '航拍检查',
        items: [{ key: 'roof', label: '屋面无杂物', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'minor', category: null }],
      });
      await services.inspections.createRoute(SYSTEM, {
        parkId: park.id,
        purpose: 'drone_mission',
        name: '楼宇航线',
        checkpoints: [
          { key: 'b1', name: '1号楼屋面', kind: 'building', districtId: district.id, buildingId: building.id, templateId: template.id },
          { key: 'gate', name: '南门广场', kind: 'location', districtId: district.id, locationText: '南门', templateId: template.id },
        ],
      });
      const d = await services.iot.devices.createDevice(SYSTEM, { code: 'pt-drone-01', name: '巡航无人机 1 号', type: 'drone', parkId: park.id });
      drone = { code: d.code, secret: (await services.iot.devices.rotateCredentials(SYSTEM, d.id)).secret };
      const c = await services.iot.devices.createDevice(SYSTEM, { code: 'pt-thermal-01', name: '1号楼入口测温', type: 'thermal_camera', parkId: park.id, buildingId: building.id });
      thermal = { code: c.code, secret: (await services.iot.devices.rotateCredentials(SYSTEM, c.id)).secret };
      await services.alarms.rules.createRule(SYSTEM, feverRuleInput(park.id));
    },
  });
}, 120_000);
afterAll(() => parkos?.close());

/** Publishes as a device through the ingest API (what MQTT devices do on their topics). */
async function publish(device: { code: string; secret: string }, channel: 'telemetry' | 'events', body: object) {
  const res = await fetch(`${parkos.url}/api/ingest/${channel}`, {
    method: 'POST',
    headers: { authorization: `Device ${device.code}:${device.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.text()).toBe(202);
}

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

describe('drone patrols and fever screening in a real browser', () => {
  test('an operator plans and flies a mission: the track is drawn and the finding links its work order', async () => {
    const { context, page } = await parkos.signIn('pt.op', DESKTOP);
    await page.goto('/patrols');
    await page.getByTestId('mission-new').click();
    await page.getByTestId('mission-name').fill('南区晨间巡航');
    await pick(page, 'mission-route', '楼宇航线');
    await pick(page, 'mission-drone', '巡航无人机 1 号');
    await page.getByTestId('mission-form-submit').click();
    await page.getByRole('link', { name: '南区晨间巡航' }).click();
    await page.getByTestId('mission-start').click();
    await page.getByText('飞行中').first().waitFor();

    const t0 = Date.now();
    const points = [0, 1, 2, 3, 4].map((i) => ({ ts: t0 + i * 1000, lat: 31.23 + i * 0.0006, lng: 121.47 + i * 0.0004 }));
    await publish(drone, 'telemetry', {
      readings: points.flatMap((p) => [
        { ts: p.ts, metric: 'latitude', value: p.lat },
        { ts: p.ts, metric: 'longitude', value: p.lng },
        { ts: p.ts, metric: 'altitude_m', value: 60 },
        { ts: p.ts, metric: 'battery', value: 87 },
      ]),
    });
    await publish(drone, 'events', { type: 'snapshot', id: 'e2e-snap-1', ts: t0 + 2000, attributes: { checkpoint: 'b1', lat: points[2].lat, lng: points[2].lng } });
    await publish(drone, 'events', { type: 'finding', id: 'e2e-find-1', ts: t0 + 3000, attributes: { kind: 'debris', checkpoint: 'b1', lat: points[3].lat, lng: points[3].lng, confidence: 0.93 } });

    // A flying mission's page refreshes itself: the track, the snapshot and the finding's work order appear.
    const link = page.getByTestId('finding-workorder-link');
    await link.waitFor({ timeout: 15_000 });
    await expect.poll(async () => page.getByTestId('mission-track-count').textContent(), { timeout: 10_000 }).toBe('5');
    expect(await page.getByTestId('mission-track').count()).toBe(1);
    expect(await page.getByTestId('mission-finding-marker').count()).toBe(1);
    expect(await page.getByTestId('mission-snapshots').getByText('1号楼屋面').count()).toBe(1);
    expect(await link.textContent()).toMatch(/工单 #\d+/);
    await screenshot(page, 'patrols-mission-desktop');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await fitsPhone(page);
    await screenshot(page, 'patrols-mission-phone');
    await page.setViewportSize(DESKTOP);
    await page.getByTestId('mission-land').click();
    await page.getByText('已完成').first().waitFor();
    await link.click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]+$/);
    await page
      .getByText(/南区晨间巡航/)
      .first()
      .waitFor();
    await context.close();
  }, 60_000);

  test('the fever page counts people screened per entrance and shows the alarm after a 38.1 °C reading', async () => {
    const t0 = Date.now() - 20_000;
    await publish(thermal, 'telemetry', { readings: [36.4, 36.7, 36.9, 36.5].map((v, i) => ({ ts: t0 + i * 1000, metric: 'body_temp', value: v })) });
    await publish(thermal, 'telemetry', { ts: t0 + 6000, metric: 'body_temp', value: 38.1 });
    const { context, page } = await parkos.signIn('pt.op', DESKTOP);
    await page.goto('/fever');
    const row = page.getByTestId('fever-camera-pt-thermal-01');
    await row.waitFor();
    await expect.poll(async () => (await page.reload(), await row.getByTestId('camera-screened').textContent()), { timeout: 10_000 }).toBe('5');
    expect(await row.getByTestId('camera-over').textContent()).toBe('1');
    const alarm = page.getByTestId('fever-alarm');
    await alarm.first().waitFor({ timeout: 10_000 });
    expect(await alarm.first().textContent()).toContain('38.1 °C');
    await screenshot(page, 'fever-desktop');
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await fitsPhone(page);
    await screenshot(page, 'fever-phone');
    await context.close();
  }, 60_000);
});
