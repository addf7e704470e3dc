import type { AuditAction } from '@parkos/contracts';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError, mustBeAfter } from '../../lib/errors';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import type { BillingService } from '../billing';
import { devices, latestValues } from '../iot/iot.table';
import { findPlateInvitation } from '../community/passes';
import { normalisePlate, PLATE_RE } from '../parks/parks.service';
import { enterpriseVehicles, enterprises, parkingSpaceAssignments, sites } from '../parks/parks.table';
import { computeParkingFee, type ParkingRate } from './parking-fee';
import { memberPlates, parkingEvents, parkingGates, parkingLots, parkingReservations, parkingRights, parkingSessions, parkingSpaces, type EntryAccess, type ReadResult, type SessionStatus } from './parking.table';

export type LotRow = typeof parkingLots.$inferSelect;
export type SessionRow = typeof parkingSessions.$inferSelect;

/** Reads of the same plate at the same camera within this many seconds are one passage. */
export const DUPLICATE_READ_SECONDS = 60;

export interface LotInput {
  parkId: string;
  siteId?: string | null;
  name: string;
  capacity: number;
  freeMinutes?: number;
  hourlyFen?: number;
  dailyCapFen?: number | null;
  nightStartMinute?: number | null;
  nightEndMinute?: number | null;
  nightHourlyFen?: number | null;
  monthlyPassFen?: number | null;
}

export interface PlateRead {
  plate: string;
  at?: Date;
  externalId?: string | null;
}

export type { ReadResult } from './parking.table';

function rateOf(lot: LotRow): ParkingRate {
  return { freeMinutes: lot.freeMinutes, hourlyFen: lot.hourlyFen, dailyCapFen: lot.dailyCapFen, nightStartMinute: lot.nightStartMinute, nightEndMinute: lot.nightEndMinute, nightHourlyFen: lot.nightHourlyFen };
}

/** Local (Asia/Shanghai) date and month of an instant. */
function localDate(t: Date): string {
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function checkPlate(raw: string, field: string): string {
  const plate = normalisePlate(raw);
  if (!PLATE_RE.test(plate)) throw validationError(field, 'is not a Chinese vehicle plate (GA 36-2018), e.g. 川A12345 or 川AD12345', 'plate');
  return plate;
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** Smart parking (智慧停车): lots, spaces, plates, rights, camera reads → sessions → fees → bills, reservations, occupancy. */
export function createParkingService(deps: { db: Db; audit: AuditService; billing: BillingService }) {
  const { db, audit, billing } = deps;

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, entityType: string, entityId: string, before: unknown, after: unknown, place: { parkId: string; enterpriseId?: string | null }) {
    await audit.record(tx, ctx, { action, entityType, entityId, before, after, parkId: place.parkId, enterpriseId: place.enterpriseId ?? null });
  }

  /** Parks whose lots a non-operator may see: those of their enterprises. */
  async function memberParkIds(actor: Actor): Promise<string[]> {
    const ents = enterpriseIdsOf(actor);
    if (!ents.length) return [];
    return (await db.select({ parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, ents))).map((r) => r.parkId);
  }

  async function lotScope(actor: Actor): Promise<SQL | undefined> {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = [...operatorParkIds(actor), ...(await memberParkIds(actor))];
    if (parkIds.length) parts.push(inArray(parkingLots.parkId, parkIds));
    const siteIds = operatorSiteIds(actor);
    if (siteIds.length) parts.push(inArray(parkingLots.siteId, siteIds));
    return parts.length ? or(...parts) : sql`false`;
  }

  async function readableLot(actor: Actor, id: string): Promise<LotRow> {
    const [lot] = await db.select().from(parkingLots).where(eq(parkingLots.id, id));
    if (!lot) throw notFound('parking lot', id);
    if (operatorCovers(actor, lot)) return lot;
    if ((await memberParkIds(actor)).includes(lot.parkId)) return lot;
    throw notFound('parking lot', id);
  }

  async function operableLot(actor: Actor, id: string): Promise<LotRow> {
    const lot = await readableLot(actor, id);
    if (!operatorCovers(actor, lot)) throw forbidden('Only operators of this park may manage its parking');
    return lot;
  }

  async function occupancyOf(lotIds: string[]) {
    if (!lotIds.length) return new Map<string, { occupied: number; sensorOccupied: number | null }>();
    const open = await db.select({ lotId: parkingSessions.lotId, n: sql<number>`count(*)::int` }).from(parkingSessions).where(and(inArray(parkingSessions.lotId, lotIds), eq(parkingSessions.status, 'open'))).groupBy(parkingSessions.lotId);
    // Spaces with an IOC parking sensor: its latest `occupied` reading.
    const sensed = await db
      .select({ lotId: parkingSpaces.lotId, sensors: sql<number>`count(${latestValues.deviceId})::int`, occupied: sql<number>`count(*) filter (where ${latestValues.value} >= 1)::int` })
      .from(parkingSpaces)
      .innerJoin(latestValues, and(eq(latestValues.deviceId, parkingSpaces.sensorDeviceId), eq(latestValues.metric, 'occupied')))
      .where(inArray(parkingSpaces.lotId, lotIds))
      .groupBy(parkingSpaces.lotId);
    return new Map(lotIds.map((id) => [id, { occupied: open.find((o) => o.lotId === id)?.n ?? 0, sensorOccupied: sensed.find((s) => s.lotId === id && s.sensors > 0)?.occupied ?? null }]));
  }

  /** Who pays for a stay of `plate` at `lot` on the exit day: pass, enterprise, member or a visitor. */
  async function payerOf(tx: Tx, lot: LotRow, plate: string, at: Date): Promise<{ payer: 'pass' | 'enterprise' | 'member' | 'visitor'; userId: string | null; enterpriseId: string | null }> {
    const day = localDate(at);
    const rights = await tx
      .select()
      .from(parkingRights)
      .where(and(eq(parkingRights.lotId, lot.id), eq(parkingRights.plate, plate), lte(parkingRights.validFrom, day), gte(parkingRights.validTo, day)));
    const pass = rights.find((r) => r.kind === 'monthly_pass');
    if (pass) return { payer: 'pass', userId: pass.userId, enterpriseId: pass.enterpriseId };
    const paid = rights.find((r) => r.kind === 'enterprise_paid');
    if (paid) return { payer: 'enterprise', userId: null, enterpriseId: paid.enterpriseId };
    const [member] = await tx.select().from(memberPlates).where(eq(memberPlates.plate, plate)).orderBy(asc(memberPlates.createdAt)).limit(1);
    if (member?.enterpriseId) return { payer: 'member', userId: member.userId, enterpriseId: member.enterpriseId };
    return { payer: 'visitor', userId: null, enterpriseId: null };
  }

  /** A read's answer with `access` and `invitationId` always present (null where the read was no entry). */
  function withAccess<T extends { access?: EntryAccess | null; invitationId?: string | null }>(r: T): T & { access: EntryAccess | null; invitationId: string | null } {
    return { ...r, access: r.access ?? null, invitationId: r.invitationId ?? null };
  }

  /** Why an entering plate is let in (see ENTRY_ACCESS): rights of the day first, then members' plates, then visitor invitations. */
  async function accessOf(tx: Tx, lot: LotRow, plate: string, at: Date): Promise<{ access: EntryAccess; invitationId: string | null }> {
    const day = localDate(at);
    const rights = await tx
      .select({ kind: parkingRights.kind })
      .from(parkingRights)
      .where(and(eq(parkingRights.lotId, lot.id), eq(parkingRights.plate, plate), lte(parkingRights.validFrom, day), gte(parkingRights.validTo, day)));
    if (rights.some((r) => r.kind === 'monthly_pass')) return { access: 'monthly_pass', invitationId: null };
    if (rights.some((r) => r.kind === 'enterprise_paid')) return { access: 'enterprise_paid', invitationId: null };
    const [member] = await tx.select({ id: memberPlates.id }).from(memberPlates).where(eq(memberPlates.plate, plate)).limit(1);
    if (member) return { access: 'member', invitationId: null };
    const invitation = await findPlateInvitation(tx, { parkId: lot.parkId, plate, at });
    if (invitation) return { access: 'invited_visitor', invitationId: invitation.passId };
    return { access: 'temporary', invitationId: null };
  }

  /**
   * One plate read at a lot's entry or exit. Reads are serialised per lot (row lock).
   * Duplicate reads within `DUPLICATE_READ_SECONDS` at the same camera are logged and
   * ignored; an entry while a session is open closes that session as `missed_exit`; an
   * exit without an entry is kept as an `exit_without_entry` session for review. A closed
   * session's fee becomes a parking bill for the member or the enterprise.
   */
  async function processRead(
    ctx: RequestContext,
    lotId: string,
    direction: 'entry' | 'exit',
    deviceId: string | null,
    read: PlateRead,
  ): Promise<{ result: ReadResult; sessionId: string | null; feeFen: number | null; billId: string | null; access?: EntryAccess | null; invitationId?: string | null }> {
    const plate = checkPlate(read.plate, 'body.plate');
    const at = read.at ?? new Date();
    return db.transaction(async (tx) => {
      const [lot] = await tx.select().from(parkingLots).where(eq(parkingLots.id, lotId)).for('update');
      if (!lot) throw notFound('parking lot', lotId);
      if (read.externalId && deviceId) {
        const [seen] = await tx.select().from(parkingEvents).where(and(eq(parkingEvents.deviceId, deviceId), eq(parkingEvents.externalId, read.externalId)));
        if (seen) return { result: 'duplicate' as const, sessionId: seen.sessionId, feeFen: null, billId: null };
      }
      const since = new Date(at.getTime() - DUPLICATE_READ_SECONDS * 1000);
      const [recent] = await tx
        .select()
        .from(parkingEvents)
        .where(and(eq(parkingEvents.lotId, lot.id), eq(parkingEvents.plate, plate), eq(parkingEvents.direction, direction), deviceId ? eq(parkingEvents.deviceId, deviceId) : sql`${parkingEvents.deviceId} is null`, gte(parkingEvents.at, since), lte(parkingEvents.at, at)))
        .limit(1);
      const logEvent = async (result: ReadResult, sessionId: string | null) => {
        await tx.insert(parkingEvents).values({ lotId: lot.id, deviceId, externalId: read.externalId ?? null, direction, plate, at, result, sessionId });
      };
      if (recent) {
        await logEvent('duplicate', recent.sessionId);
        return { result: 'duplicate' as const, sessionId: recent.sessionId, feeFen: null, billId: null };
      }
      const [open] = await tx.select().from(parkingSessions).where(and(eq(parkingSessions.lotId, lot.id), eq(parkingSessions.plate, plate), eq(parkingSessions.status, 'open'))).for('update');
      const place = { parkId: lot.parkId };
      if (direction === 'entry') {
        let result: ReadResult = 'session_opened';
        if (open) {
          // The exit was never read: keep the old stay visible for review, charge nothing for it.
          await tx.update(parkingSessions).set({ status: 'missed_exit', updatedAt: new Date() }).where(eq(parkingSessions.id, open.id));
          await record(tx, ctx, 'parking_session.missed_exit', 'parking_session', open.id, { status: 'open' }, { status: 'missed_exit' }, place);
          result = 'entry_while_open';
        }
        const admission = await accessOf(tx, lot, plate, at);
        const [s] = await tx.insert(parkingSessions).values({ lotId: lot.id, parkId: lot.parkId, plate, entryAt: at }).returning();
        await record(tx, ctx, 'parking_session.opened', 'parking_session', s.id, null, { plate, lotId: lot.id, entryAt: at, ...admission }, place);
        await logEvent(result, s.id);
        return { result, sessionId: s.id, feeFen: null, billId: null, ...admission };
      }
      if (!open) {
        const [s] = await tx.insert(parkingSessions).values({ lotId: lot.id, parkId: lot.parkId, plate, exitAt: at, status: 'exit_without_entry' }).returning();
        await record(tx, ctx, 'parking_session.exit_without_entry', 'parking_session', s.id, null, { plate, lotId: lot.id, exitAt: at }, place);
        await logEvent('exit_without_entry', s.id);
        return { result: 'exit_without_entry' as const, sessionId: s.id, feeFen: null, billId: null };
      }
      const fee = computeParkingFee(open.entryAt!, at, rateOf(lot));
      const who = await payerOf(tx, lot, plate, at);
      const feeFen = who.payer === 'pass' ? 0 : fee.feeFen;
      let billId: string | null = null;
      if (feeFen > 0 && who.enterpriseId && (who.payer === 'member' || who.payer === 'enterprise')) {
        const exitLocal = new Date(at.getTime() + 8 * 3600_000).toISOString();
        const bill = await billing.issueBill(
          tx,
          ctx,
          { id: who.enterpriseId, parkId: lot.parkId, siteId: lot.siteId },
          {
            enterpriseId: who.enterpriseId,
            userId: who.payer === 'member' ? who.userId : null,
            kind: 'parking',
            period: exitLocal.slice(0, 7),
            // The exit time keeps two stays of one plate on one day apart in every list.
            title: `停车费 ${plate} ${lot.name} ${exitLocal.slice(5, 10)} ${exitLocal.slice(11, 16)}`,
            amountFen: feeFen,
            dueDate: localDate(new Date(at.getTime() + 7 * 86_400_000)),
            sourceRef: `parking-session:${open.id}`,
            details: { sessionId: open.id, plate, lotName: lot.name, entryAt: open.entryAt, exitAt: at, minutes: fee.minutes, lines: fee.lines },
          },
        );
        billId = bill?.id ?? null;
      }
      const [closed] = await tx
        .update(parkingSessions)
        .set({ status: 'closed', exitAt: at, feeFen, payer: who.payer, userId: who.userId, enterpriseId: who.enterpriseId, billId, feeDetails: { minutes: fee.minutes, free: fee.free, lines: fee.lines, grossFen: fee.feeFen }, updatedAt: new Date() })
        .where(eq(parkingSessions.id, open.id))
        .returning();
      await record(tx, ctx, 'parking_session.closed', 'parking_session', open.id, { status: 'open' }, { status: 'closed', exitAt: at, feeFen, payer: who.payer, billId }, { parkId: lot.parkId, enterpriseId: who.enterpriseId });
      await logEvent('session_closed', open.id);
      return { result: 'session_closed' as const, sessionId: closed.id, feeFen, billId };
    });
  }

  return {
    async findLots(ctx: RequestContext, input: { parkId?: string } = {}) {
      const c: SQL[] = [];
      const scope = await lotScope(ctx.actor);
      if (scope) c.push(scope);
      if (input.parkId) c.push(eq(parkingLots.parkId, input.parkId));
      const lots = await db.select().from(parkingLots).where(c.length ? and(...c) : undefined).orderBy(asc(parkingLots.name));
      const occ = await occupancyOf(lots.map((l) => l.id));
      return lots.map((l) => {
        const o = occ.get(l.id)!;
        return { ...l, occupied: o.occupied, free: Math.max(0, l.capacity - o.occupied), sensorOccupied: o.sensorOccupied };
      });
    },

    async createLot(ctx: RequestContext, input: LotInput): Promise<LotRow> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: input.parkId, siteId: input.siteId })) throw forbidden('Only operators of this park may add parking lots');
      if (input.siteId) {
        // A site of another park would put the lot in that site's operators' scope (and let them claim any park).
        const [site] = await db.select({ parkId: sites.parkId }).from(sites).where(eq(sites.id, input.siteId));
        if (!site || site.parkId !== input.parkId) throw validationError('body.siteId', 'not a site of this park');
      }
      return db.transaction(async (tx) => {
        try {
          const [lot] = await tx.insert(parkingLots).values(input).returning();
          await record(tx, ctx, 'parking_lot.created', 'parking_lot', lot.id, null, lot, { parkId: lot.parkId });
          return lot;
        } catch (err) {
          if (pgCode(err) === '23505') throw conflict('A lot with this name exists in the park');
          throw err;
        }
      });
    },

    /** Capacity and fee rule (the lot's rate). */
    async updateLot(ctx: RequestContext, id: string, patch: Partial<Omit<LotInput, 'parkId' | 'siteId'>>): Promise<LotRow> {
      assertCanWrite(ctx.actor);
      const lot = await operableLot(ctx.actor, id);
      return db.transaction(async (tx) => {
        const [after] = await tx.update(parkingLots).set({ ...patch, updatedAt: new Date() }).where(eq(parkingLots.id, id)).returning();
        await record(tx, ctx, 'parking_lot.updated', 'parking_lot', id, lot, after, { parkId: lot.parkId });
        return after;
      });
    },

    /** A lot with its spaces; each space shows its enterprise allocation (from the parks module) to operators and that enterprise. */
    async getLot(ctx: RequestContext, id: string) {
      const lot = await readableLot(ctx.actor, id);
      const [spaces, allocations, occ] = await Promise.all([
        db.select().from(parkingSpaces).where(eq(parkingSpaces.lotId, id)).orderBy(asc(parkingSpaces.code)),
        db.select({ spaceCode: parkingSpaceAssignments.spaceCode, enterpriseId: parkingSpaceAssignments.enterpriseId, legalName: enterprises.legalName }).from(parkingSpaceAssignments).innerJoin(enterprises, eq(enterprises.id, parkingSpaceAssignments.enterpriseId)).where(and(eq(parkingSpaceAssignments.lotName, lot.name), eq(enterprises.parkId, lot.parkId))),
        occupancyOf([id]),
      ]);
      const isOp = operatorCovers(ctx.actor, lot);
      const mine = enterpriseIdsOf(ctx.actor);
      const o = occ.get(id)!;
      return {
        ...lot,
        occupied: o.occupied,
        free: Math.max(0, lot.capacity - o.occupied),
        sensorOccupied: o.sensorOccupied,
        spaces: spaces.map((s) => {
          const a = allocations.find((x) => x.spaceCode === s.code);
          const visible = a && (isOp || mine.includes(a.enterpriseId));
          return { id: s.id, code: s.code, isReservable: s.isReservable && !a, allocatedToMine: !!a && mine.includes(a.enterpriseId), allocation: visible ? { enterpriseId: a.enterpriseId, legalName: a.legalName } : a ? { enterpriseId: null, legalName: null } : null };
        }),
      };
    },

    async addSpaces(ctx: RequestContext, lotId: string, input: { codes: string[]; isReservable?: boolean }) {
      assertCanWrite(ctx.actor);
      const lot = await operableLot(ctx.actor, lotId);
      return db.transaction(async (tx) => {
        const rows = await tx
          .insert(parkingSpaces)
          .values(input.codes.map((code) => ({ lotId, code, isReservable: input.isReservable ?? true })))
          .onConflictDoNothing()
          .returning();
        await record(tx, ctx, 'parking_spaces.added', 'parking_lot', lotId, null, { codes: rows.map((r) => r.code) }, { parkId: lot.parkId });
        return { added: rows.length };
      });
    },

    /** Binds an IOC gate camera to a lot's entry or exit. */
    async addGate(ctx: RequestContext, lotId: string, input: { deviceId: string; direction: 'entry' | 'exit' }) {
      assertCanWrite(ctx.actor);
      const lot = await operableLot(ctx.actor, lotId);
      const [d] = await db.select().from(devices).where(eq(devices.id, input.deviceId));
      if (!d || d.parkId !== lot.parkId) throw validationError('body.deviceId', 'no device with this id in the lot’s park');
      if (d.type !== 'gate_camera') throw validationError('body.deviceId', 'is not a gate camera');
      return db.transaction(async (tx) => {
        const [g] = await tx
          .insert(parkingGates)
          .values({ deviceId: d.id, lotId, direction: input.direction })
          .onConflictDoUpdate({ target: parkingGates.deviceId, set: { lotId, direction: input.direction, updatedAt: new Date() } })
          .returning();
        await record(tx, ctx, 'parking_gate.bound', 'parking_lot', lotId, null, { deviceId: d.id, code: d.code, direction: input.direction }, { parkId: lot.parkId });
        return g;
      });
    },

    /** A plate read from an authenticated gate camera (HTTP or MQTT). */
    async recordGateRead(device: { id: string; code: string }, read: PlateRead & { direction?: 'entry' | 'exit' }) {
      const [gate] = await db.select().from(parkingGates).where(eq(parkingGates.deviceId, device.id));
      if (!gate) throw forbidden('This camera is not bound to a parking lot entry or exit');
      if (read.direction && read.direction !== gate.direction) throw validationError('body.direction', `this camera is the lot’s ${gate.direction}`);
      const ctx: RequestContext = { actor: { userId: '00000000-0000-0000-0000-000000000000', username: `device:${device.code}`, displayName: device.code, grants: [], via: 'system', access: 'write' } };
      return withAccess(await processRead(ctx, gate.lotId, gate.direction, device.id, read));
    },

    /** A read entered by an operator (camera down, manual gate). */
    async recordManualRead(ctx: RequestContext, lotId: string, input: PlateRead & { direction: 'entry' | 'exit' }) {
      assertCanWrite(ctx.actor);
      await operableLot(ctx.actor, lotId);
      return withAccess(await processRead(ctx, lotId, input.direction, null, input));
    },

    async findSessions(ctx: RequestContext, f: PageQuery & { lotId?: string; status?: SessionStatus; plate?: string }): Promise<Page<SessionRow & { lotName: string }>> {
      const c: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parkIds = operatorParkIds(ctx.actor);
        const siteIds = operatorSiteIds(ctx.actor);
        if (!parkIds.length && !siteIds.length) throw forbidden('Only park operators may list parking sessions');
        c.push(or(parkIds.length ? inArray(parkingLots.parkId, parkIds) : sql`false`, siteIds.length ? inArray(parkingLots.siteId, siteIds) : sql`false`)!);
      }
      if (f.lotId) c.push(eq(parkingSessions.lotId, f.lotId));
      if (f.status) c.push(eq(parkingSessions.status, f.status));
      if (f.plate) c.push(eq(parkingSessions.plate, normalisePlate(f.plate)));
      const where = c.length ? and(...c) : undefined;
      const [rows, [{ count }]] = await Promise.all([
        db.select({ s: parkingSessions, lotName: parkingLots.name }).from(parkingSessions).innerJoin(parkingLots, eq(parkingLots.id, parkingSessions.lotId)).where(where).orderBy(desc(parkingSessions.updatedAt)).limit(f.pageSize).offset(offsetOf(f)),
        db.select({ count: sql<number>`count(*)::int` }).from(parkingSessions).innerJoin(parkingLots, eq(parkingLots.id, parkingSessions.lotId)).where(where),
      ]);
      return { items: rows.map((r) => ({ ...r.s, lotName: r.lotName })), total: count, page: f.page, pageSize: f.pageSize };
    },

    /** The member's parking: plates, open sessions with the fee so far, recent stays, reservations. */
    async getMyParking(ctx: RequestContext) {
      const plates = await db.select().from(memberPlates).where(eq(memberPlates.userId, ctx.actor.userId)).orderBy(asc(memberPlates.createdAt));
      const plateList = plates.map((p) => p.plate);
      const sessions = plateList.length
        ? await db.select({ s: parkingSessions, lot: parkingLots }).from(parkingSessions).innerJoin(parkingLots, eq(parkingLots.id, parkingSessions.lotId)).where(inArray(parkingSessions.plate, plateList)).orderBy(desc(parkingSessions.updatedAt)).limit(20)
        : [];
      const now = new Date();
      const reservations = await db
        .select({ r: parkingReservations, spaceCode: parkingSpaces.code, lotName: parkingLots.name })
        .from(parkingReservations)
        .innerJoin(parkingSpaces, eq(parkingSpaces.id, parkingReservations.spaceId))
        .innerJoin(parkingLots, eq(parkingLots.id, parkingReservations.lotId))
        .where(and(eq(parkingReservations.userId, ctx.actor.userId), eq(parkingReservations.status, 'active'), gt(parkingReservations.endsAt, now)))
        .orderBy(asc(parkingReservations.startsAt));
      return {
        plates: plates.map((p) => ({ id: p.id, plate: p.plate, createdAt: p.createdAt })),
        sessions: sessions.map(({ s, lot }) => ({
          id: s.id,
          plate: s.plate,
          lotId: lot.id,
          lotName: lot.name,
          status: s.status,
          entryAt: s.entryAt,
          exitAt: s.exitAt,
          billId: s.billId,
          // An open stay shows what it would cost if the car left now.
          feeFen: s.status === 'open' && s.entryAt ? computeParkingFee(s.entryAt, now, rateOf(lot)).feeFen : s.feeFen,
        })),
        reservations: reservations.map((r) => ({ ...r.r, spaceCode: r.spaceCode, lotName: r.lotName })),
      };
    },

    async addMyPlate(ctx: RequestContext, input: { plate: string }) {
      assertCanWrite(ctx.actor);
      const plate = checkPlate(input.plate, 'body.plate');
      const enterpriseId = enterpriseIdsOf(ctx.actor)[0] ?? null;
      if (!enterpriseId) throw forbidden('Only members of a tenant enterprise may register plates');
      const [e] = await db.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(memberPlates).values({ userId: ctx.actor.userId, enterpriseId, plate }).onConflictDoNothing().returning();
        if (!row) throw conflict('You have registered this plate already');
        await record(tx, ctx, 'member_plate.created', 'member_plate', row.id, null, { plate }, { parkId: e.parkId, enterpriseId });
        return row;
      });
    },

    async removeMyPlate(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(memberPlates).where(and(eq(memberPlates.id, id), eq(memberPlates.userId, ctx.actor.userId))).returning();
        if (!row) throw notFound('plate', id);
        const [e] = row.enterpriseId ? await tx.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, row.enterpriseId)) : [];
        await audit.record(tx, ctx, { action: 'member_plate.deleted', entityType: 'member_plate', entityId: row.id, before: { plate: row.plate }, after: null, parkId: e?.parkId ?? null, enterpriseId: row.enterpriseId });
      });
    },

    /** A monthly pass or an enterprise-paid plate (the plate must be one of the enterprise's registered vehicles). */
    async createRight(ctx: RequestContext, lotId: string, input: { kind: 'monthly_pass' | 'enterprise_paid'; plate: string; enterpriseId?: string | null; userId?: string | null; validFrom: string; validTo: string }) {
      assertCanWrite(ctx.actor);
      const lot = await operableLot(ctx.actor, lotId);
      const plate = checkPlate(input.plate, 'body.plate');
      if (input.validTo < input.validFrom) throw validationError('body.validTo', 'must not be before validFrom');
      if (input.enterpriseId) {
        // Only an enterprise of the lot's park: another park's enterprise is not this operator's to bill, or to probe for plates.
        const [e] = await db.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
        if (!e || e.parkId !== lot.parkId) throw validationError('body.enterpriseId', 'not an enterprise of this park');
      }
      if (input.kind === 'enterprise_paid') {
        if (!input.enterpriseId) throw validationError('body.enterpriseId', 'is required for an enterprise-paid plate');
        const [v] = await db.select().from(enterpriseVehicles).where(and(eq(enterpriseVehicles.enterpriseId, input.enterpriseId), eq(enterpriseVehicles.plate, plate)));
        if (!v) throw validationError('body.plate', 'is not a registered vehicle of this enterprise');
      }
      return db.transaction(async (tx) => {
        const [r] = await tx.insert(parkingRights).values({ lotId, kind: input.kind, plate, enterpriseId: input.enterpriseId ?? null, userId: input.userId ?? null, validFrom: input.validFrom, validTo: input.validTo }).returning();
        await record(tx, ctx, 'parking_right.created', 'parking_right', r.id, null, r, { parkId: lot.parkId, enterpriseId: r.enterpriseId });
        return r;
      });
    },

    async findRights(ctx: RequestContext, lotId: string) {
      await operableLot(ctx.actor, lotId);
      return db.select().from(parkingRights).where(eq(parkingRights.lotId, lotId)).orderBy(desc(parkingRights.validTo));
    },

    /**
     * Reserves a space for a window. The space row is locked, then overlapping active
     * reservations are looked for: two concurrent requests for overlapping windows
     * cannot both succeed.
     */
    async reserve(ctx: RequestContext, input: { spaceId: string; plate: string; startsAt: Date; endsAt: Date }) {
      assertCanWrite(ctx.actor);
      const plate = checkPlate(input.plate, 'body.plate');
      if (input.endsAt <= input.startsAt) throw mustBeAfter('body.endsAt', 'startsAt');
      if (input.endsAt.getTime() - input.startsAt.getTime() > 24 * 3600_000) throw validationError('body.endsAt', 'a reservation lasts at most 24 hours');
      if (input.endsAt <= new Date()) throw validationError('body.endsAt', 'must be in the future');
      const [space] = await db.select({ s: parkingSpaces, lot: parkingLots }).from(parkingSpaces).innerJoin(parkingLots, eq(parkingLots.id, parkingSpaces.lotId)).where(eq(parkingSpaces.id, input.spaceId));
      if (!space) throw notFound('parking space', input.spaceId);
      await readableLot(ctx.actor, space.lot.id);
      const [alloc] = await db.select().from(parkingSpaceAssignments).where(and(eq(parkingSpaceAssignments.lotName, space.lot.name), eq(parkingSpaceAssignments.spaceCode, space.s.code)));
      if (!space.s.isReservable || (alloc && !enterpriseIdsOf(ctx.actor).includes(alloc.enterpriseId))) throw forbidden('This space cannot be reserved');
      return db.transaction(async (tx) => {
        await tx.select({ id: parkingSpaces.id }).from(parkingSpaces).where(eq(parkingSpaces.id, input.spaceId)).for('update');
        const [overlap] = await tx
          .select({ id: parkingReservations.id, startsAt: parkingReservations.startsAt, endsAt: parkingReservations.endsAt })
          .from(parkingReservations)
          .where(and(eq(parkingReservations.spaceId, input.spaceId), eq(parkingReservations.status, 'active'), lt(parkingReservations.startsAt, input.endsAt), gt(parkingReservations.endsAt, input.startsAt)))
          .limit(1);
        if (overlap) throw conflict('The space is already reserved in this window', { startsAt: overlap.startsAt, endsAt: overlap.endsAt });
        const [r] = await tx.insert(parkingReservations).values({ spaceId: input.spaceId, lotId: space.lot.id, userId: ctx.actor.userId, plate, startsAt: input.startsAt, endsAt: input.endsAt }).returning();
        await record(tx, ctx, 'parking_reservation.created', 'parking_reservation', r.id, null, { spaceCode: space.s.code, plate, startsAt: r.startsAt, endsAt: r.endsAt }, { parkId: space.lot.parkId, enterpriseId: enterpriseIdsOf(ctx.actor)[0] ?? null });
        return r;
      });
    },

    async cancelReservation(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      const [r] = await db.select({ r: parkingReservations, parkId: parkingLots.parkId, siteId: parkingLots.siteId }).from(parkingReservations).innerJoin(parkingLots, eq(parkingLots.id, parkingReservations.lotId)).where(eq(parkingReservations.id, id));
      if (!r || (r.r.userId !== ctx.actor.userId && !operatorCovers(ctx.actor, r))) throw notFound('reservation', id);
      return db.transaction(async (tx) => {
        const [after] = await tx.update(parkingReservations).set({ status: 'cancelled', updatedAt: new Date() }).where(and(eq(parkingReservations.id, id), eq(parkingReservations.status, 'active'))).returning();
        if (!after) throw conflict('The reservation is not active');
        await record(tx, ctx, 'parking_reservation.cancelled', 'parking_reservation', id, { status: 'active' }, { status: 'cancelled' }, { parkId: r.parkId });
        return after;
      });
    },

    /** Active reservations of a lot in a window (spaces' busy times), for members choosing a space. */
    async findReservations(ctx: RequestContext, lotId: string, window: { from: Date; to: Date }) {
      const lot = await readableLot(ctx.actor, lotId);
      const rows = await db
        .select({ r: parkingReservations, spaceCode: parkingSpaces.code })
        .from(parkingReservations)
        .innerJoin(parkingSpaces, eq(parkingSpaces.id, parkingReservations.spaceId))
        .where(and(eq(parkingReservations.lotId, lotId), eq(parkingReservations.status, 'active'), lt(parkingReservations.startsAt, window.to), gt(parkingReservations.endsAt, window.from)))
        .orderBy(asc(parkingReservations.startsAt));
      const isOp = operatorCovers(ctx.actor, lot);
      // Others see only that a space is busy, not whose plate it is.
      return rows.map(({ r, spaceCode }) => ({ id: r.id, spaceId: r.spaceId, spaceCode, startsAt: r.startsAt, endsAt: r.endsAt, isMine: r.userId === ctx.actor.userId, plate: isOp || r.userId === ctx.actor.userId ? r.plate : null }));
    },
  };
}

export type ParkingService = ReturnType<typeof createParkingService>;
