import type { Database } from '../../db/client';
import type { AuditService } from '../identity/audit.service';
import { createDeviceAuth } from './device-auth';
import { createDeviceService } from './device.service';
import { createIngestPipeline, type IngestPipelineOptions } from './ingest.pipeline';
import { createIngestService, type IngestLimits } from './ingest.service';
import { createBrokerInfo, type BrokerInfoSettings } from './ingest.broker-info';
import { createCommandService, type CommandServiceOptions } from './commands/commands.service';

export { createDeviceAuth, parseDeviceAuthorization, type DeviceAuth, type DeviceIdentity } from './device-auth';
export { createDeviceService, type DeviceService } from './device.service';
export { createIngestPipeline, type IngestPipeline } from './ingest.pipeline';
export { createIngestService, IngestRefusal, DEFAULT_INGEST_LIMITS, type IngestLimits, type IngestService } from './ingest.service';
export { startExternalIngest } from './external-ingest';
export { connectPreferringMqtt5, EMBEDDED_BROKER_PROTOCOL_VERSION, isUnsupportedProtocolVersion, type MqttProtocolVersion } from './mqtt-protocol';
export { commandRoutes, createCommandService, startCommandRetryJob, createCommandRetryJob, type CommandService, type IssuedBy } from './commands';
export { brokerInfoRoutes, createBrokerInfo, type BrokerInfo, type BrokerInfoService } from './ingest.broker-info';
export { deviceRoutes, ingestRoutes } from './iot.routes';
export { deviceImportRoutes } from './import/xlsx.routes';
export { DEVICE_TYPES, METRICS, METRICS_BY_TYPE, metricSpecFor, type DeviceType } from './metrics';
export { channelForPublish, maySubscribe, commandsTopic, telemetryTopic, SHARED_TELEMETRY_SUBSCRIPTION, sharedTelemetrySubscription, sharedCommandAckSubscription, sharedEventsSubscription } from './topics';

/** The IoT part of the composition root: device registry, credentials, and the ingest pipeline. */
export function createIotServices(deps: {
  database: Database;
  audit: AuditService;
  limits?: Partial<IngestLimits>;
  pipeline?: Omit<IngestPipelineOptions, 'database'>;
  broker?: BrokerInfoSettings;
  commands?: CommandServiceOptions;
  onEvents?: Parameters<typeof createIngestService>[0]['onEvents'];
}) {
  const deviceAuth = createDeviceAuth({ database: deps.database });
  const pipeline = createIngestPipeline({ database: deps.database, ...deps.pipeline });
  const ingest = createIngestService({ pipeline, deviceAuth, limits: deps.limits, onEvents: deps.onEvents });
  const devices = createDeviceService({ db: deps.database.db, audit: deps.audit, deviceAuth });
  const brokerInfo = createBrokerInfo(deps.broker ?? {});
  const commands = createCommandService({ db: deps.database.db, audit: deps.audit, options: deps.commands });
  // Devices' answers to commands arrive through the ingest (embedded broker or external subscription).
  ingest.setCommandAckHandler((device, payload) => commands.handleAck(device.id, payload));
  return { deviceAuth, pipeline, ingest, devices, brokerInfo, commands };
}

export type IotServices = ReturnType<typeof createIotServices>;

/** The topic scheme and payloads, for the OpenAPI description and the README. */
export const IOT_API_DESCRIPTION = `
## Devices and telemetry
Devices connect to the MQTT broker (embedded: port \`MQTT_PORT\`, default 1883; MQTT over WebSocket at
\`ws://host:MQTT_WS_PORT/mqtt\`, default 8083; \`GET /api/iot/broker\` gives the public address) with username = device code and
password = the secret from \`POST /api/devices/{id}/credentials\` (shown once, stored as a SHA-256 hash).
A device may publish only to \`parkos/{code}/telemetry\`, \`parkos/{code}/events\` and \`parkos/{code}/command-acks\`,
and subscribe only to \`parkos/{code}/commands\`. With QoS 1 the PUBACK is sent after the readings are committed.
The embedded broker speaks MQTT 3.1.1 (and 3.1); it refuses MQTT 5 clients (CONNACK code 1, shown by MQTT 5 clients as 132).

Telemetry payloads (JSON, at most 64 KiB): \`{"ts": "2026-05-01T08:00:00Z", "metric": "temperature", "value": 21.5}\`,
a batch \`{"readings": [{"ts": 1777622400000, "metric": "co2", "value": 612}, …]}\` or
\`{"ts": …, "values": {"temperature": 21.5, "humidity": 40}}\`. \`ts\` is ISO 8601 or epoch milliseconds, optional
(default: time of receipt), at most 5 minutes ahead and 7 days old. Units and plausible ranges are fixed per metric
(temperature °C −60…100, humidity % 0…100, co2 ppm 0…50000, pm25 µg/m³, power_kw kW, energy_kwh kWh, water_m3 m³,
occupied/smoke 0/1, body_temp °C, soil_moisture %…; some device types widen a range); each device type accepts its own
metrics. A value outside its range is rejected as \`out_of_range\`; a boolean for a non-0/1 metric, a non-finite number
or an integer beyond 2^53 as \`invalid_value\`. Rejected input is not stored; it is counted per device and reason and
shown in \`GET /api/devices/{id}\` (whose \`latest\` values carry \`unit\`, \`min\` and \`max\`). Devices that cannot speak MQTT send the same payloads to \`POST /api/ingest/telemetry\` with
\`Authorization: Device <code>:<secret>\`.

Actuators (irrigation valves, lights, air conditioning, barrier gates) take commands: \`POST /api/devices/{id}/commands\`
publishes QoS 1 to \`parkos/{code}/commands\` \`{"id": "<correlation id>", "command": "open_valve", "params": {"durationMinutes": 10},
"issuedAt": …, "expiresAt": …}\`; the device answers on \`parkos/{code}/command-acks\` with \`{"id": …, "status": "ok"|"error", "detail"?: …}\`.
Unanswered commands are resent with the same id (backoff doubling from \`COMMAND_ACK_TIMEOUT_MS\`, \`COMMAND_MAX_ATTEMPTS\` times),
then \`timed_out\`; devices should ignore an id they have already executed.`;
