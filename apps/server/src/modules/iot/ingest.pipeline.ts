import type { Database } from '../../db/client';
import { LATE_READING_AFTER_MS } from './history/rollup';
import type { ParsedReading, Rejection } from './payload';

export interface IngestPipelineOptions {
  database: Database;
  /** Flush when a batch holds this many readings… */
  maxBatchRows?: number;
  /** …or when its first reading has waited this long. */
  maxDelayMs?: number;
  /** Readings queued or being written; beyond it `submit` waits and `tryAccept` refuses (backpressure). */
  maxQueuedRows?: number;
  /** Batches written at once (PGlite has one connection: 1). */
  maxConcurrentFlushes?: number;
  /** `last_seen_at` is written at most this often per device. */
  lastSeenIntervalMs?: number;
  log?: { error(obj: object, msg: string): void };
  /**
   * Readings older than this (ms before the write) are late for the rollup job: their series
   * hours are marked in `telemetry_late_hours` by the same statement, for the worker to re-roll.
   */
  lateAfterMs?: number;
  /**
   * Called after each committed batch with its readings (alarm rules). Must
   * not block: it runs on the flush path; a throw is logged and counted.
   */
  onCommitted?: (readings: CommittedBatch) => void;
}

/** The readings of a committed batch, column-wise (redelivered duplicates included). */
export interface CommittedBatch {
  deviceIds: readonly string[];
  metrics: readonly string[];
  ts: readonly number[];
  values: readonly number[];
}

export interface IngestStats {
  /** Readings committed (new rows; redelivered duplicates excluded). */
  inserted: number;
  /** Readings written, duplicates included. */
  written: number;
  batches: number;
  failedBatches: number;
  queuedRows: number;
  /** `onCommitted` hooks that threw. */
  hookErrors: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

interface ErrorCount {
  deviceId: string;
  reason: string;
  count: number;
  lastError: string;
  lastAt: number;
}

class Batch {
  ids: string[] = [];
  metrics: string[] = [];
  ts: number[] = [];
  values: number[] = [];
  /** Distinct devices and metrics of the batch; rows refer to them by 1-based index (small parameters). */
  deviceList: string[] = [];
  deviceIndex = new Map<string, number>();
  metricList: string[] = [];
  metricIndex = new Map<string, number>();
  di: number[] = [];
  mi: number[] = [];
  /** Latest reading per (device, metric), keyed by deviceIndex * 4096 + metricIndex: row number. */
  latest = new Map<number, number>();
  seen = new Set<string>();
  errors = new Map<string, ErrorCount>();
  waiters: Waiter[] = [];
  startedAt = 0;

  get rows(): number {
    return this.ids.length;
  }

  get isEmpty(): boolean {
    return this.ids.length === 0 && this.errors.size === 0 && this.seen.size === 0;
  }

  deviceNo(id: string): number {
    let n = this.deviceIndex.get(id);
    if (n === undefined) {
      n = this.deviceList.push(id);
      this.deviceIndex.set(id, n);
    }
    return n;
  }

  metricNo(metric: string): number {
    let n = this.metricIndex.get(metric);
    if (n === undefined) {
      n = this.metricList.push(metric);
      this.metricIndex.set(metric, n);
    }
    return n;
  }
}

// One statement, so one implicit transaction on both drivers and one round trip:
// raw rows, latest values, last-seen and error counters commit together or not at all.
// With `markLate`, the rows actually inserted (not redelivered duplicates) older than $17
// also mark their series hour in `telemetry_late_hours` — in the same transaction, so a crash
// cannot lose the mark and whichever process runs the worker finds it.
function flushSql(markLate: boolean): string {
  return `
WITH ins AS (
  INSERT INTO telemetry (device_id, metric, ts, value)
  SELECT ($15::uuid[])[u.d], ($16::text[])[u.m], to_timestamp(u.t / 1000.0), u.v
  FROM unnest($1::int4[], $2::int4[], $3::float8[], $4::float8[]) AS u(d, m, t, v)
  ON CONFLICT DO NOTHING
  RETURNING ${markLate ? 'device_id, metric, ts' : '1'}
), ${
    markLate
      ? `late AS (
  INSERT INTO telemetry_late_hours (device_id, metric, hour)
  SELECT DISTINCT i.device_id, i.metric, date_bin('1 hour', i.ts, '1970-01-01T00:00:00Z'::timestamptz)
  FROM ins i WHERE i.ts < to_timestamp($17::float8 / 1000.0)
  ON CONFLICT (device_id, metric, hour) DO UPDATE SET marks = telemetry_late_hours.marks + 1
), `
      : ''
  }lv AS (
  INSERT INTO latest_values (device_id, metric, ts, value)
  SELECT dv.id, ($16::text[])[u.m], to_timestamp(u.t / 1000.0), u.v
  FROM unnest($5::int4[], $6::int4[], $7::float8[], $8::float8[]) AS u(d, m, t, v)
  JOIN devices dv ON dv.id = ($15::uuid[])[u.d]
  ON CONFLICT (device_id, metric) DO UPDATE SET ts = excluded.ts, value = excluded.value
  WHERE excluded.ts >= latest_values.ts
), seen AS (
  UPDATE devices SET last_seen_at = now()
  WHERE id = ANY($9::uuid[]) AND (last_seen_at IS NULL OR last_seen_at < now())
), err AS (
  INSERT INTO device_ingest_errors (device_id, reason, count, last_error, last_at)
  SELECT u.d, u.r, u.c, u.e, to_timestamp(u.t / 1000.0)
  FROM unnest($10::uuid[], $11::text[], $12::int8[], $13::text[], $14::float8[]) AS u(d, r, c, e, t)
  JOIN devices dv ON dv.id = u.d
  ON CONFLICT (device_id, reason) DO UPDATE SET count = device_ingest_errors.count + excluded.count,
    last_error = excluded.last_error, last_at = excluded.last_at
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;
}
const FLUSH_SQL = flushSql(false);
const FLUSH_MARKING_LATE_SQL = flushSql(true);

/**
 * The ingest hot path: readings from MQTT and HTTP are gathered into batches
 * (≤ `maxBatchRows` or ≤ `maxDelayMs`) and written with one raw `unnest`
 * statement — no Drizzle here. `submit` resolves only after the batch has
 * committed, so the broker acknowledges a QoS 1 message only once it is in
 * the database. The queue is bounded: past `maxQueuedRows` callers wait.
 */
export function createIngestPipeline(options: IngestPipelineOptions) {
  const { database } = options;
  const maxBatchRows = options.maxBatchRows ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 20;
  const maxQueuedRows = options.maxQueuedRows ?? 50_000;
  const maxConcurrent = options.maxConcurrentFlushes ?? (database.driver === 'pglite' ? 1 : 2);
  const lastSeenIntervalMs = options.lastSeenIntervalMs ?? 15_000;
  const lateAfterMs = options.lateAfterMs ?? LATE_READING_AFTER_MS;
  const stats: IngestStats = { inserted: 0, written: 0, batches: 0, failedBatches: 0, queuedRows: 0, hookErrors: 0 };
  const lastSeenWritten = new Map<string, number>();
  const capacityWaiters: (() => void)[] = [];
  let current = new Batch();
  let timer: NodeJS.Timeout | undefined;
  let inFlight = 0;
  let closed = false;
  const idle: (() => void)[] = [];

  function add(deviceId: string, readings: readonly ParsedReading[]): void {
    const b = current;
    if (b.startedAt === 0) b.startedAt = Date.now();
    const d = b.deviceNo(deviceId);
    for (const r of readings) {
      const m = b.metricNo(r.metric);
      const row = b.ids.push(deviceId) - 1;
      b.metrics.push(r.metric);
      b.ts.push(r.ts);
      b.values.push(r.value);
      b.di.push(d);
      b.mi.push(m);
      const key = d * 4096 + m;
      const prev = b.latest.get(key);
      if (prev === undefined || r.ts >= b.ts[prev]) b.latest.set(key, row);
    }
    stats.queuedRows += readings.length;
    touch(deviceId);
  }

  function touch(deviceId: string): void {
    const now = Date.now();
    const last = lastSeenWritten.get(deviceId) ?? 0;
    if (now - last < lastSeenIntervalMs) return;
    lastSeenWritten.set(deviceId, now);
    current.seen.add(deviceId);
    if (current.startedAt === 0) current.startedAt = now;
  }

  function schedule(): void {
    if (inFlight >= maxConcurrent || current.isEmpty) return;
    const age = Date.now() - current.startedAt;
    if (current.rows >= maxBatchRows || age >= maxDelayMs || closed) {
      flushNow();
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      schedule();
    }, maxDelayMs - age);
  }

  function flushNow(): void {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    const b = current;
    current = new Batch();
    inFlight++;
    write(b)
      .then(
        (inserted) => {
          stats.inserted += inserted;
          stats.written += b.rows;
          stats.batches++;
          releaseInChunks(b.waiters, (w) => w.resolve());
          if (options.onCommitted && b.rows > 0) {
            try {
              options.onCommitted({ deviceIds: b.ids, metrics: b.metrics, ts: b.ts, values: b.values });
            } catch (err) {
              stats.hookErrors++;
              options.log?.error({ err }, 'ingest onCommitted hook failed');
            }
          }
        },
        (err: Error) => {
          stats.failedBatches++;
          // The readings were not committed: the senders get no acknowledgement and will retry.
          for (const id of b.seen) lastSeenWritten.delete(id);
          options.log?.error({ err, rows: b.rows }, 'ingest batch failed');
          for (const w of b.waiters) w.reject(err);
        },
      )
      .finally(() => {
        inFlight--;
        stats.queuedRows -= b.rows;
        while (capacityWaiters.length && stats.queuedRows < maxQueuedRows) capacityWaiters.shift()!();
        schedule();
        if (inFlight === 0 && current.isEmpty) for (const f of idle.splice(0)) f();
      });
  }

  async function write(b: Batch): Promise<number> {
    const lv = [...b.latest.values()];
    const errs = [...b.errors.values()];
    const lateBefore = Date.now() - lateAfterMs;
    const hasLate = b.ts.some((ts) => ts < lateBefore);
    const rows = await database.query<{ inserted: number }>(hasLate ? FLUSH_MARKING_LATE_SQL : FLUSH_SQL, [
      b.di,
      b.mi,
      b.ts,
      b.values,
      lv.map((r) => b.di[r]),
      lv.map((r) => b.mi[r]),
      lv.map((r) => b.ts[r]),
      lv.map((r) => b.values[r]),
      [...b.seen],
      errs.map((e) => e.deviceId),
      errs.map((e) => e.reason),
      errs.map((e) => e.count),
      errs.map((e) => e.lastError),
      errs.map((e) => e.lastAt),
      b.deviceList,
      b.metricList,
      ...(hasLate ? [lateBefore] : []),
    ]);
    return rows[0]?.inserted ?? 0;
  }

  /** Resolving thousands of acknowledgements in one tick floods Aedes' emitter; spread them over ticks. */
  function releaseInChunks<T>(items: T[], fn: (item: T) => void, chunk = 256): void {
    let i = 0;
    const step = () => {
      const end = Math.min(i + chunk, items.length);
      for (; i < end; i++) fn(items[i]);
      if (i < items.length) setImmediate(step);
    };
    step();
  }

  return {
    stats,

    /** Whether the queue has room for `n` more readings now. */
    hasCapacity(n = 1): boolean {
      return stats.queuedRows + n <= maxQueuedRows || stats.queuedRows === 0;
    },

    /** Queues readings and resolves once they are committed; waits while the queue is full. */
    async submit(deviceId: string, readings: readonly ParsedReading[]): Promise<void> {
      if (closed) throw new Error('ingest pipeline is closed');
      while (!this.hasCapacity(readings.length)) await new Promise<void>((resolve) => capacityWaiters.push(resolve));
      const done = new Promise<void>((resolve, reject) => current.waiters.push({ resolve, reject }));
      add(deviceId, readings);
      schedule();
      return done;
    },

    /** Queues readings without waiting for the commit (QoS 0); false when the queue is full. */
    tryAccept(deviceId: string, readings: readonly ParsedReading[]): boolean {
      if (closed || !this.hasCapacity(readings.length)) return false;
      add(deviceId, readings);
      schedule();
      return true;
    },

    /** Counts rejected input for a device; written with the next batch. */
    recordRejections(deviceId: string, rejections: readonly Rejection[]): void {
      if (rejections.length === 0) return;
      const now = Date.now();
      for (const r of rejections) {
        const key = `${deviceId}\u0000${r.reason}`;
        // A message may quote the device's input; U+0000 in it would fail the whole batch's write.
        const message = r.message.replaceAll('\u0000', '\\u0000');
        const e = current.errors.get(key);
        if (e) {
          e.count++;
          e.lastError = message;
          e.lastAt = now;
        } else current.errors.set(key, { deviceId, reason: r.reason, count: 1, lastError: message, lastAt: now });
      }
      if (current.startedAt === 0) current.startedAt = now;
      schedule();
    },

    /** Marks a device as seen (written at most every `lastSeenIntervalMs`). */
    touch(deviceId: string): void {
      touch(deviceId);
      schedule();
    },

    /** Writes whatever is queued and resolves when nothing is in flight. */
    async drain(): Promise<void> {
      if (inFlight === 0 && current.isEmpty) return;
      const wait = new Promise<void>((resolve) => idle.push(resolve));
      if (inFlight < maxConcurrent && !current.isEmpty) flushNow();
      await wait;
    },

    async close(): Promise<void> {
      closed = true;
      await this.drain();
    },
  };
}

export type IngestPipeline = ReturnType<typeof createIngestPipeline>;
