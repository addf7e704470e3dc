import { and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../../lib/errors';
import { assertCanWrite, isGlobalOperator, isOperator, operatorCovers, operatorParkIds } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { buildings, floors } from '../../parks/parks.table';
import { devices } from '../iot.table';
import { alarmShelves, SHELF_SCOPES } from './shelves.table';

export const createShelfBody = z
  .object({
    scope: z.enum(SHELF_SCOPES),
    deviceId: z.string().uuid().optional(),
    buildingId: z.string().uuid().optional(),
    floorId: z.string().uuid().optional(),
    reason: z.string().trim().min(1).max(500),
    from: z.coerce.date().optional(),
    until: z.coerce.date(),
  })
  .superRefine((v, ctx) => {
    const need = v.scope === 'device' ? 'deviceId' : v.scope === 'floor' ? 'floorId' : 'buildingId';
    if (!v[need]) ctx.addIssue({ code: 'custom', path: [need], message: `required for a ${v.scope} shelf` });
  });
export type CreateShelfInput = z.infer<typeof createShelfBody>;

export const shelfSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  scope: z.enum(SHELF_SCOPES),
  deviceId: z.string().nullable(),
  deviceCode: z.string().nullable(),
  buildingId: z.string().nullable(),
  floorId: z.string().nullable(),
  placeName: z.string().nullable(),
  reason: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  createdByName: z.string(),
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
  cancelledByName: z.string().nullable(),
  /** In force now. */
  active: z.boolean(),
});
export type ShelfView = z.infer<typeof shelfSchema>;

export const shelfQuery = z.object({
  parkId: z.string().uuid().optional(),
  /** Shelves that apply to this device: on it, its floor or its building. */
  deviceId: z.string().uuid().optional(),
  /** `true`: in force now or scheduled (not ended, not cancelled). */
  current: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ShelfQuery = z.infer<typeof shelfQuery>;

/** Shelving (告警屏蔽): operators of the park suppress a device's or an area's alarms for a window; audited. */
export function createShelvesService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  async function placeOf(input: CreateShelfInput): Promise<{ parkId: string; siteId?: string | null; deviceId: string | null; buildingId: string | null; floorId: string | null }> {
    if (input.scope === 'device') {
      const [d] = await db.select({ parkId: devices.parkId, siteId: devices.siteId }).from(devices).where(eq(devices.id, input.deviceId!));
      if (!d) throw validationError('body.deviceId', 'no such device');
      return { ...d, deviceId: input.deviceId!, buildingId: null, floorId: null };
    }
    if (input.scope === 'floor') {
      const [f] = await db.select({ parkId: buildings.parkId, buildingId: floors.buildingId }).from(floors).innerJoin(buildings, eq(buildings.id, floors.buildingId)).where(eq(floors.id, input.floorId!));
      if (!f) throw validationError('body.floorId', 'no such floor');
      return { parkId: f.parkId, deviceId: null, buildingId: f.buildingId, floorId: input.floorId! };
    }
    const [b] = await db.select({ parkId: buildings.parkId }).from(buildings).where(eq(buildings.id, input.buildingId!));
    if (!b) throw validationError('body.buildingId', 'no such building');
    return { parkId: b.parkId, deviceId: null, buildingId: input.buildingId!, floorId: null };
  }

  const select = () =>
    db
      .select({ s: alarmShelves, deviceCode: devices.code, buildingName: buildings.name, floorName: floors.name })
      .from(alarmShelves)
      .leftJoin(devices, eq(devices.id, alarmShelves.deviceId))
      .leftJoin(floors, eq(floors.id, alarmShelves.floorId))
      .leftJoin(buildings, eq(buildings.id, alarmShelves.buildingId));

  function view(r: { s: typeof alarmShelves.$inferSelect; deviceCode: string | null; buildingName: string | null; floorName: string | null }, now = Date.now()): ShelfView {
    const s = r.s;
    return {
      id: s.id,
      parkId: s.parkId,
      scope: s.scope,
      deviceId: s.deviceId,
      deviceCode: r.deviceCode,
      buildingId: s.buildingId,
      floorId: s.floorId,
      placeName: s.scope === 'device' ? r.deviceCode : [r.buildingName, r.floorName].filter(Boolean).join(' · ') || null,
      reason: s.reason,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      createdByName: s.createdByName,
      createdAt: s.createdAt,
      cancelledAt: s.cancelledAt,
      cancelledByName: s.cancelledByName,
      active: !s.cancelledAt && s.startsAt.getTime() <= now && s.endsAt.getTime() > now,
    };
  }

  async function one(id: string): Promise<ShelfView> {
    const [row] = await select().where(eq(alarmShelves.id, id));
    return view(row);
  }

  return {
    async createShelf(ctx: RequestContext, input: CreateShelfInput): Promise<ShelfView> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may shelve alarms');
      assertCanWrite(ctx.actor);
      const place = await placeOf(input);
      if (!operatorCovers(ctx.actor, place)) throw notFound(input.scope, input.deviceId ?? input.floorId ?? input.buildingId);
      const startsAt = input.from ?? new Date();
      if (input.until.getTime() <= Math.max(startsAt.getTime(), Date.now())) throw validationError('body.until', 'must be after the start and in the future');
      if (input.until.getTime() - startsAt.getTime() > 30 * 86_400_000) throw validationError('body.until', 'a maintenance window is at most 30 days');
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(alarmShelves)
          .values({ parkId: place.parkId, scope: input.scope, deviceId: place.deviceId, buildingId: place.buildingId, floorId: place.floorId, reason: input.reason, startsAt, endsAt: input.until, createdBy: ctx.actor.via === 'system' ? null : ctx.actor.userId, createdByName: ctx.actor.username })
          .returning();
        await audit.record(tx, ctx, { action: 'alarm_shelf.created', entityType: 'alarm_shelf', entityId: row.id, before: null, after: { scope: row.scope, deviceId: row.deviceId, buildingId: row.buildingId, floorId: row.floorId, reason: row.reason, startsAt: row.startsAt, endsAt: row.endsAt }, parkId: row.parkId });
        return row.id;
      });
      return one(id);
    },

    async findShelves(ctx: RequestContext, q: ShelfQuery): Promise<ShelfView[]> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may see shelves');
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        where.push(parks.length ? inArray(alarmShelves.parkId, parks) : sql`false`);
      }
      if (q.parkId) where.push(eq(alarmShelves.parkId, q.parkId));
      if (q.current === 'true') where.push(isNull(alarmShelves.cancelledAt), gt(alarmShelves.endsAt, new Date()));
      if (q.deviceId) {
        const [d] = await db.select({ buildingId: devices.buildingId, floorId: devices.floorId }).from(devices).where(eq(devices.id, q.deviceId));
        if (!d) return [];
        const parts: SQL[] = [eq(alarmShelves.deviceId, q.deviceId)];
        if (d.floorId) parts.push(eq(alarmShelves.floorId, d.floorId));
        if (d.buildingId) parts.push(and(eq(alarmShelves.scope, 'building'), eq(alarmShelves.buildingId, d.buildingId))!);
        where.push(or(...parts)!);
      }
      const rows = await select()
        .where(and(...where))
        .orderBy(desc(alarmShelves.startsAt))
        .limit(q.limit);
      const now = Date.now();
      return rows.map((r) => view(r, now));
    },

    /** Ends a shelf early (or withdraws a scheduled one). */
    async cancelShelf(ctx: RequestContext, id: string): Promise<ShelfView> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may end shelves');
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const [s] = await tx.select().from(alarmShelves).where(eq(alarmShelves.id, id)).for('update');
        if (!s || !operatorCovers(ctx.actor, { parkId: s.parkId })) throw notFound('alarm shelf', id);
        if (s.cancelledAt || s.endsAt.getTime() <= Date.now()) throw conflict('This shelf has already ended');
        await tx.update(alarmShelves).set({ cancelledAt: new Date(), cancelledByName: ctx.actor.username }).where(eq(alarmShelves.id, id));
        await audit.record(tx, ctx, { action: 'alarm_shelf.cancelled', entityType: 'alarm_shelf', entityId: id, before: { endsAt: s.endsAt }, after: { cancelledAt: new Date() }, parkId: s.parkId });
      });
      return one(id);
    },
  };
}

export type ShelvesService = ReturnType<typeof createShelvesService>;
