import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../config';

describe('MQTT and ingest configuration', () => {
  test('defaults: WebSocket on 8083 (any free port under NODE_ENV=test), limits as documented', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mqttWsPort: 8083, mqttMaxConnections: 5000, mqttDeviceRate: 200, mqttDeviceBurst: 400, mqttMaxPayloadBytes: 65536, ingestQueueMaxRows: 50000, mqttShareGroup: 'parkos-ingest', commandAckTimeoutMs: 10000, commandMaxAttempts: 3 });
    expect(loadConfig({ NODE_ENV: 'test' }).mqttWsPort).toBe(0);
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
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });
});
