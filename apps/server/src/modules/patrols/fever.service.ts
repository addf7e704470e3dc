import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { operatorCovers } from '../identity/actor';
import { devices, latestValues, telemetry } from '../iot/iot.table';
import { buildings } from '../parks/parks.table';
import type { FeverSummary } from './patrols.schema';

/** Body temperature at or above which a person is screened as feverish (and the seeded alarm rule fires). */
export const FEVER_THRESHOLD_C = 37.3;

/**
 * Fever screening (5G 测温): each `body_temp` reading of a `thermal_camera` is one person screened at its
 * entrance. Counts per camera and day (Asia/Shanghai), and the latest readings at or over the threshold.
 * Alarms are the IoT module's (a threshold rule on `body_temp`); this only counts.
 */
export function createFeverService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async getSummary(ctx: RequestContext, q: { parkId: string; days: number }): Promise<FeverSummary> {
      if (!operatorCovers(ctx.actor, { parkId: q.parkId })) throw notFound('park', q.parkId);
      const cams = await db
        .select({ id: devices.id, code: devices.code, name: devices.name, buildingName: buildings.name })
        .from(devices)
        .leftJoin(buildings, eq(buildings.id, devices.buildingId))
        .where(and(eq(devices.parkId, q.parkId), eq(devices.type, 'thermal_camera')))
        .orderBy(asc(devices.name));
      const ids = cams.map((c) => c.id);
      if (!ids.length) return { threshold: FEVER_THRESHOLD_C, cameras: [], days: [], recentFevers: [] };
      // From the start of the first day shown, in the park's time zone.
      const today = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const from = new Date(Date.parse(`${today}T00:00:00+08:00`) - (q.days - 1) * 86_400_000);
      const day = sql<string>`to_char(${telemetry.ts} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
      const counts = await db
        .select({ deviceId: telemetry.deviceId, day, screened: sql<number>`count(*)::int`, over: sql<number>`(count(*) FILTER (WHERE ${telemetry.value} >= ${FEVER_THRESHOLD_C}))::int` })
        .from(telemetry)
        .where(and(inArray(telemetry.deviceId, ids), eq(telemetry.metric, 'body_temp'), gte(telemetry.ts, from)))
        .groupBy(telemetry.deviceId, day)
        .orderBy(desc(day));
      const latest = await db
        .select()
        .from(latestValues)
        .where(and(inArray(latestValues.deviceId, ids), eq(latestValues.metric, 'body_temp')));
      const latestBy = new Map(latest.map((l) => [l.deviceId, l]));
      const fevers = await db
        .select({ deviceId: telemetry.deviceId, ts: telemetry.ts, value: telemetry.value })
        .from(telemetry)
        .where(and(inArray(telemetry.deviceId, ids), eq(telemetry.metric, 'body_temp'), gte(telemetry.ts, from), gte(telemetry.value, FEVER_THRESHOLD_C)))
        .orderBy(desc(telemetry.ts))
        .limit(20);
      return {
        threshold: FEVER_THRESHOLD_C,
        cameras: cams.map((c) => ({ ...c, latest: latestBy.get(c.id)?.value ?? null, latestAt: latestBy.get(c.id)?.ts ?? null })),
        days: counts.map((c) => ({ deviceId: c.deviceId, day: c.day, screened: Number(c.screened), over: Number(c.over) })),
        recentFevers: fevers,
      };
    },
  };
}

export type FeverService = ReturnType<typeof createFeverService>;
