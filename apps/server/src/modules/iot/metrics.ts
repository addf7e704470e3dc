import { DEVICE_TYPES, type DeviceType } from '@parkos/contracts';
export { DEVICE_TYPES, type DeviceType } from '@parkos/contracts';

/** A metric a device may report, with its unit. */
export interface MetricDefinition {
  unit: string;
  description: string;
}

/** Every metric ParkOS knows; a reading of any other name is rejected as `unknown_metric`. */
export const METRICS = {
  temperature: { unit: '°C', description: 'Air temperature' },
  humidity: { unit: '%', description: 'Relative humidity' },
  co2: { unit: 'ppm', description: 'CO₂ concentration' },
  pm25: { unit: 'µg/m³', description: 'PM2.5 concentration' },
  pm10: { unit: 'µg/m³', description: 'PM10 concentration' },
  noise: { unit: 'dB', description: 'Sound level' },
  illuminance: { unit: 'lx', description: 'Illuminance' },
  soil_moisture: { unit: '%', description: 'Volumetric soil moisture' },
  power_kw: { unit: 'kW', description: 'Active power' },
  energy_kwh: { unit: 'kWh', description: 'Energy meter reading (cumulative)' },
  voltage: { unit: 'V', description: 'Voltage' },
  current: { unit: 'A', description: 'Current' },
  water_m3: { unit: 'm³', description: 'Water meter reading (cumulative)' },
  flow_m3h: { unit: 'm³/h', description: 'Water flow' },
  occupied: { unit: '0/1', description: 'Parking space occupied' },
  smoke: { unit: '0/1', description: 'Smoke detected' },
  fire_alarm: { unit: '0/1', description: 'Fire panel in alarm' },
  fault: { unit: '0/1', description: 'Device fault' },
  body_temp: { unit: '°C', description: 'Body temperature (thermal camera)' },
  people_count: { unit: 'count', description: 'People counted' },
  vehicle_count: { unit: 'count', description: 'Vehicles counted' },
  battery: { unit: '%', description: 'Battery level' },
  signal_dbm: { unit: 'dBm', description: 'Radio signal strength' },
  online: { unit: '0/1', description: 'Heartbeat' },
  altitude_m: { unit: 'm', description: 'Altitude (drone)' },
} as const satisfies Record<string, MetricDefinition>;
export type MetricName = keyof typeof METRICS;

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
  drone: [...COMMON, 'altitude_m', 'temperature'],
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
