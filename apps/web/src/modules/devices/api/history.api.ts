import type { DeviceType } from '@parkos/contracts';
import { api, apiRequest } from '../../../lib/api-client';

/** The history tiers: raw readings, 1-minute and 1-hour rollups. */
export type HistoryTier = 'raw' | '1m' | '1h';

/** One point of a series: a reading, or a bucket's average with its min and max. */
export interface SeriesPoint {
  ts: string;
  value: number;
  min: number;
  max: number;
  count: number;
  last: number;
}

/** A device metric over a range, as served by the series API. */
export interface Series {
  deviceId: string;
  metric: string;
  unit: string | null;
  tier: HistoryTier;
  bucketSeconds: number;
  from: string;
  to: string;
  maxPoints: number;
  points: SeriesPoint[];
}

export interface SeriesQuery {
  metric: string;
  from: string;
  to: string;
  tier?: 'auto' | HistoryTier;
  maxPoints?: number;
}

/** Days each tier is kept for one device type. */
export interface Retention {
  deviceType: DeviceType;
  rawDays: number;
  minuteDays: number;
  hourDays: number;
  isDefault: boolean;
  defaults: { rawDays: number; minuteDays: number; hourDays: number };
  updatedAt: string | null;
}

export interface RetentionList {
  items: Retention[];
  rollup: { watermark: string | null; lastRunAt: string | null; lastError: string | null };
  limits: { minDays: number; maxDays: number };
}

export type RetentionInput = Pick<Retention, 'rawDays' | 'minuteDays' | 'hourDays'>;

export const getDeviceSeries = (id: string, q: SeriesQuery) => api.get<Series>(`/devices/${id}/series`, { ...q });
export const getTelemetryRetention = () => api.get<RetentionList>('/telemetry-retention');
export const updateTelemetryRetention = (type: DeviceType, input: RetentionInput) => apiRequest<Retention>(`/telemetry-retention/${type}`, { method: 'PUT', body: input });
export const resetTelemetryRetention = (type: DeviceType) => api.delete<Retention>(`/telemetry-retention/${type}`);
