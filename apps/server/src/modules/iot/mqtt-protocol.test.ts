import net from 'node:net';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectPreferringMqtt5, isUnsupportedProtocolVersion, optionsForVersion } from './mqtt-protocol';

let aedes: Aedes;
let server: net.Server;
let url: string;

beforeAll(async () => {
  aedes = await Aedes.createBroker();
  server = net.createServer((socket) => aedes.handle(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `mqtt://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => aedes.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function mosquittoReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(1883, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
const hasMosquitto = await mosquittoReachable();

describe('MQTT protocol versions', () => {
  test('a broker that refuses MQTT 5 (Aedes) gets the same connection again with 3.1.1, without MQTT 5 properties', async () => {
    let fellBack: Error | undefined;
    const client = await connectPreferringMqtt5(url, { reconnectPeriod: 0, properties: { sessionExpiryInterval: 60 } }, (err) => (fellBack = err));
    expect(isUnsupportedProtocolVersion(fellBack)).toBe(true);
    expect(client.options.protocolVersion).toBe(4);
    expect(client.options.properties).toBeUndefined();
    await client.publishAsync('a/b', 'x', { qos: 1 });
    await client.endAsync();
  });

  test.skipIf(!hasMosquitto)('a broker that speaks MQTT 5 (Mosquitto at 127.0.0.1:1883) keeps MQTT 5', async () => {
    let fellBack = false;
    const client = await connectPreferringMqtt5('mqtt://127.0.0.1:1883', { reconnectPeriod: 0 }, () => (fellBack = true));
    expect(fellBack).toBe(false);
    expect(client.options.protocolVersion).toBe(5);
    await client.endAsync();
  });

  test.each([
    [{ code: 1 }, true],
    [{ code: 132 }, true],
    [{ code: 5 }, false],
    [new Error('ECONNREFUSED'), false],
    [null, false],
  ])('refusal %# is a protocol-version refusal: %s', (err, expected) => {
    expect(isUnsupportedProtocolVersion(err)).toBe(expected);
  });

  test('3.1.1 options carry no MQTT 5 properties; MQTT 5 options keep them', () => {
    expect(optionsForVersion({ clientId: 'a', properties: { receiveMaximum: 5 } }, 4)).toEqual({ clientId: 'a', protocolVersion: 4 });
    expect(optionsForVersion({ clientId: 'a', properties: { receiveMaximum: 5 } }, 5)).toEqual({ clientId: 'a', properties: { receiveMaximum: 5 }, protocolVersion: 5 });
  });
});
