import { DEVICE_TYPES, METRIC_CATALOG, type DeviceType, type MetricName, type MetricSpec } from '@parkos/contracts';
export { DEVICE_TYPES, METRIC_CATALOG, METRIC_RANGE_BY_TYPE, metricSpecFor, type DeviceType, type MetricName, type MetricSpec } from '@parkos/contracts';

/** A metric a device may report: its catalogue entry (unit, kind, plausible range) and a description. */
export interface MetricDefinition extends MetricSpec {
  description: string;
}

const DESCRIPTIONS: Record<MetricName, string> = {
  temperature: 'Air temperature',
  humidity: 'Relative humidity',
  co2: 'CO₂ concentration',
  pm25: 'PM2.5 concentration',
  pm10: 'PM10 concentration',
  noise: 'Sound level',
  illuminance: 'Illuminance',
  soil_moisture: 'Volumetric soil moisture',
  power_kw: 'Active power',
  energy_kwh: 'Energy meter reading (cumulative)',
  voltage: 'Voltage',
  current: 'Current',
  water_m3: 'Water meter reading (cumulative)',
  flow_m3h: 'Water flow',
  occupied: 'Parking space occupied',
  smoke: 'Smoke detected',
  fire_alarm: 'Fire panel in alarm',
  fault: 'Device fault',
  body_temp: 'Body temperature (thermal camera)',
  people_count: 'People counted',
  vehicle_count: 'Vehicles counted',
  battery: 'Battery level',
  signal_dbm: 'Radio signal strength',
  online: 'Heartbeat',
  altitude_m: 'Altitude (drone)',
  latitude: 'Latitude (drone position)',
  longitude: 'Longitude (drone position)',
};

/** Every metric ParkOS knows (the shared catalogue, with descriptions); a reading of any other name is rejected as `unknown_metric`. */
export const METRICS = Object.fromEntries(Object.entries(METRIC_CATALOG).map(([name, spec]) => [name, { ...spec, description: DESCRIPTIONS[name as MetricName] }])) as Record<
  MetricName,
  MetricDefinition
>;

const COMMON: MetricName[] = ['battery', 'signal_dbm', 'online', 'fault'];

/** The metrics each device type may report. */
export const METRICS_BY_TYPE: Record<DeviceType, readonly MetricName[]> = {
  camera: [...COMMON, 'people_count', 'vehicle_count'],
  environment_sensor: [...COMMON, 'temperature', 'humidity', 'co2', 'pm25', 'pm10', 'noise', 'illuminance', 'soil_moisture'],
  energy_meter: [...COMMON, 'power_kw', 'energy_kwh', 'voltage', 'current'],
  water_meter: [...COMMON, 'water_m3', 'flow_m3h'],
  parking_sensor: [...COMMON, 'occupied'],
  gate_camera: [...COMMON, 'vehicle_count', 'occupied'],
  fire_panel: [...COMMON, 'smoke', 'fire_alarm', 'temperature'],
  thermal_camera: [...COMMON, 'body_temp', 'people_count', 'temperature'],
  drone: [...COMMON, 'altitude_m', 'latitude', 'longitude', 'temperature'],
  generic: Object.keys(METRICS) as MetricName[],
  irrigation_valve: [...COMMON, 'flow_m3h', 'soil_moisture'],
  lighting: [...COMMON, 'power_kw', 'illuminance'],
  air_conditioner: [...COMMON, 'temperature', 'humidity', 'power_kw'],
  barrier_gate: [...COMMON, 'vehicle_count'],
};

const allowedSets = new Map<DeviceType, ReadonlySet<string>>(DEVICE_TYPES.map((t) => [t, new Set<string>(METRICS_BY_TYPE[t])]));

/** Whether a device of `type` may report `metric`. */
export function isMetricAllowed(type: DeviceType, metric: string): boolean {
  return allowedSets.get(type)?.has(metric) ?? false;
}

/** Seconds of silence after which a device of each type counts as offline (status is computed at read time). */
export const OFFLINE_AFTER_SECONDS: Record<DeviceType, number> = {
  camera: 300,
  environment_sensor: 900,
  energy_meter: 900,
  water_meter: 3600,
  parking_sensor: 3600,
  gate_camera: 300,
  fire_panel: 300,
  thermal_camera: 300,
  drone: 120,
  generic: 900,
  irrigation_valve: 900,
  lighting: 900,
  air_conditioner: 900,
  barrier_gate: 300,
};

/** Why input was rejected; counted per device in `device_ingest_errors`. */
export const INGEST_ERROR_REASONS = [
  'malformed_json',
  'invalid_payload',
  'unknown_metric',
  'invalid_value',
  'out_of_range',
  'invalid_timestamp',
  'ts_future',
  'ts_too_old',
  'wrong_topic',
  'oversized',
  'rate_limited',
  'overloaded',
  'nul_character',
] as const;
export type IngestErrorReason = (typeof INGEST_ERROR_REASONS)[number];
