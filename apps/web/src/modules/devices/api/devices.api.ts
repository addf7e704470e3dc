import type { DeviceType } from '@parkos/contracts';
import { api, type Page } from '../../../lib/api-client';

export { DEVICE_TYPES, type DeviceType } from '@parkos/contracts';

export const DEVICE_STATUSES = ['online', 'offline'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Why the server refused a device's input; counted per device. */
export type IngestErrorReason =
  | 'malformed_json'
  | 'invalid_payload'
  | 'unknown_metric'
  | 'invalid_value'
  | 'out_of_range'
  | 'invalid_timestamp'
  | 'ts_future'
  | 'ts_too_old'
  | 'wrong_topic'
  | 'oversized'
  | 'rate_limited'
  | 'overloaded'
  | 'nul_character';

/** A registered device (设备) as operators see it. */
export interface Device {
  id: string;
  code: string;
  name: string;
  type: DeviceType;
  parkId: string;
  siteId: string | null;
  buildingId: string | null;
  floorId: string | null;
  x: number | null;
  y: number | null;
  lat: number | null;
  lon: number | null;
  tags: string[];
  metadata: Record<string, unknown>;
  status: DeviceStatus;
  credentials: 'none' | 'active' | 'revoked';
  secretRotatedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The latest value of one metric. */
export interface LatestReading {
  metric: string;
  value: number;
  ts: string;
  unit: string | null;
  /** The plausible range of the metric for this device's type; readings outside it are rejected (`out_of_range`). */
  min: number | null;
  max: number | null;
}

/** Rejected input of one reason. */
export interface IngestErrorCount {
  reason: IngestErrorReason;
  count: number;
  lastError: string | null;
  lastAt: string;
}

/** A series the rollup job had to skip: its stored readings cannot be aggregated (e.g. a sum overflow). */
export interface RollupFailure {
  metric: string;
  tier: string;
  from: string;
  to: string;
  failures: number;
  lastError: string;
  lastFailedAt: string;
}

/** A device with its latest values, rejected-input counters and skipped rollups. */
export interface DeviceDetail extends Device {
  latest: LatestReading[];
  ingestErrors: IngestErrorCount[];
  rollupFailures: RollupFailure[];
}

/** A newly issued secret: the only time it is ever shown. */
export interface DeviceCredentials {
  deviceId: string;
  username: string;
  secret: string;
  rotatedAt: string;
  mqtt: { telemetryTopic: string; commandsTopic: string };
}

export interface DeviceFilter {
  page: number;
  pageSize: number;
  parkId?: string;
  buildingId?: string;
  type?: DeviceType;
  status?: DeviceStatus;
  q?: string;
}

/** Fields of the create and edit forms. */
export interface DeviceInput {
  code: string;
  name: string;
  type: DeviceType;
  parkId: string;
  buildingId?: string | null;
  floorId?: string | null;
  x?: number | null;
  y?: number | null;
  lat?: number | null;
  lon?: number | null;
  tags?: string[];
}

export type ImportMode = 'all_or_nothing' | 'valid_rows_only';

/** The per-row report of a CSV import. */
export interface ImportResult {
  mode: ImportMode;
  rows: number;
  created: number;
  errors: { row: number; field: string; message: string }[];
}

export const findDevices = (filter: DeviceFilter) => api.get<Page<Device>>('/devices', { ...filter });
export const getDevice = (id: string) => api.get<DeviceDetail>(`/devices/${id}`);
export const createDevice = (input: DeviceInput) => api.post<Device>('/devices', input);
export const updateDevice = (id: string, input: Omit<Partial<DeviceInput>, 'code' | 'parkId'>) => api.patch<Device>(`/devices/${id}`, input);
export const deleteDevice = (id: string) => api.delete(`/devices/${id}`);
export const rotateDeviceCredentials = (id: string) => api.post<DeviceCredentials>(`/devices/${id}/credentials`);
export const revokeDeviceCredentials = (id: string) => api.delete(`/devices/${id}/credentials`);
export const importDevices = (input: { parkId: string; csv: string; mode: ImportMode }) => api.post<ImportResult>('/devices/import', input);
