/** Topic scheme: `parkos/{deviceCode}/{channel}`. */
export const TOPIC_ROOT = 'parkos';

/** Channels a device may publish to. */
export const DEVICE_PUBLISH_CHANNELS = ['telemetry', 'events', 'command-acks'] as const;
export type DevicePublishChannel = (typeof DEVICE_PUBLISH_CHANNELS)[number];

/** The shared subscription ingest instances use in external-broker mode. */
export const SHARED_TELEMETRY_SUBSCRIPTION = '$share/parkos-ingest/parkos/+/telemetry';

/** External mode: devices' command acknowledgements, split among the ingest instances like telemetry. */
export function sharedCommandAckSubscription(group = 'parkos-ingest'): string {
  return `$share/${group}/${TOPIC_ROOT}/+/command-acks`;
}

/** The shared subscription for a share group (`MQTT_SHARE_GROUP`). */
/** Devices' events (fever, intrusion, plate reads, pass scans) in external-broker mode, split between ingest instances. */
export function sharedEventsSubscription(group = 'parkos-ingest'): string {
  return `$share/${group}/${TOPIC_ROOT}/+/events`;
}

export function sharedTelemetrySubscription(group = 'parkos-ingest'): string {
  return `$share/${group}/${TOPIC_ROOT}/+/telemetry`;
}

export function telemetryTopic(code: string): string {
  return `${TOPIC_ROOT}/${code}/telemetry`;
}

export function commandsTopic(code: string): string {
  return `${TOPIC_ROOT}/${code}/commands`;
}

/** Splits `parkos/{code}/{channel}`; undefined for anything else. */
export function parseDeviceTopic(topic: string): { code: string; channel: string } | undefined {
  const parts = topic.split('/');
  if (parts.length !== 3 || parts[0] !== TOPIC_ROOT || !parts[1]) return undefined;
  return { code: parts[1], channel: parts[2] };
}

/** ACL: a device publishes only to its own telemetry, events and command-acks topics. */
export function channelForPublish(code: string, topic: string): DevicePublishChannel | undefined {
  const t = parseDeviceTopic(topic);
  if (!t || t.code !== code) return undefined;
  return (DEVICE_PUBLISH_CHANNELS as readonly string[]).includes(t.channel) ? (t.channel as DevicePublishChannel) : undefined;
}

/** ACL: a device subscribes only to its own command topic (no wildcards). */
export function maySubscribe(code: string, topic: string): boolean {
  return topic === commandsTopic(code);
}
