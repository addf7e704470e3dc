import type { Database } from '../../../db/client';

/** A reading for tests; `ts` in epoch ms. */
export interface TestReading {
  deviceId: string;
  metric: string;
  ts: number;
  value: number;
}

/** Writes readings as the ingest pipeline does: raw rows plus the latest value per series. */
export async function insertReadings(database: Database, readings: TestReading[]): Promise<void> {
  for (let i = 0; i < readings.length; i += 5000) {
    const chunk = readings.slice(i, i + 5000);
    const params = [chunk.map((r) => r.deviceId), chunk.map((r) => r.metric), chunk.map((r) => r.ts), chunk.map((r) => r.value)];
    await database.query(
      `INSERT INTO telemetry (device_id, metric, ts, value) SELECT d, m, to_timestamp(t / 1000.0), v FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[]) AS u(d, m, t, v) ON CONFLICT DO NOTHING`,
      params,
    );
    await database.query(
      `INSERT INTO latest_values (device_id, metric, ts, value)
       SELECT DISTINCT ON (d, m) d, m, to_timestamp(t / 1000.0), v FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[]) AS u(d, m, t, v) ORDER BY d, m, t DESC
       ON CONFLICT (device_id, metric) DO UPDATE SET ts = excluded.ts, value = excluded.value WHERE excluded.ts >= latest_values.ts`,
      params,
    );
  }
}
