import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

/** MQTT protocol levels ParkOS speaks: 5 (MQTT 5.0) and 4 (MQTT 3.1.1). */
export type MqttProtocolVersion = 4 | 5;

/**
 * The version ParkOS's embedded broker (Aedes) speaks: it refuses MQTT 5
 * CONNECTs (CONNACK return code 1; MQTT 5 clients such as `mosquitto_pub -V 5`
 * report reason code 132, "Unsupported Protocol Version"). Clients of the
 * embedded broker (simulator, tests, devices) connect with this.
 */
export const EMBEDDED_BROKER_PROTOCOL_VERSION: MqttProtocolVersion = 4;

/**
 * True when a broker refused the CONNECT because of its protocol version:
 * an MQTT 3.1.1 broker answers return code 1 (unacceptable protocol version),
 * an MQTT 5 one reason code 132 (0x84, unsupported protocol version).
 */
export function isUnsupportedProtocolVersion(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 1 || code === 132;
}

/** Options for a protocol level: MQTT 5 properties are dropped for 3.1.1, which has none. */
export function optionsForVersion(options: IClientOptions, protocolVersion: MqttProtocolVersion): IClientOptions {
  if (protocolVersion === 5) return { ...options, protocolVersion };
  const { properties: _dropped, ...rest } = options;
  return { ...rest, protocolVersion };
}

/**
 * Connects with MQTT 5 and, when the broker refuses that version (Aedes,
 * including ParkOS's embedded broker, or an MQTT 3.1.1-only broker), again
 * with 3.1.1. For ParkOS's own connections to an external broker.
 */
export async function connectPreferringMqtt5(url: string, options: IClientOptions, onFallback?: (err: Error) => void): Promise<MqttClient> {
  try {
    return await mqtt.connectAsync(url, optionsForVersion(options, 5));
  } catch (err) {
    if (!isUnsupportedProtocolVersion(err)) throw err;
    onFallback?.(err as Error);
    return mqtt.connectAsync(url, optionsForVersion(options, 4));
  }
}
