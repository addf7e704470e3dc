import type { Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { createRandom } from '../../../seed/random';
import type { Services } from '../../../services';

const H = 3_600_000;

/**
 * Demo data for the big screen: devices in the core site's first buildings
 * (ground-floor plan positions and map coordinates), 25 hours of hourly meter
 * readings, current environment and parking values, a few rules and open
 * alarms. Raw inserts: it runs once, on first start. The simulator (when
 * running) keeps it moving afterwards.
 */
export async function seedIocDemo(db: Db, services: Services, ctx: RequestContext, input: { parkId: string }): Promise<{ devices: number }> {
  // Raw parameterised SQL on whichever driver is underneath (pg Pool and PGlite both answer `query(text, params)` with rows).
  const client = (db as unknown as { $client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> } }).$client;
  const database = { query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] };
  const r = createRandom(2026);
  const buildings = await database.query<{ id: string; name: string; site_id: string; lat: number | null; lon: number | null; floor_id: string }>(
    `SELECT b.id, b.name, b.site_id, s.lat, s.lon, f.id AS floor_id FROM buildings b JOIN sites s ON s.id = b.site_id JOIN floors f ON f.building_id = b.id AND f.level = 1
     WHERE b.park_id = $1 ORDER BY s.created_at, b.name LIMIT 6`,
    [input.parkId],
  );
  if (buildings.length === 0) return { devices: 0 };
  // Runs once: a park that already has demo devices keeps them.
  const plan: [type: string, prefix: string, perBuilding: number][] = [
    ['environment_sensor', 'ENV', 8],
    ['energy_meter', 'EM', 3],
    ['water_meter', 'WM', 2],
    ['parking_sensor', 'PS', 20],
    ['camera', 'CAM', 6],
    ['fire_panel', 'FIRE', 1],
  ];
  const rows: { code: string; name: string; type: string; buildingId: string; siteId: string; floorId: string; x: number; y: number; lat: number; lon: number }[] = [];
  buildings.forEach((b, bi) => {
    const lat0 = (b.lat ?? 30.548) + (bi % 3) * 0.0012;
    const lon0 = (b.lon ?? 104.066) + Math.floor(bi / 3) * 0.0016;
    for (const [type, prefix, n] of plan) {
      for (let i = 1; i <= n; i++) {
        rows.push({
          code: `DEMO-${prefix}-${bi + 1}${String(i).padStart(2, '0')}`,
          name: `${b.name} ${prefix}-${i}`,
          type,
          buildingId: b.id,
          siteId: b.site_id,
          floorId: b.floor_id,
          x: r.int(4, 96),
          y: r.int(4, 56),
          lat: lat0 + (r.next() - 0.5) * 0.0009,
          lon: lon0 + (r.next() - 0.5) * 0.0012,
        });
      }
    }
  });
  const created = await database.query<{ id: string; code: string; type: string; building_id: string }>(
    `INSERT INTO devices (code, name, type, park_id, site_id, building_id, floor_id, x, y, lat, lon, tags, last_seen_at)
     SELECT u.code, u.name, u.type, $1, u.site, u.building, u.floor, u.x, u.y, u.lat, u.lon, ARRAY['demo'],
            CASE WHEN u.online THEN now() - make_interval(secs => 5) ELSE now() - interval '2 days' END
     FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::bool[])
       AS u(code, name, type, site, building, floor, x, y, lat, lon, online)
     ON CONFLICT (code) DO NOTHING
     RETURNING id, code, type, building_id`,
    [
      input.parkId,
      rows.map((d) => d.code),
      rows.map((d) => d.name),
      rows.map((d) => d.type),
      rows.map((d) => d.siteId),
      rows.map((d) => d.buildingId),
      rows.map((d) => d.floorId),
      rows.map((d) => d.x),
      rows.map((d) => d.y),
      rows.map((d) => d.lat),
      rows.map((d) => d.lon),
      rows.map(() => r.next() > 0.06),
    ],
  );
  if (created.length === 0) return { devices: 0 };
  // History: hourly cumulative meter readings for the last 25 hours, with a working-day shape.
  const t: { d: string; m: string; ts: number; v: number }[] = [];
  const latest: { d: string; m: string; v: number }[] = [];
  const now = Date.now();
  for (const d of created) {
    if (d.type === 'energy_meter' || d.type === 'water_meter') {
      const metric = d.type === 'energy_meter' ? 'energy_kwh' : 'water_m3';
      let v = r.int(10_000, 90_000) / (d.type === 'water_meter' ? 10 : 1);
      for (let h = 25; h >= 0; h--) {
        const ts = now - h * H;
        const hour = new Date(ts).getHours();
        const busy = hour >= 8 && hour <= 19 ? 1 : 0.35;
        v += (d.type === 'energy_meter' ? r.int(40, 90) : r.int(2, 9) / 10) * busy;
        t.push({ d: d.id, m: metric, ts, v: Math.round(v * 100) / 100 });
      }
      latest.push({ d: d.id, m: metric, v: t[t.length - 1].v });
    } else if (d.type === 'environment_sensor') {
      latest.push({ d: d.id, m: 'temperature', v: r.int(210, 275) / 10 }, { d: d.id, m: 'humidity', v: r.int(35, 62) }, { d: d.id, m: 'co2', v: r.int(450, 1100) }, { d: d.id, m: 'pm25', v: r.int(8, 55) });
    } else if (d.type === 'parking_sensor') {
      latest.push({ d: d.id, m: 'occupied', v: r.next() < 0.68 ? 1 : 0 });
    }
  }
  await database.query(`INSERT INTO telemetry (device_id, metric, ts, value) SELECT d, m, to_timestamp(t / 1000.0), v FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[]) AS u(d, m, t, v) ON CONFLICT DO NOTHING`, [
    t.map((x) => x.d),
    t.map((x) => x.m),
    t.map((x) => x.ts),
    t.map((x) => x.v),
  ]);
  await database.query(
    `INSERT INTO latest_values (device_id, metric, ts, value) SELECT d, m, now(), v FROM unnest($1::uuid[], $2::text[], $3::float8[]) AS u(d, m, v) ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, ts = excluded.ts`,
    [latest.map((x) => x.d), latest.map((x) => x.m), latest.map((x) => x.v)],
  );
  // Rules through the service (audited), and a few open alarms as the engine would have raised them.
  const hot = await services.alarms.rules.createRule(ctx, { parkId: input.parkId, name: '室内温度过高', kind: 'threshold', metric: 'temperature', operator: '>', value: 26, hysteresis: 1, severity: 'major', deviceType: 'environment_sensor', enabled: true });
  const co2 = await services.alarms.rules.createRule(ctx, { parkId: input.parkId, name: 'CO₂ 超标', kind: 'threshold', metric: 'co2', operator: '>', value: 1000, hysteresis: 50, severity: 'minor', deviceType: 'environment_sensor', enabled: true });
  const fire = await services.alarms.rules.createRule(ctx, { parkId: input.parkId, name: '烟感报警', kind: 'threshold', metric: 'smoke', operator: '>=', value: 1, hysteresis: 0, severity: 'critical', deviceType: 'fire_panel', enabled: true });
  const env = created.filter((d) => d.type === 'environment_sensor');
  const panels = created.filter((d) => d.type === 'fire_panel');
  const envAt = (i: number) => env[Math.min(i, env.length - 1)].id;
  // Seeded as the engine raises them: an English message for logs, and a code + values the web app words.
  const threshold = (metric: string, operator: string, limit: number, value: number) => ({ message: `${metric} ${value} ${operator} ${limit}`, params: { metric, value, operator, threshold: limit } });
  const alarms: [ruleId: string, deviceId: string, text: { message: string; params: Record<string, unknown> }, value: number][] = [
    [fire.id, panels[0].id, threshold('smoke', '>=', 1, 1), 1],
    [hot.id, envAt(1), threshold('temperature', '>', 26, 27.8), 27.8],
    [hot.id, envAt(13), threshold('temperature', '>', 26, 26.9), 26.9],
    [co2.id, envAt(3), threshold('co2', '>', 1000, 1180), 1180],
    [co2.id, envAt(30), threshold('co2', '>', 1000, 1065), 1065],
  ];
  for (const [ruleId, deviceId, text, value] of alarms) {
    await database.query(
      `WITH a AS (
         INSERT INTO alarms (rule_id, device_id, park_id, site_id, building_id, severity, state, message, code, params, last_value, first_at, last_at, count)
         SELECT $1, d.id, d.park_id, d.site_id, d.building_id, ru.severity, 'active', $3, 'threshold', $6::jsonb, $4, now() - interval '20 minutes', now() - interval '1 minute', $5
         FROM devices d, alarm_rules ru WHERE d.id = $2 AND ru.id = $1 RETURNING id, count, last_value, message, code, params)
       INSERT INTO alarm_events (alarm_id, kind, actor_name, details) SELECT id, 'raised', 'system', jsonb_build_object('count', count, 'value', last_value, 'message', message, 'code', code, 'params', params) FROM a`,
      [ruleId, deviceId, text.message, value, r.int(1, 12), JSON.stringify(text.params)],
    );
  }
  return { devices: created.length };
}
