import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../config';

describe('MQTT and ingest configuration', () => {
  test('defaults: WebSocket on 8083 (any free port under NODE_ENV=test), limits as documented', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mqttWsPort: 8083, mqttMaxConnections: 5000, mqttDeviceRate: 200, mqttDeviceBurst: 400, mqttMaxPayloadBytes: 65536, ingestQueueMaxRows: 50000, mqttShareGroup: 'parkos-ingest', commandAckTimeoutMs: 10000, commandMaxAttempts: 3 });
    expect(loadConfig({ NODE_ENV: 'test' }).mqttWsPort).toBe(0);
  });

  test('packet limits: 4 KiB before authentication, the payload limit plus 64 KiB after; a packet limit not above the payload limit is refused', () => {
    expect(loadConfig({})).toMatchObject({ mqttMaxConnectBytes: 4096, mqttMaxPacketBytes: 65536 + 65536 });
    expect(loadConfig({ MQTT_MAX_PAYLOAD_BYTES: '1024' }).mqttMaxPacketBytes).toBe(1024 + 65536);
    expect(loadConfig({ MQTT_MAX_CONNECT_BYTES: '8192', MQTT_MAX_PACKET_BYTES: '70000' })).toMatchObject({ mqttMaxConnectBytes: 8192, mqttMaxPacketBytes: 70000 });
    expect(() => loadConfig({ MQTT_MAX_PACKET_BYTES: '65536' })).toThrow(/MQTT_MAX_PACKET_BYTES/);
  });

  test('MQTT_WS_PORT takes a port, 0 or off', () => {
    expect(loadConfig({ MQTT_WS_PORT: '9001' }).mqttWsPort).toBe(9001);
    expect(loadConfig({ MQTT_WS_PORT: '0' }).mqttWsPort).toBe(0);
    expect(loadConfig({ MQTT_WS_PORT: 'off' }).mqttWsPort).toBeUndefined();
    expect(() => loadConfig({ MQTT_WS_PORT: 'sometimes' })).toThrow(/MQTT_WS_PORT/);
  });

  test('invalid limits stop the start naming the variable', () => {
    for (const [name, value] of [
      ['MQTT_MAX_CONNECTIONS', '0'],
      ['MQTT_DEVICE_RATE', 'fast'],
      ['MQTT_MAX_PAYLOAD_BYTES', '10'],
      ['INGEST_QUEUE_MAX_ROWS', '-1'],
      ['MQTT_SHARE_GROUP', 'a/b'],
      ['COMMAND_MAX_ATTEMPTS', '0'],
      ['MQTT_MAX_CONNECT_BYTES', '10'],
      ['MQTT_MAX_PACKET_BYTES', '300000000'],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });
});
