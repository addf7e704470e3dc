import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { forbidden } from '../../../lib/errors';
import { isGlobalOperator, isOperator, operatorParkIds, operatorSiteIds } from '../../identity/actor';
import { devices } from '../iot.table';
import { deviceEvents } from './event.table';

export const deviceEventSchema = z.object({
  id: z.number(),
  deviceId: z.string(),
  deviceCode: z.string(),
  type: z.string(),
  ts: z.date(),
  eventId: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  receivedAt: z.date(),
});
export type DeviceEventView = z.infer<typeof deviceEventSchema>;

export const deviceEventQuery = z.object({
  deviceId: z.string().uuid().optional(),
  parkId: z.string().uuid().optional(),
  type: z.string().max(40).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeviceEventQuery = z.infer<typeof deviceEventQuery>;

export const eventIngestResultSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  rejections: z.array(z.object({ reason: z.string(), message: z.string() })),
  alarms: z.number(),
});

/** Stored device events, newest first, for operators covering the device's park or site. */
export function createDeviceEventsService(deps: { db: Db }) {
  return {
    async findEvents(ctx: RequestContext, q: DeviceEventQuery): Promise<DeviceEventView[]> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may see device events');
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        const sites = operatorSiteIds(ctx.actor);
        const parts: SQL[] = [];
        if (parks.length) parts.push(inArray(devices.parkId, parks));
        if (sites.length) parts.push(inArray(devices.siteId, sites));
        where.push(parts.length ? or(...parts)! : sql`false`);
      }
      if (q.deviceId) where.push(eq(deviceEvents.deviceId, q.deviceId));
      if (q.parkId) where.push(eq(deviceEvents.parkId, q.parkId));
      if (q.type) where.push(eq(deviceEvents.type, q.type));
      if (q.from) where.push(gte(deviceEvents.ts, q.from));
      if (q.to) where.push(lte(deviceEvents.ts, q.to));
      const rows = await deps.db
        .select({ e: deviceEvents, deviceCode: devices.code })
        .from(deviceEvents)
        .innerJoin(devices, eq(devices.id, deviceEvents.deviceId))
        .where(and(...where))
        .orderBy(desc(deviceEvents.ts), desc(deviceEvents.id))
        .limit(q.limit);
      return rows.map(({ e, deviceCode }) => ({ id: e.id, deviceId: e.deviceId, deviceCode, type: e.type, ts: e.ts, eventId: e.eventId, attributes: e.attributes, receivedAt: e.receivedAt }));
    },
  };
}

export type DeviceEventsService = ReturnType<typeof createDeviceEventsService>;
