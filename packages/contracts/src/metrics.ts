import type { DeviceType } from './devices';

/**
 * How a metric's value is read: `number` any real value, `count` a whole number
 * (people, vehicles), `flag` 0 or 1 (JSON `true`/`false` accepted as 1/0 only here).
 */
export type MetricKind = 'number' | 'count' | 'flag';

/** A metric of the telemetry catalogue (指标目录): unit, kind, and the plausible range of a reading (inclusive). */
export interface MetricSpec {
  unit: string;
  kind: MetricKind;
  min: number;
  max: number;
}

const flag = { unit: '0/1', kind: 'flag', min: 0, max: 1 } as const;

/**
 * Every metric ParkOS knows, with its unit and the range a reading must fall in to be stored.
 * The ranges reject what no sensor in a park can measure (humidity above 100 %, a temperature
 * below absolute zero, a sum-overflowing 1e308) while leaving room for extreme but real values.
 */
export const METRIC_CATALOG = {
  temperature: { unit: '°C', kind: 'number', min: -60, max: 100 },
  humidity: { unit: '%', kind: 'number', min: 0, max: 100 },
  co2: { unit: 'ppm', kind: 'number', min: 0, max: 50_000 },
  pm25: { unit: 'µg/m³', kind: 'number', min: 0, max: 2_000 },
  pm10: { unit: 'µg/m³', kind: 'number', min: 0, max: 5_000 },
  noise: { unit: 'dB', kind: 'number', min: 0, max: 194 },
  illuminance: { unit: 'lx', kind: 'number', min: 0, max: 200_000 },
  soil_moisture: { unit: '%', kind: 'number', min: 0, max: 100 },
  // Negative power and flow: a meter that measures export (solar) or reverse flow.
  power_kw: { unit: 'kW', kind: 'number', min: -100_000, max: 100_000 },
  energy_kwh: { unit: 'kWh', kind: 'number', min: 0, max: 1e10 },
  voltage: { unit: 'V', kind: 'number', min: 0, max: 500_000 },
  current: { unit: 'A', kind: 'number', min: 0, max: 100_000 },
  water_m3: { unit: 'm³', kind: 'number', min: 0, max: 1e9 },
  flow_m3h: { unit: 'm³/h', kind: 'number', min: -100_000, max: 100_000 },
  occupied: flag,
  smoke: flag,
  fire_alarm: flag,
  fault: flag,
  body_temp: { unit: '°C', kind: 'number', min: 20, max: 50 },
  people_count: { unit: 'count', kind: 'count', min: 0, max: 1_000_000 },
  vehicle_count: { unit: 'count', kind: 'count', min: 0, max: 1_000_000 },
  battery: { unit: '%', kind: 'number', min: 0, max: 100 },
  signal_dbm: { unit: 'dBm', kind: 'number', min: -150, max: 30 },
  online: flag,
  altitude_m: { unit: 'm', kind: 'number', min: -1_000, max: 10_000 },
  // A drone's position (WGS-84 degrees): its patrol track.
  latitude: { unit: '°', kind: 'number', min: -90, max: 90 },
  longitude: { unit: '°', kind: 'number', min: -180, max: 180 },
} as const satisfies Record<string, MetricSpec>;

/** The name of a catalogued metric. */
export type MetricName = keyof typeof METRIC_CATALOG;

/** Every metric name, in catalogue order. */
export const METRIC_NAMES = Object.keys(METRIC_CATALOG) as MetricName[];

/**
 * Device types whose sensors legitimately read beyond a metric's usual range: a fire panel's heat
 * detectors and a thermal camera's surface temperature go far above air temperature.
 */
export const METRIC_RANGE_BY_TYPE: Partial<Record<DeviceType, Partial<Record<MetricName, { min: number; max: number }>>>> = {
  fire_panel: { temperature: { min: -60, max: 1_000 } },
  thermal_camera: { temperature: { min: -40, max: 600 } },
};

/** The spec of `metric` for a device of `type` (the per-type range when there is one); undefined for an unknown metric. */
export function metricSpecFor(type: DeviceType, metric: string): MetricSpec | undefined {
  if (!Object.hasOwn(METRIC_CATALOG, metric)) return undefined;
  const base: MetricSpec = METRIC_CATALOG[metric as MetricName];
  const range = METRIC_RANGE_BY_TYPE[type]?.[metric as MetricName];
  return range ? { ...base, ...range } : base;
}
