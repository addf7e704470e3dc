import os from 'node:os';
import mqtt, { type MqttClient } from 'mqtt';
import type { DeviceAuth } from '../../iot/device-auth';
import { parseDeviceTopic } from '../../iot/topics';
import type { createPassEventHandler } from './passes.mqtt';

/** Shared subscription: several instances split the gates' event stream. */
export const SHARED_GATE_EVENTS_SUBSCRIPTION = '$share/parkos-passes/parkos/+/events';

/**
 * External-broker mode (MQTT_URL): the broker authenticated the gate, so this
 * subscriber takes `parkos/{code}/events`, finds the registered device and
 * hands pass scans to the verifier. Other event types are ignored here.
 */
export async function startExternalGateEvents(options: {
  url: string;
  deviceAuth: DeviceAuth;
  handler: ReturnType<typeof createPassEventHandler>;
  clientId?: string;
  subscription?: string;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}): Promise<{ client: MqttClient; close(): Promise<void> }> {
  const client = await mqtt.connectAsync(options.url, { protocolVersion: 5, clientId: options.clientId ?? `parkos-passes-${os.hostname()}-${process.pid}`, reconnectPeriod: 1_000 });
  client.on('message', (topic, payload) => {
    const t = parseDeviceTopic(topic);
    if (!t || t.channel !== 'events') return;
    void options.deviceAuth
      .findByCode(t.code)
      .then((device) => (device ? options.handler.handle(device, payload) : undefined))
      .catch((err: unknown) => options.log.warn({ err, code: t.code.slice(0, 64) }, 'passes: gate event from the external broker failed'));
  });
  client.on('error', (err) => options.log.warn({ err: err.message }, 'passes: external MQTT broker error'));
  const subscription = options.subscription ?? SHARED_GATE_EVENTS_SUBSCRIPTION;
  await client.subscribeAsync(subscription, { qos: 1 });
  options.log.info({ subscription }, 'passes: subscribed to gate events on the external broker');
  return { client, close: () => client.endAsync() };
}
