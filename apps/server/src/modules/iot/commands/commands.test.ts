import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../runtime/embedded-broker';
import { startExternalIngest } from '../external-ingest';
import { sharedCommandAckSubscription, sharedTelemetrySubscription } from '../topics';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let broker: EmbeddedBroker;
let parkA: Built;
let parkB: Built;
let op: TestClient;

beforeAll(async () => {
  // Short timeouts: no answer within 150 ms → resend after 150, 300 ms… then timed_out after 3 sends.
  t = await createTestApp({ COMMAND_ACK_TIMEOUT_MS: '150', COMMAND_MAX_ATTEMPTS: '3' });
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) as never, deviceAuth: t.services.iot.deviceAuth, ingest: t.services.iot.ingest });
  t.services.iot.commands.setPublisher(broker);
  await buildUser(t.services, 'cmd-op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  op = await t.login('cmd-op', TEST_PASSWORD);
});
afterAll(async () => {
  t?.services.iot.commands.setPublisher(undefined);
  await broker?.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function actuator(code: string, type: 'irrigation_valve' | 'lighting' | 'environment_sensor' = 'irrigation_valve', parkId = parkA.park.id) {
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type, parkId });
  const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  return { id: d.id, code, secret };
}

async function connectDevice(d: { code: string; secret: string }): Promise<MqttClient> {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: d.code, password: d.secret, reconnectPeriod: 0 });
  (c.stream as net.Socket).setNoDelay?.(true);
  return c;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const commandsOf = async (client: TestClient, deviceId: string) => (await client.get(`/api/devices/${deviceId}/commands`)).json() as { id: string; status: string; attempts: number; detail: string | null }[];

describe('actuator commands over MQTT', () => {
  test('a real device gets the command on its topic with a correlation id, acknowledges it, and the status becomes acknowledged; all audited', async () => {
    const d = await actuator('valve-1');
    const device = await connectDevice(d);
    const received: { id: string; command: string; params: Record<string, number>; issuedAt: string; expiresAt: string }[] = [];
    device.on('message', (topic, payload) => {
      expect(topic).toBe(`parkos/${d.code}/commands`);
      const msg = JSON.parse(payload.toString());
      received.push(msg);
      void device.publishAsync(`parkos/${d.code}/command-acks`, JSON.stringify({ id: msg.id, status: 'ok', detail: 'valve open' }), { qos: 1 });
    });
    await device.subscribeAsync(`parkos/${d.code}/commands`, { qos: 1 });

    const res = await op.post(`/api/devices/${d.id}/commands`, { command: 'open_valve', params: { durationMinutes: 10 } });
    expect(res.statusCode, res.body).toBe(201);
    const cmd = res.json();
    expect(cmd).toMatchObject({ command: 'open_valve', params: { durationMinutes: 10 }, issuedBy: { kind: 'user' } });
    expect(['sent', 'acknowledged']).toContain(cmd.status);

    const list = await waitFor(() => commandsOf(op, d.id), (l) => l[0]?.status === 'acknowledged');
    expect(list[0]).toMatchObject({ id: cmd.id, status: 'acknowledged', attempts: 1, detail: 'valve open' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: cmd.id, command: 'open_valve', params: { durationMinutes: 10 } });
    expect(Date.parse(received[0].expiresAt)).toBeGreaterThan(Date.parse(received[0].issuedAt));

    const audit = await op.get(`/api/audit-log?entityId=${cmd.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action).sort()).toEqual(['device_command.acknowledged', 'device_command.issued', 'device_command.sent']);
    await device.endAsync();
  });

  test('a device that answers error fails the command; a rule can issue through the service', async () => {
    const d = await actuator('lights-1', 'lighting');
    const device = await connectDevice(d);
    device.on('message', (_topic, payload) => {
      const msg = JSON.parse(payload.toString());
      void device.publishAsync(`parkos/${d.code}/command-acks`, JSON.stringify({ id: msg.id, status: 'error', detail: 'relay stuck' }), { qos: 1 });
    });
    await device.subscribeAsync(`parkos/${d.code}/commands`, { qos: 1 });
    const ruleId = '7f1c0b5e-2a4b-4c55-9a3e-0d6f1e2a3b4c';
    const cmd = await t.services.iot.commands.issue({ deviceId: d.id, command: 'set_brightness', params: { level: 40 }, issuedBy: { kind: 'rule', ruleId } });
    const list = await waitFor(() => commandsOf(op, d.id), (l) => l[0]?.status === 'failed');
    expect(list[0]).toMatchObject({ id: cmd.id, status: 'failed', detail: 'relay stuck', issuedBy: { kind: 'rule', ruleId } });
    await device.endAsync();
  });

  test('no acknowledgement: the worker resends with backoff, then the command times out', async () => {
    const d = await actuator('valve-silent');
    const device = await connectDevice(d);
    const ids: string[] = [];
    device.on('message', (_topic, payload) => ids.push(JSON.parse(payload.toString()).id));
    await device.subscribeAsync(`parkos/${d.code}/commands`, { qos: 1 });
    const res = await op.post(`/api/devices/${d.id}/commands`, { command: 'close_valve' });
    expect(res.statusCode, res.body).toBe(201);
    const cmd = res.json();
    // The worker's tick, run by hand.
    const final = await waitFor(
      async () => {
        await t.services.iot.commands.retryDue();
        return commandsOf(op, d.id);
      },
      (l) => l[0]?.status === 'timed_out',
    );
    expect(final[0]).toMatchObject({ id: cmd.id, status: 'timed_out', attempts: 3 });
    expect(ids).toEqual([cmd.id, cmd.id, cmd.id]); // the same correlation id each time
    const audit = await op.get(`/api/audit-log?entityId=${cmd.id}`);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'device_command.sent')).toHaveLength(3);
    expect(actions).toContain('device_command.timed_out');
    // A late acknowledgement changes nothing.
    await device.publishAsync(`parkos/${d.code}/command-acks`, JSON.stringify({ id: cmd.id, status: 'ok' }), { qos: 1 });
    expect((await commandsOf(op, d.id))[0].status).toBe('timed_out');
    await device.endAsync();
  });

  test('a device cannot acknowledge another device’s command; a malformed ack is counted against it', async () => {
    const a = await actuator('valve-a');
    const b = await actuator('valve-b');
    const cmd = await t.services.iot.commands.issue({ deviceId: a.id, command: 'open_valve', issuedBy: { kind: 'rule', ruleId: '7f1c0b5e-2a4b-4c55-9a3e-0d6f1e2a3b4c' } });
    const cb = await connectDevice(b);
    await cb.publishAsync(`parkos/${b.code}/command-acks`, JSON.stringify({ id: cmd.id, status: 'ok' }), { qos: 1 });
    await cb.publishAsync(`parkos/${b.code}/command-acks`, 'not json', { qos: 1 });
    await t.services.iot.pipeline.drain();
    expect((await commandsOf(op, a.id))[0].status).not.toBe('acknowledged');
    const detail = (await op.get(`/api/devices/${b.id}`)).json();
    expect(detail.ingestErrors.find((e: { reason: string }) => e.reason === 'invalid_payload')?.count).toBe(2);
    await cb.endAsync();
  });

  test('only actuators take commands, with valid parameters (400 naming the field)', async () => {
    const sensor = await actuator('env-no-cmd', 'environment_sensor');
    const bad = await op.post(`/api/devices/${sensor.id}/commands`, { command: 'open_valve' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('body.command');
    const valve = await actuator('valve-params');
    const r1 = await op.post(`/api/devices/${valve.id}/commands`, { command: 'lights_on' });
    expect(r1.statusCode).toBe(400);
    const r2 = await op.post(`/api/devices/${valve.id}/commands`, { command: 'open_valve', params: { durationMinutes: 999 } });
    expect(r2.statusCode).toBe(400);
    expect(JSON.stringify(r2.json().details)).toContain('body.params.durationMinutes');
  });

  test('another park’s operator gets 404, an enterprise user 403, anonymous 401; nothing is sent', async () => {
    const d = await actuator('valve-guarded');
    await buildUser(t.services, 'cmd-op-b', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
    const other = await t.login('cmd-op-b', TEST_PASSWORD);
    expect((await other.post(`/api/devices/${d.id}/commands`, { command: 'open_valve' })).statusCode).toBe(404);
    expect((await other.get(`/api/devices/${d.id}/commands`)).statusCode).toBe(404);
    const ent = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
    await buildUser(t.services, 'cmd-ent', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.id }]);
    const entClient = await t.login('cmd-ent', TEST_PASSWORD);
    expect((await entClient.post(`/api/devices/${d.id}/commands`, { command: 'open_valve' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/devices/${d.id}/commands` })).statusCode).toBe(401);
    expect(await commandsOf(op, d.id)).toEqual([]);
  });

  test('external broker: the command goes out through Mosquitto and the acknowledgement comes back through the shared subscription', async (ctx) => {
    const reachable = await new Promise<boolean>((resolve) => {
      const sock = net.connect(1883, '127.0.0.1');
      sock.once('connect', () => (sock.destroy(), resolve(true)));
      sock.once('error', () => resolve(false));
    });
    if (!reachable) ctx.skip();
    const group = `cmdtest-${Date.now().toString(36)}`;
    const ext = await startExternalIngest({
      url: 'mqtt://127.0.0.1:1883',
      ingest: t.services.iot.ingest,
      clientId: `${group}-ingest`,
      subscription: sharedTelemetrySubscription(group),
      ackSubscription: sharedCommandAckSubscription(group),
      log: pino({ level: 'silent' }) as never,
    });
    t.services.iot.commands.setPublisher(ext);
    const d = await actuator(`${group}-gate`.slice(0, 60), 'irrigation_valve');
    const device = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { protocolVersion: 5, reconnectPeriod: 0 });
    try {
      device.on('message', (_topic, payload) => {
        const msg = JSON.parse(payload.toString());
        void device.publishAsync(`parkos/${d.code}/command-acks`, JSON.stringify({ id: msg.id, status: 'ok' }), { qos: 1 });
      });
      await device.subscribeAsync(`parkos/${d.code}/commands`, { qos: 1 });
      const res = await op.post(`/api/devices/${d.id}/commands`, { command: 'open_valve' });
      expect(res.statusCode, res.body).toBe(201);
      const list = await waitFor(() => commandsOf(op, d.id), (l) => l[0]?.status === 'acknowledged');
      expect(list[0]).toMatchObject({ id: res.json().id, status: 'acknowledged', attempts: 1 });
    } finally {
      t.services.iot.commands.setPublisher(broker);
      await device.endAsync();
      await ext.close();
      const c = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { clientId: `${group}-ingest`, clean: true, protocolVersion: 5, reconnectPeriod: 0 });
      await c.endAsync();
    }
  });
});
