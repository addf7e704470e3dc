import type { Database } from '../../../db/client';

/** Tunables of the rollup job; defaults suit a park of a few thousand devices. */
export interface RollupOptions {
  /** Late readings up to this far behind the watermark are re-rolled on every run. */
  graceMs: number;
  /** At most this much time is rolled per step (catch-up after a pause goes in steps). */
  windowMs: number;
  /** Series (device, metric) per statement. */
  seriesPerStatement: number;
  /** Steps per run; the next run continues from the watermark. */
  maxWindowsPerRun: number;
}

export const DEFAULT_ROLLUP_OPTIONS: RollupOptions = { graceMs: 5 * 60_000, windowMs: 60 * 60_000, seriesPerStatement: 500, maxWindowsPerRun: 48 };

/**
 * A reading older than this when it is stored may land behind the rollup watermark (the grace
 * window, plus a minute because the watermark trails the clock): the ingest statement marks its
 * series hour in `telemetry_late_hours` and {@link rollLateHours} re-rolls it.
 */
export const LATE_READING_AFTER_MS = DEFAULT_ROLLUP_OPTIONS.graceMs + 60_000;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;
/** Lets queued ingest batches run between our statements (PGlite has a single connection). */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export const ROLLUP_STATE = 'rollup';

/**
 * Buckets are aligned to the Unix epoch in UTC, whatever the session time zone.
 * A rollup row never shrinks (`excluded.count >= r.count`): raw rows only
 * disappear through retention, and a re-roll must not replace a complete
 * bucket with what is left of it.
 */
const ORIGIN = `'1970-01-01T00:00:00Z'::timestamptz`;

const ROLL_MINUTES_SQL = `
INSERT INTO telemetry_1m AS r (device_id, metric, bucket, count, sum, min, max, last, last_ts)
SELECT s.device_id, s.metric, b.bucket, b.count, b.sum, b.min, b.max, b.last, b.last_ts
FROM unnest($1::uuid[], $2::text[]) AS s(device_id, metric)
CROSS JOIN LATERAL (
  SELECT date_bin('1 minute', t.ts, ${ORIGIN}) AS bucket, count(*) AS count, sum(t.value) AS sum, min(t.value) AS min, max(t.value) AS max,
         (array_agg(t.value ORDER BY t.ts DESC))[1] AS last, max(t.ts) AS last_ts
  FROM telemetry t
  WHERE t.device_id = s.device_id AND t.metric = s.metric AND t.ts >= $3 AND t.ts < $4
  GROUP BY 1
) b
ON CONFLICT (device_id, metric, bucket) DO UPDATE
SET count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max, last = excluded.last, last_ts = excluded.last_ts
WHERE excluded.count >= r.count AND (r.count, r.sum, r.min, r.max, r.last, r.last_ts) IS DISTINCT FROM (excluded.count, excluded.sum, excluded.min, excluded.max, excluded.last, excluded.last_ts)`;

const ROLL_HOURS_SQL = `
INSERT INTO telemetry_1h AS r (device_id, metric, bucket, count, sum, min, max, last, last_ts)
SELECT s.device_id, s.metric, b.bucket, b.count, b.sum, b.min, b.max, b.last, b.last_ts
FROM unnest($1::uuid[], $2::text[]) AS s(device_id, metric)
CROSS JOIN LATERAL (
  SELECT date_bin('1 hour', m.bucket, ${ORIGIN}) AS bucket, sum(m.count) AS count, sum(m.sum) AS sum, min(m.min) AS min, max(m.max) AS max,
         (array_agg(m.last ORDER BY m.last_ts DESC))[1] AS last, max(m.last_ts) AS last_ts
  FROM telemetry_1m m
  WHERE m.device_id = s.device_id AND m.metric = s.metric AND m.bucket >= $3 AND m.bucket < $4
  GROUP BY 1
) b
ON CONFLICT (device_id, metric, bucket) DO UPDATE
SET count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max, last = excluded.last, last_ts = excluded.last_ts
WHERE excluded.count >= r.count AND (r.count, r.sum, r.min, r.max, r.last, r.last_ts) IS DISTINCT FROM (excluded.count, excluded.sum, excluded.min, excluded.max, excluded.last, excluded.last_ts)`;

export interface RollupRunResult {
  /** Time steps rolled in this run. */
  windows: number;
  /** Rollup rows written or changed (1-minute and 1-hour). */
  rowsWritten: number;
  /** The watermark after the run (null: no telemetry yet). */
  watermark: Date | null;
  /** Series skipped because their own data makes the rollup fail; recorded in `telemetry_rollup_failures`. */
  failedSeries: FailedSeries[];
}

/** A series whose rollup statement failed on its own data (e.g. a sum overflowing double precision). */
export interface FailedSeries {
  deviceId: string;
  metric: string;
  tier: '1m' | '1h';
  from: Date;
  to: Date;
  error: string;
}

/**
 * One run of the rollup job: rolls closed minutes from the watermark (minus
 * the grace window, so late readings are re-rolled) up to the current minute,
 * in steps of at most `windowMs` and statements of at most
 * `seriesPerStatement` series, each its own short autocommit statement that
 * reads raw rows (no lock on `telemetry`, so ingestion never waits) and
 * upserts rollup rows. The hours touched by each step are re-rolled from the
 * minutes. Idempotent: a second run over the same data changes nothing.
 */
export async function runRollup(database: Database, options: Partial<RollupOptions> & { now?: Date } = {}): Promise<RollupRunResult> {
  const o = { ...DEFAULT_ROLLUP_OPTIONS, ...options };
  const end = floorTo((options.now ?? new Date()).getTime(), MINUTE);
  const [state] = await database.query<{ watermark: Date | string | null }>(`SELECT watermark FROM history_job_state WHERE name = $1`, [ROLLUP_STATE]);
  let watermark = state?.watermark ? new Date(state.watermark).getTime() : null;
  let start: number;
  if (watermark === null) {
    // First run: start at the oldest reading (found through the primary key, one probe per series).
    const [first] = await database.query<{ first: Date | string | null }>(
      `SELECT min(f.ts) AS first FROM latest_values lv CROSS JOIN LATERAL (SELECT t.ts FROM telemetry t WHERE t.device_id = lv.device_id AND t.metric = lv.metric ORDER BY t.ts LIMIT 1) f`,
    );
    if (!first?.first) return { windows: 0, rowsWritten: 0, watermark: null, failedSeries: [] };
    start = floorTo(new Date(first.first).getTime(), MINUTE);
  } else {
    start = floorTo(watermark - o.graceMs, MINUTE);
  }

  let windows = 0;
  let rowsWritten = 0;
  const failedSeries: FailedSeries[] = [];
  while (start < end && windows < o.maxWindowsPerRun) {
    const stop = Math.min(start + o.windowMs, end);
    rowsWritten += await rollWindow(database, start, stop, o.seriesPerStatement, failedSeries);
    if (watermark === null || stop > watermark) {
      watermark = stop;
      await database.query(
        `INSERT INTO history_job_state (name, watermark, last_run_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET watermark = GREATEST(history_job_state.watermark, excluded.watermark), last_run_at = now(), last_error = NULL`,
        [ROLLUP_STATE, new Date(stop)],
      );
    }
    start = stop;
    windows++;
  }
  await recordFailures(database, failedSeries);
  return { windows, rowsWritten, watermark: watermark === null ? null : new Date(watermark), failedSeries };
}

/**
 * Re-rolls the given series hours (minutes and the hour) from the raw rows:
 * late readings reported by the ingest path, or hours the reconcile pass
 * found short. Grouped by hour, at most `seriesPerStatement` series a statement.
 */
export async function rollHints(
  database: Database,
  hints: { deviceId: string; metric: string; hour: number }[],
  options: { seriesPerStatement?: number } = {},
): Promise<{ rowsWritten: number; failedSeries: FailedSeries[] }> {
  const pageSize = options.seriesPerStatement ?? DEFAULT_ROLLUP_OPTIONS.seriesPerStatement;
  const byHour = new Map<number, { deviceId: string; metric: string }[]>();
  for (const h of hints) {
    const list = byHour.get(h.hour) ?? [];
    list.push(h);
    byHour.set(h.hour, list);
  }
  let written = 0;
  const failedSeries: FailedSeries[] = [];
  for (const [hour, series] of byHour) {
    for (let i = 0; i < series.length; i += pageSize) {
      const page = series.slice(i, i + pageSize);
      const ids = page.map((p) => p.deviceId);
      const metrics = page.map((p) => p.metric);
      written += await rollPage(database, { tier: '1m', ids, metrics, from: new Date(hour), to: new Date(hour + HOUR) }, failedSeries);
      await yieldToOthers();
      written += await rollPage(database, { tier: '1h', ids, metrics, from: new Date(hour), to: new Date(hour + HOUR) }, failedSeries);
      await yieldToOthers();
    }
  }
  await recordFailures(database, failedSeries);
  return { rowsWritten: written, failedSeries };
}

/**
 * Re-rolls the series hours marked late by the ingest path (any process), oldest first, at most
 * `limit` marks a call, and clears each mark unless another late batch marked it again meanwhile.
 * Returns the number of hours re-rolled.
 */
export async function rollLateHours(database: Database, options: { limit?: number; seriesPerStatement?: number } = {}): Promise<{ hoursReRolled: number; failedSeries: FailedSeries[] }> {
  const marks = await database.query<{ device_id: string; metric: string; hour: Date | string; marks: number }>(
    `SELECT device_id, metric, hour, marks FROM telemetry_late_hours ORDER BY hour, device_id, metric LIMIT $1`,
    [options.limit ?? 5_000],
  );
  if (marks.length === 0) return { hoursReRolled: 0, failedSeries: [] };
  // A series that fails here is recorded and its mark cleared like the others: retrying it every run would fail again.
  const { failedSeries } = await rollHints(
    database,
    marks.map((m) => ({ deviceId: m.device_id, metric: m.metric, hour: new Date(m.hour).getTime() })),
    options,
  );
  await database.query(
    `DELETE FROM telemetry_late_hours t
     USING unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int4[]) AS d(device_id, metric, hour, marks)
     WHERE t.device_id = d.device_id AND t.metric = d.metric AND t.hour = d.hour AND t.marks = d.marks`,
    [marks.map((m) => m.device_id), marks.map((m) => m.metric), marks.map((m) => new Date(m.hour)), marks.map((m) => m.marks)],
  );
  return { hoursReRolled: marks.length, failedSeries };
}

/**
 * The safety net for late readings when ingest runs in another process: over
 * the last `lookbackMs` of finished hours, finds series hours whose raw rows
 * outnumber their hourly rollup (readings arrived after the hour was rolled)
 * and re-rolls them. Reads the raw rows of the lookback once per run, a page
 * of series per statement. Only ever adds: hours whose raw rows were pruned
 * by retention are left alone.
 */
export async function runReconcile(database: Database, options: { now?: Date; lookbackMs?: number; seriesPerStatement?: number; graceMs?: number } = {}): Promise<{ hoursReRolled: number; failedSeries: FailedSeries[] }> {
  const pageSize = options.seriesPerStatement ?? DEFAULT_ROLLUP_OPTIONS.seriesPerStatement;
  const now = (options.now ?? new Date()).getTime();
  const [state] = await database.query<{ watermark: Date | string | null }>(`SELECT watermark FROM history_job_state WHERE name = $1`, [ROLLUP_STATE]);
  if (!state?.watermark) return { hoursReRolled: 0, failedSeries: [] };
  const to = floorTo(new Date(state.watermark).getTime() - (options.graceMs ?? DEFAULT_ROLLUP_OPTIONS.graceMs), HOUR);
  const from = floorTo(now - (options.lookbackMs ?? 24 * HOUR), HOUR);
  if (from >= to) return { hoursReRolled: 0, failedSeries: [] };
  let hoursReRolled = 0;
  const failedSeries: FailedSeries[] = [];
  let after: { deviceId: string; metric: string } | null = null;
  for (;;) {
    const page: { device_id: string; metric: string }[] = await database.query<{ device_id: string; metric: string }>(
      `SELECT device_id, metric FROM latest_values WHERE ts >= $1 ${after ? 'AND (device_id, metric) > ($3::uuid, $4::text)' : ''} ORDER BY device_id, metric LIMIT $2`,
      after ? [new Date(from), pageSize, after.deviceId, after.metric] : [new Date(from), pageSize],
    );
    if (page.length === 0) break;
    const short = await database.query<{ device_id: string; metric: string; bucket: Date | string }>(
      `SELECT s.device_id, s.metric, r.bucket
       FROM unnest($1::uuid[], $2::text[]) AS s(device_id, metric)
       CROSS JOIN LATERAL (
         SELECT date_bin('1 hour', t.ts, ${ORIGIN}) AS bucket, count(*) AS n FROM telemetry t
         WHERE t.device_id = s.device_id AND t.metric = s.metric AND t.ts >= $3 AND t.ts < $4 GROUP BY 1
       ) r
       LEFT JOIN telemetry_1h h ON h.device_id = s.device_id AND h.metric = s.metric AND h.bucket = r.bucket
       WHERE h.count IS NULL OR r.n > h.count`,
      [page.map((p) => p.device_id), page.map((p) => p.metric), new Date(from), new Date(to)],
    );
    await yieldToOthers();
    if (short.length) {
      const r = await rollHints(database, short.map((x) => ({ deviceId: x.device_id, metric: x.metric, hour: new Date(x.bucket).getTime() })), { seriesPerStatement: pageSize });
      failedSeries.push(...r.failedSeries);
      hoursReRolled += short.length;
    }
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { deviceId: last.device_id, metric: last.metric };
  }
  return { hoursReRolled, failedSeries };
}

/** Rolls minutes in [start, stop) and the hours overlapping it, a page of series at a time. */
async function rollWindow(database: Database, start: number, stop: number, pageSize: number, failedSeries: FailedSeries[]): Promise<number> {
  let written = 0;
  let after: { deviceId: string; metric: string } | null = null;
  const hourFrom = new Date(floorTo(start, HOUR));
  const hourTo = new Date(ceilTo(stop, HOUR));
  for (;;) {
    // A series can have readings in the window only if its latest reading is not older than the window.
    const page: { device_id: string; metric: string }[] = await database.query<{ device_id: string; metric: string }>(
      `SELECT device_id, metric FROM latest_values
       WHERE ts >= $1 ${after ? 'AND (device_id, metric) > ($3::uuid, $4::text)' : ''}
       ORDER BY device_id, metric LIMIT $2`,
      after ? [new Date(start), pageSize, after.deviceId, after.metric] : [new Date(start), pageSize],
    );
    if (page.length === 0) break;
    const ids = page.map((p) => p.device_id);
    const metrics = page.map((p) => p.metric);
    written += await rollPage(database, { tier: '1m', ids, metrics, from: new Date(start), to: new Date(stop) }, failedSeries);
    await yieldToOthers();
    written += await rollPage(database, { tier: '1h', ids, metrics, from: hourFrom, to: hourTo }, failedSeries);
    await yieldToOthers();
    if (page.length < pageSize) break;
    const last = page[page.length - 1];
    after = { deviceId: last.device_id, metric: last.metric };
  }
  return written;
}

/**
 * Whether an error comes from the data a statement read (SQLSTATE class 22, "data exception":
 * overflow, out-of-range values…) rather than from the database being unavailable. Only the
 * former is worth isolating: splitting a page because the connection dropped would blame every series.
 */
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * Rolls one page of series for one tier. When the statement fails on the data of some series,
 * the page is halved until the failing series stand alone; they are skipped (and returned in
 * `failedSeries`) and everyone else is rolled — one bad series never stops the park's rollups.
 * Other errors (connection lost, …) propagate: the job retries the run on its next tick.
 */
async function rollPage(
  database: Database,
  page: { tier: '1m' | '1h'; ids: string[]; metrics: string[]; from: Date; to: Date },
  failedSeries: FailedSeries[],
): Promise<number> {
  try {
    return await affected(database, page.tier === '1m' ? ROLL_MINUTES_SQL : ROLL_HOURS_SQL, [page.ids, page.metrics, page.from, page.to]);
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (page.ids.length === 1) {
      failedSeries.push({ deviceId: page.ids[0], metric: page.metrics[0], tier: page.tier, from: page.from, to: page.to, error: (err as Error).message.slice(0, 500) });
      return 0;
    }
    const mid = page.ids.length >> 1;
    const first = await rollPage(database, { ...page, ids: page.ids.slice(0, mid), metrics: page.metrics.slice(0, mid) }, failedSeries);
    return first + (await rollPage(database, { ...page, ids: page.ids.slice(mid), metrics: page.metrics.slice(mid) }, failedSeries));
  }
}

/** Records skipped series in `telemetry_rollup_failures`, one row per series (devices deleted meanwhile are ignored). */
async function recordFailures(database: Database, failedSeries: FailedSeries[]): Promise<void> {
  if (failedSeries.length === 0) return;
  // One row per series and statement; the last failure of a series in this run describes it.
  const bySeries = new Map<string, { failure: FailedSeries; count: number }>();
  for (const f of failedSeries) {
    const key = `${f.deviceId}\u0000${f.metric}`;
    bySeries.set(key, { failure: f, count: (bySeries.get(key)?.count ?? 0) + 1 });
  }
  const rows = [...bySeries.values()];
  await database.query(
    `INSERT INTO telemetry_rollup_failures AS f (device_id, metric, tier, range_from, range_to, failures, last_error)
     SELECT u.d, u.m, u.t, u.rf, u.rt, u.n, u.e
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int4[], $7::text[]) AS u(d, m, t, rf, rt, n, e)
     JOIN devices dv ON dv.id = u.d
     ON CONFLICT (device_id, metric) DO UPDATE SET tier = excluded.tier, range_from = excluded.range_from, range_to = excluded.range_to,
       failures = f.failures + excluded.failures, last_error = excluded.last_error, last_failed_at = now()`,
    [
      rows.map((r) => r.failure.deviceId),
      rows.map((r) => r.failure.metric),
      rows.map((r) => r.failure.tier),
      rows.map((r) => r.failure.from),
      rows.map((r) => r.failure.to),
      rows.map((r) => r.count),
      rows.map((r) => r.failure.error),
    ],
  );
}

/** Runs a statement and returns the number of rows it changed. */
async function affected(database: Database, text: string, params: unknown[]): Promise<number> {
  const rows = await database.query<{ n: number }>(`WITH w AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM w`, params);
  return rows[0]?.n ?? 0;
}
