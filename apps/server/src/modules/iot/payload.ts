import { isMetricAllowed, metricSpecFor, type DeviceType, type IngestErrorReason, type MetricSpec } from './metrics';

/** Largest accepted telemetry payload (MQTT or HTTP). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Readings stamped further ahead than this are rejected (`ts_future`). */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Readings older than this are rejected (`ts_too_old`). */
export const MAX_AGE_MS = 7 * 24 * 3_600_000;

/** One accepted reading; `ts` in epoch milliseconds. */
export interface ParsedReading {
  metric: string;
  ts: number;
  value: number;
}

export interface Rejection {
  reason: IngestErrorReason;
  message: string;
  /** Where in the payload, as a dotted path, when one field is to blame. */
  path?: string;
}

export interface ParsedPayload {
  readings: ParsedReading[];
  rejections: Rejection[];
}

function parseTs(raw: unknown, fallback: number): number | Rejection {
  if (raw === undefined || raw === null) return fallback;
  let ms: number;
  if (typeof raw === 'number') ms = raw;
  else if (typeof raw === 'string') ms = Date.parse(raw);
  else return { reason: 'invalid_timestamp', message: 'ts must be an ISO 8601 string or epoch milliseconds' };
  if (!Number.isFinite(ms)) return { reason: 'invalid_timestamp', message: `ts ${JSON.stringify(raw).slice(0, 40)} is not a timestamp` };
  return ms;
}

/**
 * Checks one reading's value against its metric's spec; returns the value to store or why it is
 * refused. The one value check of every ingest path (embedded and external MQTT, HTTP):
 * - a boolean is accepted only by a 0/1 metric (`flag`), never as a number of another unit;
 * - a value must be a finite number; `count` and `flag` metrics take whole numbers only;
 * - it must lie in the metric's plausible range (per device type where it differs): `out_of_range`;
 * - an integer beyond 2^53 is refused: JSON parsing has already rounded it, the stored number would be wrong.
 */
export function checkValue(metric: string, value: unknown, spec: MetricSpec): number | Rejection {
  if (typeof value === 'boolean') {
    if (spec.kind === 'flag') return value ? 1 : 0;
    return { reason: 'invalid_value', message: `${metric}: a boolean is not a value in ${spec.unit}` };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: 'invalid_value', message: `${metric}: value must be a finite number` };
  if (value < spec.min || value > spec.max) {
    return { reason: 'out_of_range', message: `${metric}: ${value} is outside the plausible range ${spec.min}…${spec.max} ${spec.unit}` };
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { reason: 'invalid_value', message: `${metric}: ${value} is beyond 2^53 and cannot be stored exactly` };
  if (spec.kind !== 'number' && !Number.isInteger(value)) return { reason: 'invalid_value', message: `${metric}: value must be a whole number` };
  return value;
}

/**
 * Parses one telemetry payload and validates each reading against the device
 * type's metric catalogue (name, then value: {@link checkValue}). Never throws: whatever it cannot take comes back
 * as rejections with a reason. Formats: `{ts?, metric, value}`,
 * `{ts?, readings: [{ts?, metric, value}, …]}`, `{ts?, values: {metric: value, …}}`.
 */
export function parseTelemetry(payload: Buffer | string, type: DeviceType, now = Date.now(), maxBytes = MAX_PAYLOAD_BYTES): ParsedPayload {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size > maxBytes) return { readings: [], rejections: [{ reason: 'oversized', message: `payload of ${size} bytes exceeds ${maxBytes}` }] };
  let body: unknown;
  try {
    body = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch (err) {
    return { readings: [], rejections: [{ reason: 'malformed_json', message: (err as Error).message.slice(0, 200) }] };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { readings: [], rejections: [{ reason: 'invalid_payload', message: 'payload must be a JSON object' }] };
  }
  const obj = body as Record<string, unknown>;
  const out: ParsedPayload = { readings: [], rejections: [] };
  const defaultTs = parseTs(obj.ts, now);
  if (typeof defaultTs !== 'number') {
    out.rejections.push(defaultTs);
    return out;
  }
  const add = (metric: unknown, value: unknown, ts: number) => {
    if (typeof metric !== 'string' || metric.length === 0) {
      out.rejections.push({ reason: 'invalid_payload', message: 'metric must be a non-empty string' });
      return;
    }
    if (!isMetricAllowed(type, metric)) {
      out.rejections.push({ reason: 'unknown_metric', message: `metric ${metric.slice(0, 64)} is not in the catalogue of ${type}` });
      return;
    }
    // Allowed metrics are catalogued, so the spec is there.
    const v = checkValue(metric, value, metricSpecFor(type, metric)!);
    if (typeof v !== 'number') {
      out.rejections.push(v);
      return;
    }
    if (ts > now + MAX_FUTURE_MS) {
      out.rejections.push({ reason: 'ts_future', message: `${metric}: ts ${new Date(ts).toISOString()} is more than 5 minutes ahead` });
      return;
    }
    if (ts < now - MAX_AGE_MS) {
      out.rejections.push({ reason: 'ts_too_old', message: `${metric}: ts ${new Date(ts).toISOString()} is older than 7 days` });
      return;
    }
    out.readings.push({ metric, ts, value: v });
  };

  if (Array.isArray(obj.readings)) {
    for (const r of obj.readings as unknown[]) {
      if (typeof r !== 'object' || r === null) {
        out.rejections.push({ reason: 'invalid_payload', message: 'each reading must be an object' });
        continue;
      }
      const reading = r as Record<string, unknown>;
      const ts = parseTs(reading.ts, defaultTs);
      if (typeof ts !== 'number') out.rejections.push(ts);
      else add(reading.metric, reading.value, ts);
    }
  } else if (typeof obj.values === 'object' && obj.values !== null && !Array.isArray(obj.values)) {
    for (const [metric, value] of Object.entries(obj.values as Record<string, unknown>)) add(metric, value, defaultTs);
  } else if ('metric' in obj) {
    add(obj.metric, obj.value, defaultTs);
  } else {
    out.rejections.push({ reason: 'invalid_payload', message: 'expected {metric, value}, {readings: […]} or {values: {…}}' });
  }
  return out;
}
