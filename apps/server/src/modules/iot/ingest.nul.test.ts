import type net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../runtime/embedded-broker';
import { buildPark, SYSTEM } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { nulRejection } from './ingest.service';

/**
 * U+0000 from a device (issue 11): PostgreSQL refuses it in text and jsonb.
 * The message is acknowledged and counted against the device (reason
 * `nul_character`), the connection stays open, and nothing of it is stored;
 * before, an event with a NUL attribute got no PUBACK and the device was
 * disconnected, so a QoS 1 device resent it forever.
 */
const log = pino({ level: 'silent' });
let t: TestApp;
let broker: EmbeddedBroker;
let parkId: string;

beforeAll(async () => {
  t = await createTestApp();
  parkId = (await buildPark(t.services)).park.id;
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log: log as never, deviceAuth: t.services.iot.deviceAuth, ingest: t.services.iot.ingest });
});
afterAll(async () => {
  await broker?.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function device(code: string) {
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type: 'thermal_camera', parkId });
  const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  return { id: d.id, code, secret };
}

function connect(username: string, password: string): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${broker.port}`, { username, password, reconnectPeriod: 0, connectTimeout: 5_000 });
    client.once('connect', () => {
      (client.stream as net.Socket).setNoDelay?.(true);
      resolve(client);
    });
    client.once('error', (err) => {
      client.end(true);
      reject(err);
    });
  });
}

/** Publishes at QoS 1 and waits for the PUBACK, failing clearly when none comes. */
async function publishAcked(c: MqttClient, topic: string, payload: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const noAck = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no PUBACK for ${payload}`)), 5_000)));
  try {
    await Promise.race([c.publishAsync(topic, payload, { qos: 1 }), noAck]);
  } finally {
    clearTimeout(timer);
  }
}

async function countedRejections(deviceId: string): Promise<Record<string, { count: number; lastError: string | null }>> {
  await t.services.iot.pipeline.drain();
  const detail = await t.services.iot.devices.getDevice(SYSTEM, deviceId);
  return Object.fromEntries(detail.ingestErrors.map((e) => [e.reason, { count: e.count, lastError: e.lastError }]));
}

async function storedEvents(deviceId: string): Promise<string[]> {
  const rows = await t.database.query<{ type: string }>('select type from device_events where device_id = $1 order by id', [deviceId]);
  return rows.map((r) => r.type);
}

describe('U+0000 over MQTT (embedded broker, QoS 1)', () => {
  test('events and telemetry with a NUL in a value or a key are acknowledged, counted, not stored, and the connection stays', async () => {
    const d = await device('nul-cam-1');
    const c = await connect(d.code, d.secret);
    let closed = false;
    c.on('close', () => (closed = true));
    const events = `parkos/${d.code}/events`;
    await publishAcked(c, events, JSON.stringify({ type: 'fever', attributes: { note: 'a\u0000b', temperature: 38.5 } }));
    await publishAcked(c, events, JSON.stringify({ type: 'fever', attributes: { 'te\u0000mp': 38.5 } }));
    await publishAcked(c, events, JSON.stringify({ type: 'fever', id: 'x\u0000y' }));
    await publishAcked(c, `parkos/${d.code}/telemetry`, JSON.stringify({ metric: 'body_temp\u0000', value: 36.6 }));
    // The same connection still delivers a good event.
    await publishAcked(c, events, JSON.stringify({ type: 'intrusion', attributes: { zone: 'north' } }));
    expect(closed).toBe(false);
    expect(c.connected).toBe(true);
    await c.endAsync();

    expect(await storedEvents(d.id)).toEqual(['intrusion']);
    const rejected = await countedRejections(d.id);
    expect(rejected.nul_character?.count).toBe(4);
    expect(rejected.nul_character?.lastError).toBe('metric: must not contain the character U+0000');
  });

  test('an escaped backslash before u0000 is text, not a NUL, and is stored', async () => {
    const d = await device('nul-cam-2');
    const c = await connect(d.code, d.secret);
    await publishAcked(c, `parkos/${d.code}/events`, '{"type":"fever","attributes":{"note":"C:\\\\u0000"}}');
    await c.endAsync();
    expect(await storedEvents(d.id)).toEqual(['fever']);
    expect(await countedRejections(d.id)).toEqual({});
  });
});

describe('U+0000 from the external broker', () => {
  test('is dropped and counted against the device, for events and telemetry alike', async () => {
    const d = await device('nul-ext-1');
    await t.services.iot.ingest.handleExternalMessage(`parkos/${d.code}/events`, Buffer.from(JSON.stringify({ type: 'fever', attributes: { note: '\u0000' } })));
    await t.services.iot.ingest.handleExternalMessage(`parkos/${d.code}/telemetry`, Buffer.from(JSON.stringify({ values: { 'body_temp\u0000': 1 } })));
    expect(await storedEvents(d.id)).toEqual([]);
    expect((await countedRejections(d.id)).nul_character?.count).toBe(2);
  });
});

describe('U+0000 over HTTP telemetry', () => {
  test('is a 400 naming the field, counted against the device', async () => {
    const d = await device('nul-http-1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ingest/telemetry',
      headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ readings: [{ metric: 'body_temp', value: 36.6 }, { metric: 'body_temp', value: 'a\u0000' }] }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', details: { reason: 'nul_character', fields: [{ field: 'body.readings.1.value', code: 'nul_character' }] } });
    expect((await countedRejections(d.id)).nul_character?.count).toBe(1);
  });
});

describe('the rejection counters', () => {
  test('a rejection message quoting a NUL is stored escaped instead of failing the batch', async () => {
    const d = await device('nul-msg-1');
    t.services.iot.pipeline.recordRejections(d.id, [{ reason: 'wrong_topic', message: 'publish to parkos/x/te\u0000st refused' }]);
    expect((await countedRejections(d.id)).wrong_topic).toEqual({ count: 1, lastError: 'publish to parkos/x/te\\u0000st refused' });
  });

  test.each([
    ['no escape at all', '{"type":"fever"}', null],
    ['not JSON', '{"a":"\\u0000', null],
    ['a NUL in a nested array', '{"events":[{"type":"a"},{"type":"b","attributes":{"k":["x","\\u0000"]}}]}', 'events.1.attributes.k.1'],
  ])('nulRejection: %s', (_name, payload, path) => {
    expect(nulRejection(Buffer.from(payload))?.path ?? null).toBe(path);
  });
});
