/** A device code is its MQTT username and topic segment: 2–64 of A-Z a-z 0-9 . _ - (same rule as the server). */
export const DEVICE_CODE_RE = /^[A-Za-z0-9_.-]{2,64}$/;

/** The MQTT topic a device publishes its telemetry on. */
export const telemetryTopicOf = (code: string) => `parkos/${code}/telemetry`;

/** Port of the embedded broker unless the deployment sets MQTT_PORT (the API does not report it). */
export const DEFAULT_MQTT_PORT = 1883;
