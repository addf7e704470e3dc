import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PHONE, launchBrowser, login, mqttPort, newContext, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Registers a device through the API with the page's session, and issues its secret. */
async function registerDevice(page: Page, code: string, type: string): Promise<{ id: string; secret: string }> {
  const me = await page.request.get('/api/auth/me');
  const csrf = (await me.json()).csrfToken as string;
  const headers = { 'x-csrf-token': csrf };
  const parks = (await (await page.request.get('/api/parks')).json()) as { id: string }[];
  const created = await page.request.post('/api/devices', { data: { code, name: `阀门 ${code}`, type, parkId: parks[0].id }, headers });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const creds = await page.request.post(`/api/devices/${id}/credentials`, { headers });
  return { id, secret: (await creds.json()).secret };
}

describe('actuator commands and the broker address in a real browser', () => {
  test('an operator opens an irrigation valve from its page; the device acknowledges over MQTT and the status turns acknowledged', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'operator');
    const code = `E2E-VALVE-${Date.now() % 1_000_000}`;
    const { id, secret } = await registerDevice(page, code, 'irrigation_valve');

    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort()}`, { username: code, password: secret, reconnectPeriod: 0, connectTimeout: 10_000 });
    const received: { id: string; command: string; params: Record<string, number> }[] = [];
    device.on('message', (_topic, payload) => {
      const msg = JSON.parse(payload.toString());
      received.push(msg);
      setTimeout(() => void device.publishAsync(`parkos/${code}/command-acks`, JSON.stringify({ id: msg.id, status: 'ok', detail: '阀门已打开' }), { qos: 1 }), 300);
    });
    await device.subscribeAsync(`parkos/${code}/commands`, { qos: 1 });
    try {
      await page.goto(`/devices/${id}`);
      await page.getByTestId('device-commands').waitFor();
      // The broker address comes from the server (MQTT_PORT=0 here: the real port).
      await expect.poll(() => page.getByTestId('broker-mqtt-url').innerText()).toContain(`:${mqttPort()}`);
      expect(await page.getByTestId('broker-info').innerText()).toContain(`parkos/${code}/commands`);
      // Installers read that the embedded broker takes MQTT 3.1.1, not 5 (code 132).
      expect(await page.getByTestId('broker-mqtt-version').innerText()).toMatch(/3\.1\.1[\s\S]*MQTT 5[\s\S]*132/);
      await page.getByTestId('broker-info').scrollIntoViewIfNeeded();
      await screenshot(page, 'device-broker-info-desktop');
      await page.getByTestId('device-command-param-durationMinutes').fill('15');
      await page.getByTestId('device-command-send').click();
      await expect.poll(() => page.getByTestId('device-command-status-acknowledged').count(), { timeout: 20_000 }).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ command: 'open_valve', params: { durationMinutes: 15 } });
      expect(await page.getByTestId('device-command-list').innerText()).toContain('阀门已打开');
      await page.getByTestId('device-commands').scrollIntoViewIfNeeded();
      await screenshot(page, 'device-commands-desktop');

      const phone = await newContext(browser, PHONE);
      const p2 = await phone.newPage();
      await login(p2, 'operator');
      await p2.goto(`/devices/${id}`);
      await p2.getByTestId('device-command-status-acknowledged').waitFor();
      await p2.getByTestId('device-commands').scrollIntoViewIfNeeded();
      await screenshot(p2, 'device-commands-phone');
      await phone.close();
    } finally {
      await device.endAsync();
      await context.close();
    }
  });
});
