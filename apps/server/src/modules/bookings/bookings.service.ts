import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError, mustBeAfter } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import type { ApprovalsService } from '../approvals';
import type { BillingService } from '../billing';
import { bills } from '../billing/billing.table';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { users } from '../identity/identity.table';
import { enterprises, sites } from '../parks/parks.table';
import type { BookingQuery, BookingView, CreateBookingBody, CreateResourceBody, ResourceQuery, ResourceView, SlotsQuery, UpdateResourceBody } from './bookings.schema';
import { bookingResources, bookings, HOLDING_STATUSES, type BookingStatus } from './bookings.table';
import { feeOf, hhmm, rangeProblem, shanghaiParts } from './bookings.time';

type ResourceRow = typeof bookingResources.$inferSelect;
type BookingRow = typeof bookings.$inferSelect;

/** The approvals subject type of a booking that needs an operator's approval. */
export const BOOKING_SUBJECT = 'booking';

/**
 * Booking of shared resources (共享资源预约): meeting rooms, public technology platforms and
 * exhibition halls of a park, booked by tenant enterprises by the slot.
 *
 * - Overlaps: every booking change of one resource locks the resource row (`FOR UPDATE`) and
 *   checks for a pending or confirmed booking overlapping `[startsAt, endsAt)` in the same
 *   transaction, so concurrent attempts at one slot give exactly one booking; adjacent ranges
 *   (one ends when the next starts) do not overlap.
 * - Approval: a resource with `requiresApproval` starts a case on the park's `approvalFlowKey`
 *   flow; the booking is `pending` (and holds its slot) until the case is approved (→ confirmed)
 *   or rejected/withdrawn (→ rejected, slot freed).
 * - Fees: when a booking with a fee is confirmed, billing issues the enterprise a `booking` bill
 *   of hours × fee per hour (integer fen, rounded half up), due on the booking's day.
 * - Cancellation rule: the booker (or their enterprise's admin) may cancel until the start;
 *   the park's operators until the end. An unpaid bill is voided with the cancellation. A bill
 *   already paid is not refunded automatically: the fee is forfeited unless an operator refunds
 *   the payment by hand in billing (the booking shows the bill as still paid).
 */
export function createBookingsService(deps: { db: Db; audit: AuditService; billing: Pick<BillingService, 'issueBill' | 'voidIssuedBill'>; approvals: Pick<ApprovalsService, 'startCase' | 'registerSubjectType' | 'withdrawForSubject'>; now?: () => Date }) {
  const { db, audit, billing, approvals } = deps;
  const now = deps.now ?? (() => new Date());

  /** Parks in which the actor belongs to an enterprise, with the enterprises and the actor's role there. */
  async function memberships(actor: Actor, q: Db | Tx = db): Promise<{ enterpriseId: string; parkId: string; siteId: string | null; name: string; isAdmin: boolean }[]> {
    const ids = enterpriseIdsOf(actor);
    if (!ids.length) return [];
    const admins = new Set(enterpriseIdsOf(actor, ['enterprise_admin']));
    const rows = await q.select({ id: enterprises.id, parkId: enterprises.parkId, siteId: enterprises.siteId, name: enterprises.legalName }).from(enterprises).where(inArray(enterprises.id, ids));
    return rows.map((r) => ({ enterpriseId: r.id, parkId: r.parkId, siteId: r.siteId, name: r.name, isAdmin: admins.has(r.id) }));
  }

  function canRoleBook(r: ResourceRow, m: { isAdmin: boolean }): boolean {
    return r.bookableBy === 'members' || m.isAdmin;
  }

  async function resourceView(actor: Actor, r: ResourceRow, mine?: Awaited<ReturnType<typeof memberships>>): Promise<ResourceView> {
    const ms = (mine ?? (await memberships(actor))).filter((m) => m.parkId === r.parkId);
    return { ...r, canBook: r.status === 'active' && ms.some((m) => canRoleBook(r, m)), canManage: operatorCovers(actor, r) };
  }

  /** The resource if the actor may see it: its operators always, the park's tenants while active; else 404. */
  async function visibleResource(q: Db | Tx, actor: Actor, id: string, lock = false): Promise<ResourceRow> {
    // Through `q`: on PGlite's one connection a query outside an open transaction waits for it.
    const mine = await memberships(actor, q);
    const base = q.select().from(bookingResources).where(eq(bookingResources.id, id));
    const [r] = lock ? await base.for('update') : await base;
    if (!r) throw notFound('booking resource', id);
    if (operatorCovers(actor, r)) return r;
    if (r.status === 'active' && mine.some((m) => m.parkId === r.parkId)) return r;
    throw notFound('booking resource', id);
  }

  function resourceRules(r: { opensAtMinute: number; closesAtMinute: number; slotMinutes: number; minMinutes: number; maxMinutes: number; requiresApproval: boolean; approvalFlowKey: string | null | undefined }): void {
    if (r.closesAtMinute <= r.opensAtMinute) throw mustBeAfter('body.closesAtMinute', 'opensAtMinute');
    if (r.minMinutes % r.slotMinutes !== 0) throw validationError('body.minMinutes', 'must be a multiple of slotMinutes');
    if (r.maxMinutes % r.slotMinutes !== 0) throw validationError('body.maxMinutes', 'must be a multiple of slotMinutes');
    if (r.maxMinutes < r.minMinutes) throw validationError('body.maxMinutes', 'must not be less than minMinutes');
    if (r.opensAtMinute % r.slotMinutes !== 0) throw validationError('body.opensAtMinute', 'must be on a slot boundary');
    if (r.requiresApproval && !r.approvalFlowKey) throw validationError('body.approvalFlowKey', 'is required when requiresApproval');
  }

  async function assertSiteOfPark(q: Db | Tx, siteId: string | null | undefined, parkId: string) {
    if (!siteId) return;
    const [s] = await q.select({ parkId: sites.parkId }).from(sites).where(eq(sites.id, siteId));
    if (!s || s.parkId !== parkId) throw validationError('body.siteId', 'not a site of this park');
  }

  function auditableResource(r: ResourceRow) {
    const { createdAt: _c, updatedAt: _u, ...rest } = r;
    return rest;
  }

  function auditableBooking(b: BookingRow) {
    return { resourceId: b.resourceId, enterpriseId: b.enterpriseId, userId: b.userId, title: b.title, startsAt: b.startsAt, endsAt: b.endsAt, status: b.status, feeFen: b.feeFen, billId: b.billId };
  }

  /** Bookings the actor may read: their parks' (operators), their enterprise's (admins), their own (members). */
  function bookingScope(actor: Actor): SQL | undefined {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [eq(bookings.userId, actor.userId)];
    const parkIds = operatorParkIds(actor);
    if (parkIds.length) parts.push(inArray(bookings.parkId, parkIds));
    const siteIds = operatorSiteIds(actor);
    if (siteIds.length) parts.push(inArray(bookingResources.siteId, siteIds));
    const adminOf = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (adminOf.length) parts.push(inArray(bookings.enterpriseId, adminOf));
    return or(...parts);
  }

  const viewColumns = {
    booking: bookings,
    resource: { nameZh: bookingResources.nameZh, nameEn: bookingResources.nameEn, category: bookingResources.category, location: bookingResources.location, parkId: bookingResources.parkId, siteId: bookingResources.siteId },
    enterpriseName: enterprises.legalName,
    userName: users.displayName,
    billStatus: bills.status,
  };
  const viewQuery = (q: Db | Tx) =>
    q
      .select(viewColumns)
      .from(bookings)
      .innerJoin(bookingResources, eq(bookingResources.id, bookings.resourceId))
      .innerJoin(enterprises, eq(enterprises.id, bookings.enterpriseId))
      .innerJoin(users, eq(users.id, bookings.userId))
      .leftJoin(bills, eq(bills.id, bookings.billId));
  type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

  function canCancel(actor: Actor, b: BookingRow, place: { parkId: string; siteId: string | null }, at: Date): boolean {
    if (!HOLDING_STATUSES.includes(b.status)) return false;
    if (operatorCovers(actor, place)) return b.endsAt > at;
    const isBooker = b.userId === actor.userId || enterpriseIdsOf(actor, ['enterprise_admin']).includes(b.enterpriseId);
    return isBooker && b.startsAt > at;
  }

  function toView(actor: Actor, row: ViewRow): BookingView {
    const b = row.booking;
    return {
      id: b.id,
      resourceId: b.resourceId,
      resourceNameZh: row.resource.nameZh,
      resourceNameEn: row.resource.nameEn,
      category: row.resource.category,
      location: row.resource.location,
      parkId: b.parkId,
      enterpriseId: b.enterpriseId,
      enterpriseName: row.enterpriseName,
      userId: b.userId,
      userName: row.userName,
      title: b.title,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      feeFen: b.feeFen,
      billId: b.billId,
      billStatus: row.billStatus ?? null,
      approvalCaseId: b.approvalCaseId,
      cancelledAt: b.cancelledAt,
      cancelReason: b.cancelReason,
      canCancel: canCancel(actor, b, row.resource, now()),
      createdAt: b.createdAt,
    };
  }

  async function getView(q: Db | Tx, actor: Actor, id: string): Promise<BookingView> {
    const scope = bookingScope(actor);
    const [row] = await viewQuery(q).where(scope ? and(eq(bookings.id, id), scope) : eq(bookings.id, id));
    if (!row) throw notFound('booking', id);
    return toView(actor, row);
  }

  /** Confirms a booking (call with it locked): issues its bill when it has a fee. */
  async function confirm(tx: Tx, ctx: RequestContext, b: BookingRow, r: ResourceRow): Promise<void> {
    let billId: string | null = null;
    if (b.feeFen > 0) {
      const [e] = await tx.select({ id: enterprises.id, parkId: enterprises.parkId, siteId: enterprises.siteId }).from(enterprises).where(eq(enterprises.id, b.enterpriseId));
      const start = shanghaiParts(b.startsAt);
      const end = shanghaiParts(b.endsAt);
      const bill = await billing.issueBill(tx, ctx, { id: e.id, parkId: e.parkId, siteId: r.siteId ?? e.siteId }, {
        enterpriseId: e.id,
        kind: 'booking',
        period: start.day.slice(0, 7),
        title: `${r.nameZh} ${start.day} ${hhmm(start.minute)}–${hhmm(end.day === start.day ? end.minute : 1440)}`,
        amountFen: b.feeFen,
        dueDate: start.day,
        sourceRef: `booking:${b.id}`,
        details: { bookingId: b.id, resourceId: r.id, minutes: (b.endsAt.getTime() - b.startsAt.getTime()) / 60_000, feeFenPerHour: r.feeFenPerHour },
      });
      billId = bill?.id ?? null;
    }
    await tx.update(bookings).set({ status: 'confirmed', billId, updatedAt: new Date() }).where(eq(bookings.id, b.id));
    await audit.record(tx, ctx, { action: 'booking.confirmed', entityType: 'booking', entityId: b.id, before: { status: b.status }, after: { status: 'confirmed', billId }, parkId: b.parkId, enterpriseId: b.enterpriseId });
  }

  approvals.registerSubjectType(BOOKING_SUBJECT, {
    async onOutcome(tx, { approvalCase, outcome, ctx }) {
      const [b] = await tx.select().from(bookings).where(eq(bookings.id, approvalCase.subjectId)).for('update');
      // A booking cancelled while its case was open: the case's decision changes nothing.
      if (!b || b.status !== 'pending') return;
      if (outcome === 'approved') {
        const [r] = await tx.select().from(bookingResources).where(eq(bookingResources.id, b.resourceId));
        await confirm(tx, ctx, b, r);
      } else if (outcome === 'rejected' || outcome === 'withdrawn') {
        await tx.update(bookings).set({ status: 'rejected', updatedAt: new Date() }).where(eq(bookings.id, b.id));
        await audit.record(tx, ctx, { action: 'booking.rejected', entityType: 'booking', entityId: b.id, before: { status: b.status }, after: { status: 'rejected', outcome }, parkId: b.parkId, enterpriseId: b.enterpriseId });
      }
    },
  });

  return {
    // ----- resources -----

    async findResources(ctx: RequestContext, q: ResourceQuery): Promise<ResourceView[]> {
      const mine = await memberships(ctx.actor);
      const c: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const opParks = operatorParkIds(ctx.actor);
        const opSites = operatorSiteIds(ctx.actor);
        const tenantParks = [...new Set(mine.map((m) => m.parkId))];
        const parts: SQL[] = [];
        if (opParks.length) parts.push(inArray(bookingResources.parkId, opParks));
        if (opSites.length) parts.push(inArray(bookingResources.siteId, opSites));
        if (tenantParks.length) parts.push(and(inArray(bookingResources.parkId, tenantParks), eq(bookingResources.status, 'active'))!);
        c.push(parts.length ? or(...parts)! : sql`false`);
      }
      if (!q.includeInactive) c.push(eq(bookingResources.status, 'active'));
      if (q.parkId) c.push(eq(bookingResources.parkId, q.parkId));
      if (q.category) c.push(eq(bookingResources.category, q.category));
      const rows = await db.select().from(bookingResources).where(and(...c)).orderBy(asc(bookingResources.category), asc(bookingResources.nameZh));
      return Promise.all(rows.map((r) => resourceView(ctx.actor, r, mine)));
    },

    async getResource(ctx: RequestContext, id: string): Promise<ResourceView> {
      return resourceView(ctx.actor, await visibleResource(db, ctx.actor, id));
    },

    async createResource(ctx: RequestContext, body: CreateResourceBody): Promise<ResourceView> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: body.parkId, siteId: body.siteId ?? null })) throw forbidden('Only operators of this park manage bookable resources');
      const values = { ...body, siteId: body.siteId ?? null, description: body.description ?? '', requiresApproval: body.requiresApproval ?? false, approvalFlowKey: body.approvalFlowKey ?? null, openWeekdays: [...new Set(body.openWeekdays)].sort() };
      resourceRules(values);
      await assertSiteOfPark(db, values.siteId, body.parkId);
      const r = await db.transaction(async (tx) => {
        const [row] = await tx.insert(bookingResources).values(values).returning();
        await audit.record(tx, ctx, { action: 'booking_resource.created', entityType: 'booking_resource', entityId: row.id, after: auditableResource(row), parkId: row.parkId });
        return row;
      });
      return resourceView(ctx.actor, r);
    },

    async updateResource(ctx: RequestContext, id: string, body: UpdateResourceBody): Promise<ResourceView> {
      assertCanWrite(ctx.actor);
      const r = await db.transaction(async (tx) => {
        const before = await visibleResource(tx, ctx.actor, id, true);
        if (!operatorCovers(ctx.actor, before)) throw forbidden('Only operators of this park manage bookable resources');
        const next = { ...before, ...body, updatedAt: new Date() };
        if (body.openWeekdays) next.openWeekdays = [...new Set(body.openWeekdays)].sort();
        resourceRules(next);
        await assertSiteOfPark(tx, next.siteId, before.parkId);
        const { id: _id, parkId: _p, createdAt: _c, ...set } = next;
        const [after] = await tx.update(bookingResources).set(set).where(eq(bookingResources.id, id)).returning();
        await audit.record(tx, ctx, { action: 'booking_resource.updated', entityType: 'booking_resource', entityId: id, before: auditableResource(before), after: auditableResource(after), parkId: after.parkId });
        return after;
      });
      return resourceView(ctx.actor, r);
    },

    /** Busy ranges of a resource; who and what only for one's own enterprise's bookings and for operators. */
    async findSlots(ctx: RequestContext, id: string, q: SlotsQuery) {
      if (q.to <= q.from) throw mustBeAfter('querystring.to', 'from');
      if (q.to.getTime() - q.from.getTime() > 42 * 86_400_000) throw validationError('querystring.to', 'at most 42 days after from');
      const r = await visibleResource(db, ctx.actor, id);
      const isOp = operatorCovers(ctx.actor, r);
      const own = new Set(enterpriseIdsOf(ctx.actor));
      const rows = await db
        .select({ b: bookings, enterpriseName: enterprises.legalName })
        .from(bookings)
        .innerJoin(enterprises, eq(enterprises.id, bookings.enterpriseId))
        .where(and(eq(bookings.resourceId, r.id), inArray(bookings.status, [...HOLDING_STATUSES]), lt(bookings.startsAt, q.to), gt(bookings.endsAt, q.from)))
        .orderBy(asc(bookings.startsAt));
      return rows.map(({ b, enterpriseName }) => {
        const mine = own.has(b.enterpriseId);
        const shown = mine || isOp;
        return { startsAt: b.startsAt, endsAt: b.endsAt, status: b.status, mine, bookingId: shown ? b.id : null, title: shown ? b.title : null, enterpriseName: shown ? enterpriseName : null };
      });
    },

    // ----- bookings -----

    async findBookings(ctx: RequestContext, q: BookingQuery): Promise<Page<BookingView>> {
      const c: SQL[] = [];
      const scope = bookingScope(ctx.actor);
      if (scope) c.push(scope);
      if (q.mine) c.push(eq(bookings.userId, ctx.actor.userId));
      if (q.parkId) c.push(eq(bookings.parkId, q.parkId));
      if (q.resourceId) c.push(eq(bookings.resourceId, q.resourceId));
      if (q.status) c.push(eq(bookings.status, q.status));
      if (q.upcoming) c.push(gt(bookings.endsAt, now()));
      const where = c.length ? and(...c) : undefined;
      const [rows, [{ n }]] = await Promise.all([
        viewQuery(db)
          .where(where)
          .orderBy(q.upcoming ? asc(bookings.startsAt) : desc(bookings.startsAt))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(bookings)
          .innerJoin(bookingResources, eq(bookingResources.id, bookings.resourceId))
          .where(where),
      ]);
      return { items: rows.map((r) => toView(ctx.actor, r)), total: n, page: q.page, pageSize: q.pageSize };
    },

    async getBooking(ctx: RequestContext, id: string): Promise<BookingView> {
      return getView(db, ctx.actor, id);
    },

    /**
     * Books a time range. The resource row is locked first, so the overlap check and the insert
     * are one step for every booking of this resource: of concurrent attempts at one slot, one wins.
     */
    async createBooking(ctx: RequestContext, body: CreateBookingBody): Promise<BookingView> {
      assertCanWrite(ctx.actor);
      const mine = await memberships(ctx.actor);
      const id = await db.transaction(async (tx) => {
        const r = await visibleResource(tx, ctx.actor, body.resourceId, true);
        const inPark = mine.filter((m) => m.parkId === r.parkId && (!body.enterpriseId || m.enterpriseId === body.enterpriseId));
        if (body.enterpriseId && !inPark.length) throw validationError('body.enterpriseId', 'not an enterprise of yours in this park');
        if (!inPark.length) throw forbidden('Only tenant enterprises of this park book its resources');
        if (inPark.length > 1 && !body.enterpriseId) throw validationError('body.enterpriseId', 'required: you belong to several enterprises of this park');
        const m = inPark[0];
        if (r.status !== 'active') throw conflict('The resource is not open for booking');
        if (!canRoleBook(r, m)) throw forbidden('Only enterprise admins may book this resource');
        const problem = rangeProblem(r, body.startsAt, body.endsAt, now());
        if (problem) throw validationError(problem.field, problem.message, problem.code, problem.params);
        const [clash] = await tx
          .select({ id: bookings.id, startsAt: bookings.startsAt, endsAt: bookings.endsAt, enterpriseId: bookings.enterpriseId })
          .from(bookings)
          .where(and(eq(bookings.resourceId, r.id), inArray(bookings.status, [...HOLDING_STATUSES]), lt(bookings.startsAt, body.endsAt), gt(bookings.endsAt, body.startsAt)))
          .orderBy(asc(bookings.startsAt))
          .limit(1);
        if (clash) {
          const s = shanghaiParts(clash.startsAt);
          const e = shanghaiParts(clash.endsAt);
          throw conflict(`The resource is already booked ${s.day} ${hhmm(s.minute)}–${e.day === s.day ? hhmm(e.minute) : `${e.day} ${hhmm(e.minute)}`} (Asia/Shanghai)`, {
            clash: { startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString(), bookingId: clash.enterpriseId === m.enterpriseId ? clash.id : null },
          });
        }
        const minutes = (body.endsAt.getTime() - body.startsAt.getTime()) / 60_000;
        const status: BookingStatus = r.requiresApproval ? 'pending' : 'confirmed';
        const [b] = await tx
          .insert(bookings)
          .values({ resourceId: r.id, parkId: r.parkId, enterpriseId: m.enterpriseId, userId: ctx.actor.userId, title: body.title, startsAt: body.startsAt, endsAt: body.endsAt, status: 'pending', feeFen: feeOf(r.feeFenPerHour, minutes) })
          .returning();
        await audit.record(tx, ctx, { action: 'booking.created', entityType: 'booking', entityId: b.id, after: auditableBooking(b), parkId: b.parkId, enterpriseId: b.enterpriseId });
        if (status === 'confirmed') await confirm(tx, ctx, b, r);
        else {
          const c = await approvals.startCase(
            ctx,
            { parkId: r.parkId, enterpriseId: m.enterpriseId, subjectType: BOOKING_SUBJECT, subjectId: b.id, title: `${r.nameZh} · ${body.title}`, flowKey: r.approvalFlowKey!, formValues: { resourceId: r.id, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), amountFen: b.feeFen } },
            tx,
          );
          await tx.update(bookings).set({ approvalCaseId: c.id }).where(eq(bookings.id, b.id));
        }
        return b.id;
      });
      return getView(db, ctx.actor, id);
    },

    /** Cancels a booking (rule in the module comment); voids its bill while unpaid. */
    async cancelBooking(ctx: RequestContext, id: string, reason?: string): Promise<BookingView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const scope = bookingScope(ctx.actor);
        const [row] = await tx
          .select({ b: bookings, parkId: bookingResources.parkId, siteId: bookingResources.siteId })
          .from(bookings)
          .innerJoin(bookingResources, eq(bookingResources.id, bookings.resourceId))
          .where(scope ? and(eq(bookings.id, id), scope) : eq(bookings.id, id))
          .for('update', { of: bookings });
        if (!row) throw notFound('booking', id);
        const b = row.b;
        if (!HOLDING_STATUSES.includes(b.status)) throw conflict(`The booking is already ${b.status}`);
        const at = now();
        const isOp = operatorCovers(ctx.actor, row);
        const isBooker = b.userId === ctx.actor.userId || enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(b.enterpriseId);
        if (!isOp && !isBooker) throw forbidden('Only the booker, their enterprise admin or the park’s operators may cancel');
        if (isOp ? b.endsAt <= at : b.startsAt <= at) throw conflict(isOp ? 'The booking has ended' : 'The booking has started; ask the park’s operators');
        let billStatus: string | null = null;
        if (b.billId) billStatus = (await billing.voidIssuedBill(tx, ctx, b.billId)).status;
        const [after] = await tx.update(bookings).set({ status: 'cancelled', cancelledAt: at, cancelledById: ctx.actor.via === 'system' ? null : ctx.actor.userId, cancelReason: reason ?? null, updatedAt: at }).where(eq(bookings.id, id)).returning();
        // A pending booking's case is withdrawn with it (after the booking is cancelled, so the
        // outcome hook leaves the booking alone): it leaves the approvers' inboxes.
        const withdrawnCaseId = b.status === 'pending' ? await approvals.withdrawForSubject(ctx, { subjectType: BOOKING_SUBJECT, subjectId: id, reason: reason ?? null }, tx) : null;
        await audit.record(tx, ctx, { action: 'booking.cancelled', entityType: 'booking', entityId: id, before: { status: b.status }, after: { status: after.status, reason: reason ?? null, billStatus, withdrawnCaseId }, parkId: b.parkId, enterpriseId: b.enterpriseId });
      });
      return getView(db, ctx.actor, id);
    },
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
