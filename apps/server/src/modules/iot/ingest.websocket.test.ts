import mqtt from 'mqtt';
import pino from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../runtime/embedded-broker';
import { buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let broker: EmbeddedBroker;
let parkId: string;

beforeAll(async () => {
  t = await createTestApp({ MQTT_PUBLIC_HOST: 'iot.park.example', MQTT_DEVICE_RATE: '50' });
  parkId = (await buildPark(t.services)).park.id;
  broker = await startEmbeddedBroker({ port: 0, wsPort: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) as never, deviceAuth: t.services.iot.deviceAuth, ingest: t.services.iot.ingest });
  t.services.iot.brokerInfo.setListening({ port: broker.port, wsPort: broker.wsPort });
});
afterAll(async () => {
  await broker?.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('MQTT over WebSocket and the broker address', () => {
  test('a device publishes a QoS 1 reading over ws:// with MQTT.js; it is stored when the PUBACK arrives', async () => {
    expect(broker.wsPort).toBeGreaterThan(0);
    const d = await t.services.iot.devices.createDevice(SYSTEM, { code: 'ws-dev-1', name: 'ws', type: 'environment_sensor', parkId });
    const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
    await expect(mqtt.connectAsync(`ws://127.0.0.1:${broker.wsPort}/mqtt`, { username: d.code, password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow();
    const c = await mqtt.connectAsync(`ws://127.0.0.1:${broker.wsPort}/mqtt`, { username: d.code, password: secret, reconnectPeriod: 0 });
    await c.publishAsync(`parkos/${d.code}/telemetry`, JSON.stringify({ metric: 'co2', value: 612, ts: Date.now() - 1000 }), { qos: 1 });
    const rows = await t.database.query<{ metric: string; value: number }>('select metric, value from telemetry where device_id = $1', [d.id]);
    expect(rows).toEqual([{ metric: 'co2', value: 612 }]);
    await c.endAsync();
  });

  test('a CONNECT announcing 10 MB spread over many WebSocket messages (each under the 1 MiB cap) is cut at its header', async () => {
    const before = broker.stats.oversizedPackets;
    const ws = new WebSocket(`ws://127.0.0.1:${broker.wsPort}/mqtt`, 'mqtt');
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    ws.on('error', () => undefined);
    // Remaining length 10,000,000: varint 80 ad e2 04.
    ws.send(Buffer.from([0x10, 0x80, 0xad, 0xe2, 0x04, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0xc2, 0x00, 0x3c]));
    let sent = 0;
    let isClosed = false;
    void closed.then(() => (isClosed = true));
    while (!isClosed && sent < 10_000_000) {
      await new Promise<void>((resolve) => ws.send(Buffer.alloc(512 * 1024), () => resolve()));
      sent += 512 * 1024;
      await new Promise((r) => setImmediate(r));
    }
    await closed;
    expect(sent).toBeLessThan(10_000_000);
    expect(broker.stats.oversizedPackets).toBe(before + 1);
  });

  test('GET /api/iot/broker tells a signed-in user where devices connect; anonymous gets 401', async () => {
    await buildUser(t.services, 'ws-op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
    const op = await t.login('ws-op', TEST_PASSWORD);
    const res = await op.get('/api/iot/broker');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'embedded',
      host: 'iot.park.example',
      mqtt: { port: broker.port, url: `mqtt://iot.park.example:${broker.port}` },
      websocket: { port: broker.wsPort, path: '/mqtt', url: `ws://iot.park.example:${broker.wsPort}/mqtt` },
      topics: { telemetry: 'parkos/{code}/telemetry', commands: 'parkos/{code}/commands', commandAcks: 'parkos/{code}/command-acks' },
      deviceRatePerSecond: 50,
      mqttVersions: ['3.1.1', '3.1'],
      maxPayloadBytes: 65536,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/iot/broker' })).statusCode).toBe(401);
  });
});
