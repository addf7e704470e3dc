import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { forbidden } from '../../../lib/errors';
import { loadAreaScope, type AreaScope } from '../alarms/alarms.access';
import { classifyStep, COUNTER_RULES, MIN_STEP_MS, type CounterMetric } from './meter-counter';
import { SEVERITY_RANK, onlineSql, scoped } from './ioc.sql';
import { loadCrowd, loadParkView } from './ioc.park-view';
import type { Consumption, DevicePosition, IocQuery, IocSummary, ParkView, PositionsQuery } from './ioc.schema';

/**
 * The operations centre's big screen (IOC 大屏): a summary from current state
 * only (devices, latest values, open alarms — never history), the hourly
 * consumption of the meters, and device positions for floor plans and the map.
 */
export function createIocService(deps: { db: Db }) {
  const { db } = deps;

  async function areaOf(ctx: RequestContext): Promise<AreaScope> {
    const area = await loadAreaScope(db, ctx.actor);
    if (!area) throw forbidden('Only park operators and property staff may watch the operations centre');
    return area;
  }

  return {
    async getSummary(ctx: RequestContext, query: IocQuery): Promise<IocSummary> {
      const area = await areaOf(ctx);
      const dWhere = scoped(area, 'd', query.parkId);
      const aWhere = scoped(area, 'a', query.parkId);
      const [deviceRows, severityRows, buildingRows, latestRows, envRows, parkingRows, crowd] = await Promise.all([
        rowsOf<{ total: number; online: number }>(db, sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${onlineSql})::int AS online FROM devices d WHERE ${dWhere}`),
        rowsOf<{ severity: string; state: string; n: number }>(db, sql`SELECT a.severity, a.state, count(*)::int AS n FROM alarms a WHERE a.state <> 'closed' AND ${aWhere} GROUP BY 1, 2`),
        rowsOf<{ building_id: string | null; name: string | null; n: number }>(
          db,
          sql`SELECT a.building_id, b.name, count(*)::int AS n FROM alarms a LEFT JOIN buildings b ON b.id = a.building_id WHERE a.state <> 'closed' AND ${aWhere} GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20`,
        ),
        rowsOf<{ id: string; severity: string; state: string; message: string; code: string | null; params: Record<string, unknown> | null; device_name: string; building_name: string | null; last_at: string | Date; count: number }>(
          db,
          sql`SELECT a.id, a.severity, a.state, a.message, a.code, a.params, d.name AS device_name, b.name AS building_name, a.last_at, a.count FROM alarms a JOIN devices d ON d.id = a.device_id LEFT JOIN buildings b ON b.id = a.building_id
              WHERE a.state IN ('active', 'acknowledged') AND ${aWhere} ORDER BY ${SEVERITY_RANK} DESC, a.last_at DESC LIMIT 10`,
        ),
        rowsOf<{ building_id: string | null; name: string | null; temperature: number | null; humidity: number | null; co2: number | null; pm25: number | null; sensors: number }>(
          db,
          sql`SELECT d.building_id, b.name,
                avg(v.value) FILTER (WHERE v.metric = 'temperature') AS temperature, avg(v.value) FILTER (WHERE v.metric = 'humidity') AS humidity,
                avg(v.value) FILTER (WHERE v.metric = 'co2') AS co2, avg(v.value) FILTER (WHERE v.metric = 'pm25') AS pm25, count(DISTINCT d.id)::int AS sensors
              FROM devices d JOIN latest_values v ON v.device_id = d.id LEFT JOIN buildings b ON b.id = d.building_id
              WHERE d.type = 'environment_sensor' AND v.metric IN ('temperature', 'humidity', 'co2', 'pm25') AND ${dWhere}
              GROUP BY 1, 2 ORDER BY 2 NULLS LAST LIMIT 30`,
        ),
        rowsOf<{ total: number; occupied: number }>(
          db,
          sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE v.value >= 0.5)::int AS occupied FROM devices d LEFT JOIN latest_values v ON v.device_id = d.id AND v.metric = 'occupied' WHERE d.type = 'parking_sensor' AND ${dWhere}`,
        ),
        loadCrowd(db, area, query.parkId),
      ]);
      const bySeverity = { critical: 0, major: 0, minor: 0, info: 0 };
      let open = 0;
      let active = 0;
      for (const r of severityRows) {
        if (r.severity in bySeverity) bySeverity[r.severity as keyof typeof bySeverity] += r.n;
        open += r.n;
        if (r.state === 'active') active += r.n;
      }
      const { total, online } = deviceRows[0] ?? { total: 0, online: 0 };
      const num = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
      return {
        at: new Date(),
        devices: { total, online, onlineRate: total ? online / total : 0 },
        alarms: {
          open,
          active,
          bySeverity,
          byBuilding: buildingRows.map((r) => ({ buildingId: r.building_id, buildingName: r.name, count: r.n })),
          latest: latestRows.map((r) => ({ id: r.id, severity: r.severity, state: r.state, message: r.message, code: r.code, params: r.params, deviceName: r.device_name, buildingName: r.building_name, lastAt: new Date(r.last_at), count: r.count })),
        },
        environment: envRows.map((r) => ({ buildingId: r.building_id, buildingName: r.name, temperature: num(r.temperature), humidity: num(r.humidity), co2: num(r.co2), pm25: num(r.pm25), sensors: r.sensors })),
        parking: parkingRows[0] ?? { total: 0, occupied: 0 },
        crowd,
      };
    },

    /** The park view: sites with their buildings' footprints, open alarms, occupancy and people now. */
    async getParkView(ctx: RequestContext, query: IocQuery): Promise<ParkView> {
      return loadParkView(db, await areaOf(ctx), query.parkId);
    },

    /**
     * Energy (kWh) and water (m³) used per hour, summed over meters: each step
     * between two readings of a cumulative meter counts in the hour of the later
     * reading. Plain rises within a meter's capacity are summed in the database;
     * the few other steps (first reading, reset, rollover, a jump to a new base)
     * are judged by {@link classifyStep}, so a restart never shows as consumption.
     */
    async getConsumption(ctx: RequestContext, query: IocQuery & { hours: number }): Promise<Consumption> {
      const area = await areaOf(ctx);
      const cap = sql`(CASE s.metric WHEN 'energy_kwh' THEN ${COUNTER_RULES.energy_kwh.maxPerHour}::float8 ELSE ${COUNTER_RULES.water_m3.maxPerHour}::float8 END * greatest(s.dt_ms, ${MIN_STEP_MS}::float8) / 3600000)`;
      const steps = sql`(
              SELECT t.metric, t.ts, t.value, lag(t.value) OVER w AS prev, extract(epoch FROM t.ts - lag(t.ts) OVER w) * 1000 AS dt_ms
              FROM devices d JOIN telemetry t ON t.device_id = d.id
              WHERE d.type IN ('energy_meter', 'water_meter') AND t.metric IN ('energy_kwh', 'water_m3')
                AND t.ts >= date_trunc('hour', now()) - make_interval(hours => ${query.hours}) AND ${scoped(area, 'd', query.parkId)}
              WINDOW w AS (PARTITION BY t.metric, t.device_id ORDER BY t.ts)
            )`;
      const ordinary = sql`(s.value >= s.prev AND s.value - s.prev <= ${cap})`;
      const rows = await rowsOf<{ metric: string; hour: string | Date; used: number }>(
        db,
        sql`SELECT s.metric, date_trunc('hour', s.ts) AS hour, sum(s.value - s.prev)::float8 AS used
            FROM ${steps} s WHERE s.prev IS NOT NULL AND ${ordinary} GROUP BY 1, 2`,
      );
      // Resets, rollovers and jumps are rare (a handful per meter and day); the limit only guards the page.
      const odd = await rowsOf<{ metric: string; hour: string | Date; prev: number; value: number; dt_ms: number }>(
        db,
        sql`SELECT s.metric, date_trunc('hour', s.ts) AS hour, s.prev::float8 AS prev, s.value::float8 AS value, s.dt_ms::float8 AS dt_ms
            FROM ${steps} s WHERE s.prev IS NOT NULL AND NOT ${ordinary} LIMIT 10000`,
      );
      for (const o of odd) {
        const metric = o.metric as CounterMetric;
        const { used } = classifyStep({ prev: Number(o.prev), value: Number(o.value), dtMs: Number(o.dt_ms) }, COUNTER_RULES[metric]);
        if (used > 0) rows.push({ metric, hour: o.hour, used });
      }
      const now = new Date();
      now.setMinutes(0, 0, 0);
      const hours: Date[] = [];
      for (let i = query.hours - 1; i >= 0; i--) hours.push(new Date(now.getTime() - i * 3_600_000));
      const index = new Map(hours.map((h, i) => [h.getTime(), i]));
      const energyKwh = hours.map(() => 0);
      const waterM3 = hours.map(() => 0);
      for (const r of rows) {
        const i = index.get(new Date(r.hour).getTime());
        if (i === undefined) continue;
        const series = r.metric === 'energy_kwh' ? energyKwh : waterM3;
        series[i] += Number(r.used);
      }
      const round2 = (v: number) => Math.round(v * 100) / 100;
      return { hours, energyKwh: energyKwh.map(round2), waterM3: waterM3.map(round2) };
    },

    /** Devices placed on a floor (x/y) or on the park map (lat/lon), with status and worst open alarm. */
    async findPositions(ctx: RequestContext, query: PositionsQuery): Promise<DevicePosition[]> {
      const area = await areaOf(ctx);
      const extra: SQL[] = [scoped(area, 'd', query.parkId)];
      if (query.floorId) extra.push(sql`d.floor_id = ${query.floorId} AND d.x IS NOT NULL AND d.y IS NOT NULL`);
      else extra.push(sql`d.lat IS NOT NULL AND d.lon IS NOT NULL`);
      if (query.buildingId) extra.push(sql`d.building_id = ${query.buildingId}`);
      const rows = await rowsOf<{ id: string; code: string; name: string; type: DevicePosition['type']; building_id: string | null; floor_id: string | null; x: number | null; y: number | null; lat: number | null; lon: number | null; is_online: boolean; alarm: string | null }>(
        db,
        sql`SELECT d.id, d.code, d.name, d.type, d.building_id, d.floor_id, d.x, d.y, d.lat, d.lon, ${onlineSql} AS is_online,
              (SELECT a.severity FROM alarms a WHERE a.device_id = d.id AND a.state IN ('active', 'acknowledged') ORDER BY ${SEVERITY_RANK} DESC LIMIT 1) AS alarm
            FROM devices d WHERE ${sql.join(extra, sql` AND `)} ORDER BY d.code LIMIT 20000`,
      );
      return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, buildingId: r.building_id, floorId: r.floor_id, x: r.x, y: r.y, lat: r.lat, lon: r.lon, status: r.is_online ? 'online' : 'offline', alarm: r.alarm }));
    },
  };
}

export type IocService = ReturnType<typeof createIocService>;
