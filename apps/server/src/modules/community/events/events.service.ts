import type { NotifyUsers } from '../../notifications';
import { and, asc, count, desc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { conflict, forbidden, notFound, validationError, mustBeAfter } from '../../../lib/errors';
import { offsetOf, type Page } from '../../../lib/pagination';
import { randomToken, sha256Hex } from '../../../lib/secrets';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, operatorSiteIds, type Actor } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { users } from '../../identity/identity.table';
import { enterprises, sites } from '../../parks/parks.table';
import type { CreateEventBody, EventQuery, EventView, RegistrationView, UpdateEventBody } from './events.schema';
import { eventFeedTokens, eventRegistrations, eventReminders, parkEvents, type RegistrationStatus } from './events.table';
import { renderCalendar } from './ics';

type EventRow = typeof parkEvents.$inferSelect;
type RegRow = typeof eventRegistrations.$inferSelect;

const SEAT_HOLDING: RegistrationStatus[] = ['pending', 'confirmed'];
/** Check-in QR text: `EV1.` + the registration's code. */
export const CHECK_IN_PREFIX = 'EV1.';

function auditable(e: EventRow) {
  return { title: e.title, location: e.location, startsAt: e.startsAt, endsAt: e.endsAt, capacity: e.capacity, registrationOpensAt: e.registrationOpensAt, registrationClosesAt: e.registrationClosesAt, requiresApproval: e.requiresApproval, status: e.status };
}

/**
 * Park events (园区活动): capacity, registration window, optional approval,
 * a waitlist promoted in the same transaction that frees a seat, check-in by
 * QR code, reminders and iCalendar feeds. Every registration change locks the
 * event row first, so concurrent registrations never overfill it.
 */

export function createEventsService(deps: { db: Db; audit: AuditService; publicUrl?: string; notify?: NotifyUsers }) {
  const { db, audit } = deps;

  /** Parks whose events the actor sees as a member (their enterprises' parks). */
  async function memberParkIds(actor: Actor): Promise<string[]> {
    const ids = enterpriseIdsOf(actor);
    if (!ids.length) return [];
    return [...new Set((await db.select({ parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, ids))).map((r) => r.parkId))];
  }

  async function visibility(actor: Actor): Promise<SQL | undefined> {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = [...operatorParkIds(actor), ...(await memberParkIds(actor))];
    if (parkIds.length) parts.push(inArray(parkEvents.parkId, parkIds));
    const siteIds = operatorSiteIds(actor);
    if (siteIds.length) parts.push(inArray(parkEvents.siteId, siteIds));
    return parts.length ? or(...parts) : sql`false`;
  }

  const countsSql = sql<{ confirmed: number; pending: number; waitlisted: number; checked: number }>`(
    select json_build_object(
      'confirmed', count(*) filter (where r.status = 'confirmed'),
      'pending', count(*) filter (where r.status = 'pending'),
      'waitlisted', count(*) filter (where r.status = 'waitlisted'),
      'checked', count(*) filter (where r.checked_in_at is not null))
    from event_registrations r where r.event_id = park_events.id)`;

  async function myRegistrations(q: Db | Tx, actor: Actor, eventIds: string[]): Promise<Map<string, RegRow>> {
    if (!eventIds.length || actor.via === 'system') return new Map();
    const rows = await q
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.userId, actor.userId), inArray(eventRegistrations.eventId, eventIds)))
      .orderBy(asc(eventRegistrations.createdAt));
    // The newest registration per event wins (a cancelled one is replaced by a later one).
    return new Map(rows.map((r) => [r.eventId, r]));
  }

  async function waitlistPosition(q: Db | Tx, r: RegRow): Promise<number | null> {
    if (r.status !== 'waitlisted' || !r.waitlistedAt) return null;
    const [{ n }] = await q
      .select({ n: count() })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, r.eventId), eq(eventRegistrations.status, 'waitlisted'), sql`${eventRegistrations.waitlistedAt} <= ${r.waitlistedAt.toISOString()}`));
    return n;
  }

  async function regView(q: Db | Tx, r: RegRow, names?: { userName: string; enterpriseName: string | null }) {
    let n = names;
    if (!n) {
      const [u] = await q.select({ userName: users.displayName }).from(users).where(eq(users.id, r.userId));
      const [e] = r.enterpriseId ? await q.select({ name: enterprises.legalName }).from(enterprises).where(eq(enterprises.id, r.enterpriseId)) : [];
      n = { userName: u?.userName ?? '', enterpriseName: e?.name ?? null };
    }
    return { id: r.id, eventId: r.eventId, userId: r.userId, userName: n.userName, enterpriseId: r.enterpriseId, enterpriseName: n.enterpriseName, status: r.status, waitlistPosition: await waitlistPosition(q, r), checkedInAt: r.checkedInAt, createdAt: r.createdAt };
  }

  async function toViews(q: Db | Tx, actor: Actor, rows: { event: EventRow; counts: { confirmed: number; pending: number; waitlisted: number; checked: number } }[]): Promise<EventView[]> {
    const mine = await myRegistrations(q, actor, rows.map((r) => r.event.id));
    const out: EventView[] = [];
    for (const { event: e, counts } of rows) {
      const m = mine.get(e.id);
      out.push({
        id: e.id,
        parkId: e.parkId,
        siteId: e.siteId,
        title: e.title,
        description: e.description,
        location: e.location,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        capacity: e.capacity,
        registrationOpensAt: e.registrationOpensAt,
        registrationClosesAt: e.registrationClosesAt,
        requiresApproval: e.requiresApproval,
        reminderMinutes: e.reminderMinutes,
        status: e.status,
        confirmedCount: Number(counts.confirmed),
        pendingCount: Number(counts.pending),
        waitlistCount: Number(counts.waitlisted),
        checkedInCount: Number(counts.checked),
        myRegistration: m ? { ...(await regView(q, m)), checkInCode: CHECK_IN_PREFIX + m.code } : null,
        updatedAt: e.updatedAt,
      });
    }
    return out;
  }

  async function loadVisible(q: Db | Tx, actor: Actor, id: string): Promise<EventRow> {
    const scope = await visibility(actor);
    const [row] = await q.select().from(parkEvents).where(scope ? and(eq(parkEvents.id, id), scope) : eq(parkEvents.id, id));
    if (!row) throw notFound('event', id);
    return row;
  }

  async function getView(q: Db | Tx, actor: Actor, id: string): Promise<EventView> {
    const [row] = await q.select({ event: parkEvents, counts: countsSql }).from(parkEvents).where(eq(parkEvents.id, id));
    if (!row) throw notFound('event', id);
    return (await toViews(q, actor, [row]))[0];
  }

  /** Locks the event row: every registration change for one event goes one at a time. */
  async function lockEvent(tx: Tx, id: string): Promise<EventRow> {
    const [row] = await tx.select().from(parkEvents).where(eq(parkEvents.id, id)).for('update');
    if (!row) throw notFound('event', id);
    return row;
  }

  async function seatsTaken(tx: Tx, eventId: string): Promise<number> {
    const [{ n }] = await tx.select({ n: count() }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, SEAT_HOLDING)));
    return n;
  }

  /** Moves people from the waitlist into free seats (call with the event locked). */
  async function promote(tx: Tx, ctx: RequestContext, event: EventRow): Promise<void> {
    const free = event.capacity - (await seatsTaken(tx, event.id));
    if (free <= 0) return;
    const next = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'waitlisted')))
      .orderBy(asc(eventRegistrations.waitlistedAt), asc(eventRegistrations.id))
      .limit(free);
    for (const r of next) {
      const status: RegistrationStatus = event.requiresApproval ? 'pending' : 'confirmed';
      await tx.update(eventRegistrations).set({ status, updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id));
      await audit.record(tx, ctx, { action: 'event_registration.promoted', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status, eventId: event.id, userId: r.userId }, parkId: event.parkId, enterpriseId: r.enterpriseId });
    }
  }

  /** Operators of the event's park pass; members who can see the event get 403, everyone else 404. */
  async function assertOperatorOf(actor: Actor, e: EventRow): Promise<void> {
    if (operatorCovers(actor, e)) return;
    if ((await memberParkIds(actor)).includes(e.parkId)) throw forbidden('Only park operators may do this');
    throw notFound('event', e.id);
  }

  return {
    async createEvent(ctx: RequestContext, body: CreateEventBody): Promise<EventView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: body.parkId, siteId: body.siteId ?? null });
      if (body.siteId) {
        const [s] = await db.select({ parkId: sites.parkId }).from(sites).where(eq(sites.id, body.siteId));
        if (!s || s.parkId !== body.parkId) throw validationError('body.siteId', 'not a site of this park');
      }
      const id = await db.transaction(async (tx) => {
        const [e] = await tx
          .insert(parkEvents)
          .values({ ...body, siteId: body.siteId ?? null, description: body.description ?? '', requiresApproval: body.requiresApproval ?? false, reminderMinutes: body.reminderMinutes ?? 60, createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId })
          .returning();
        await audit.record(tx, ctx, { action: 'event.created', entityType: 'event', entityId: e.id, after: auditable(e), parkId: e.parkId });
        return e.id;
      });
      return getView(db, ctx.actor, id);
    },

    async updateEvent(ctx: RequestContext, id: string, body: UpdateEventBody): Promise<EventView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const before = await lockEvent(tx, id);
        if (!operatorCovers(ctx.actor, before)) throw notFound('event', id);
        if (body.siteId) {
          const [s] = await tx.select({ parkId: sites.parkId }).from(sites).where(eq(sites.id, body.siteId));
          if (!s || s.parkId !== before.parkId) throw validationError('body.siteId', 'not a site of this park');
        }
        const merged = { ...before, ...body };
        assertOperatorCovers(ctx.actor, merged);
        if (merged.endsAt <= merged.startsAt) throw mustBeAfter('body.endsAt', 'startsAt');
        if (merged.registrationClosesAt <= merged.registrationOpensAt) throw mustBeAfter('body.registrationClosesAt', 'registrationOpensAt');
        const [after] = await tx
          .update(parkEvents)
          .set({ ...body, sequence: before.sequence + 1, updatedAt: new Date() })
          .where(eq(parkEvents.id, id))
          .returning();
        await audit.record(tx, ctx, { action: 'event.updated', entityType: 'event', entityId: id, before: auditable(before), after: auditable(after), parkId: after.parkId });
        // More seats (or approval dropped) may let the waitlist in.
        await promote(tx, ctx, after);
      });
      return getView(db, ctx.actor, id);
    },

    async cancelEvent(ctx: RequestContext, id: string): Promise<EventView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const before = await lockEvent(tx, id);
        if (!operatorCovers(ctx.actor, before)) throw notFound('event', id);
        if (before.status === 'cancelled') throw conflict('The event is already cancelled');
        const [after] = await tx.update(parkEvents).set({ status: 'cancelled', sequence: before.sequence + 1, updatedAt: new Date() }).where(eq(parkEvents.id, id)).returning();
        await audit.record(tx, ctx, { action: 'event.cancelled', entityType: 'event', entityId: id, before: auditable(before), after: auditable(after), parkId: after.parkId });
      });
      return getView(db, ctx.actor, id);
    },

    async findEvents(ctx: RequestContext, query: EventQuery): Promise<Page<EventView>> {
      const where: SQL[] = [];
      const scope = await visibility(ctx.actor);
      if (scope) where.push(scope);
      if (query.parkId) where.push(eq(parkEvents.parkId, query.parkId));
      if (query.upcoming) where.push(gte(parkEvents.endsAt, new Date()));
      if (query.registered) {
        const live = db
          .select({ id: eventRegistrations.eventId })
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.userId, ctx.actor.userId), inArray(eventRegistrations.status, [...SEAT_HOLDING, 'waitlisted'])));
        where.push(ctx.actor.via === 'system' ? sql`false` : inArray(parkEvents.id, live));
      }
      const cond = where.length ? and(...where) : undefined;
      const rows = await db
        .select({ event: parkEvents, counts: countsSql })
        .from(parkEvents)
        .where(cond)
        .orderBy(query.upcoming ? asc(parkEvents.startsAt) : desc(parkEvents.startsAt))
        .limit(query.pageSize)
        .offset(offsetOf(query));
      const [{ n }] = await db.select({ n: count() }).from(parkEvents).where(cond);
      return { items: await toViews(db, ctx.actor, rows), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getEvent(ctx: RequestContext, id: string): Promise<EventView> {
      await loadVisible(db, ctx.actor, id);
      return getView(db, ctx.actor, id);
    },

    /** Registers the member: a seat if one is free (pending when approval is needed), else the waitlist. */
    async register(ctx: RequestContext, id: string): Promise<EventView> {
      const { actor } = ctx;
      assertCanWrite(actor);
      await loadVisible(db, actor, id);
      const entIds = enterpriseIdsOf(actor);
      const ents = entIds.length ? await db.select({ id: enterprises.id, parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, entIds)) : [];
      await db.transaction(async (tx) => {
        const e = await lockEvent(tx, id);
        const ent = ents.find((x) => x.parkId === e.parkId);
        if (!ent) throw forbidden('Only members of the park’s enterprises may register');
        if (e.status !== 'published') throw conflict('The event is cancelled');
        const now = new Date();
        if (now < e.registrationOpensAt) throw conflict('Registration has not opened yet', { reason: 'not_open' });
        if (now >= e.registrationClosesAt) throw conflict('Registration is closed', { reason: 'closed' });
        const [live] = await tx
          .select({ id: eventRegistrations.id })
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.userId, actor.userId), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted'])));
        if (live) throw conflict('You are already registered', { reason: 'already_registered' });
        const full = (await seatsTaken(tx, id)) >= e.capacity;
        const status: RegistrationStatus = full ? 'waitlisted' : e.requiresApproval ? 'pending' : 'confirmed';
        const [r] = await tx
          .insert(eventRegistrations)
          .values({ eventId: id, userId: actor.userId, enterpriseId: ent.id, status, code: randomToken('', 16), waitlistedAt: full ? now : null })
          .returning();
        await audit.record(tx, ctx, { action: 'event_registration.created', entityType: 'event_registration', entityId: r.id, after: { eventId: id, status }, parkId: e.parkId, enterpriseId: ent.id });
      });
      return getView(db, actor, id);
    },

    /** Cancels the member's registration; a freed seat goes to the waitlist in the same transaction. */
    async cancelRegistration(ctx: RequestContext, id: string): Promise<EventView> {
      const { actor } = ctx;
      assertCanWrite(actor);
      await loadVisible(db, actor, id);
      await db.transaction(async (tx) => {
        const e = await lockEvent(tx, id);
        const [r] = await tx
          .select()
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.userId, actor.userId), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted'])));
        if (!r) throw notFound('registration');
        if (r.checkedInAt) throw conflict('Already checked in');
        await tx.update(eventRegistrations).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id));
        await audit.record(tx, ctx, { action: 'event_registration.cancelled', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled', eventId: id }, parkId: e.parkId, enterpriseId: r.enterpriseId });
        if (SEAT_HOLDING.includes(r.status)) await promote(tx, ctx, e);
      });
      return getView(db, actor, id);
    },

    /** Operators approve or reject a pending registration; a rejection frees the seat. */
    async decide(ctx: RequestContext, id: string, registrationId: string, approve: boolean): Promise<RegistrationView> {
      assertCanWrite(ctx.actor);
      await assertOperatorOf(ctx.actor, await loadVisible(db, ctx.actor, id));
      return db.transaction(async (tx) => {
        const e = await lockEvent(tx, id);
        const [r] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, id)));
        if (!r) throw notFound('registration', registrationId);
        if (r.status !== 'pending') throw conflict(`The registration is ${r.status}, not pending`);
        const status: RegistrationStatus = approve ? 'confirmed' : 'rejected';
        const [after] = await tx.update(eventRegistrations).set({ status, updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id)).returning();
        await audit.record(tx, ctx, { action: approve ? 'event_registration.approved' : 'event_registration.rejected', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status }, parkId: e.parkId, enterpriseId: r.enterpriseId });
        if (!approve) await promote(tx, ctx, e);
        return regView(tx, after);
      });
    },

    /** Registrations of an event (operators): confirmed and pending first, then the waitlist in order. */
    async findRegistrations(ctx: RequestContext, id: string): Promise<RegistrationView[]> {
      const e = await loadVisible(db, ctx.actor, id);
      await assertOperatorOf(ctx.actor, e);
      const rows = await db
        .select({ r: eventRegistrations, userName: users.displayName, enterpriseName: enterprises.legalName })
        .from(eventRegistrations)
        .innerJoin(users, eq(users.id, eventRegistrations.userId))
        .leftJoin(enterprises, eq(enterprises.id, eventRegistrations.enterpriseId))
        .where(eq(eventRegistrations.eventId, id))
        .orderBy(asc(eventRegistrations.createdAt));
      let position = 0;
      const order: Record<RegistrationStatus, number> = { confirmed: 0, pending: 1, waitlisted: 2, rejected: 3, cancelled: 4 };
      const sorted = rows.sort((a, b) => order[a.r.status] - order[b.r.status] || (a.r.waitlistedAt?.getTime() ?? 0) - (b.r.waitlistedAt?.getTime() ?? 0));
      return sorted.map(({ r, userName, enterpriseName }) => ({
        id: r.id,
        eventId: r.eventId,
        userId: r.userId,
        userName,
        enterpriseId: r.enterpriseId,
        enterpriseName,
        status: r.status,
        waitlistPosition: r.status === 'waitlisted' ? ++position : null,
        checkedInAt: r.checkedInAt,
        createdAt: r.createdAt,
      }));
    },

    /** Check-in by the attendee's QR (`EV1.<code>`) or the bare code; only confirmed registrations, once. */
    async checkIn(ctx: RequestContext, id: string, codeOrQr: string): Promise<RegistrationView> {
      assertCanWrite(ctx.actor);
      const code = codeOrQr.startsWith(CHECK_IN_PREFIX) ? codeOrQr.slice(CHECK_IN_PREFIX.length) : codeOrQr;
      const e = await loadVisible(db, ctx.actor, id);
      await assertOperatorOf(ctx.actor, e);
      return db.transaction(async (tx) => {
        const [r] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.code, code))).for('update');
        if (!r) throw notFound('registration');
        if (r.status !== 'confirmed') throw conflict(`The registration is ${r.status}`, { reason: 'not_confirmed', status: r.status });
        if (r.checkedInAt) throw conflict('Already checked in', { reason: 'already_checked_in', checkedInAt: r.checkedInAt });
        const [after] = await tx.update(eventRegistrations).set({ checkedInAt: new Date(), updatedAt: new Date() }).where(eq(eventRegistrations.id, r.id)).returning();
        await audit.record(tx, ctx, { action: 'event_registration.checked_in', entityType: 'event_registration', entityId: r.id, after: { checkedInAt: after.checkedInAt }, parkId: e.parkId, enterpriseId: r.enterpriseId });
        return regView(tx, after);
      });
    },

    /** One event as iCalendar (METHOD:PUBLISH). */
    async getEventIcs(ctx: RequestContext, id: string, baseUrl: string): Promise<string> {
      const e = await loadVisible(db, ctx.actor, id);
      return renderCalendar({ name: e.title, events: [e], baseUrl });
    },

    /** The member's private feed URL (a new token each call revokes the previous URL when `rotate`). */
    async getFeed(ctx: RequestContext, baseUrl: string, rotate: boolean): Promise<{ url: string; path: string }> {
      const { actor } = ctx;
      if (actor.via === 'system') throw forbidden('Only people have calendar feeds');
      assertCanWrite(actor);
      const token = randomToken('', 24);
      await db.transaction(async (tx) => {
        const [existing] = await tx.select().from(eventFeedTokens).where(eq(eventFeedTokens.userId, actor.userId)).for('update');
        if (existing && !rotate) throw conflict('A feed exists; rotate it to get a new URL', { reason: 'exists' });
        await tx
          .insert(eventFeedTokens)
          .values({ userId: actor.userId, tokenHash: sha256Hex(token) })
          .onConflictDoUpdate({ target: eventFeedTokens.userId, set: { tokenHash: sha256Hex(token), createdAt: new Date() } });
        await audit.record(tx, ctx, { action: existing ? 'event_feed.rotated' : 'event_feed.created', entityType: 'event_feed', entityId: actor.userId });
      });
      const path = `/api/event-feeds/${token}.ics`;
      return { url: baseUrl + path, path };
    },

    /** A member's registrations (confirmed, pending, waitlisted) as a subscribable feed; public by token. */
    async getFeedIcs(token: string, baseUrl: string): Promise<string> {
      const [t] = await db.select({ userId: eventFeedTokens.userId }).from(eventFeedTokens).where(eq(eventFeedTokens.tokenHash, sha256Hex(token)));
      if (!t) throw notFound('calendar feed');
      const rows = await db
        .select({ event: parkEvents, status: eventRegistrations.status })
        .from(eventRegistrations)
        .innerJoin(parkEvents, eq(parkEvents.id, eventRegistrations.eventId))
        .where(and(eq(eventRegistrations.userId, t.userId), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted'])))
        .orderBy(asc(parkEvents.startsAt));
      return renderCalendar({ name: 'ParkOS 我的活动 / My events', events: rows.map((r) => ({ ...r.event, tentative: r.status !== 'confirmed' })), baseUrl });
    },

    /**
     * Worker: records a reminder for each confirmed registration whose event starts within its reminder
     * lead, and tells each member in-app, in the same transaction (a reminder is recorded and sent once).
     */
    async recordDueReminders(now = new Date()): Promise<number> {
      return db.transaction(async (tx) => {
        const result = await tx.execute(sql`
          with ins as (
            insert into event_reminders (registration_id, event_id, user_id)
            select r.id, e.id, r.user_id
            from event_registrations r join park_events e on e.id = r.event_id
            where r.status = 'confirmed' and e.status = 'published'
              and e.starts_at > ${now.toISOString()}::timestamptz
              and e.starts_at <= ${now.toISOString()}::timestamptz + make_interval(mins => e.reminder_minutes)
            on conflict (registration_id, channel) do nothing
            returning event_id, user_id)
          select ins.event_id, ins.user_id, e.title, e.starts_at, e.location from ins join park_events e on e.id = ins.event_id`);
        const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { event_id: string; user_id: string; title: string; starts_at: string | Date; location: string }[];
        if (deps.notify) {
          const byEvent = new Map<string, { title: string; startsAt: Date; place: string; userIds: string[] }>();
          for (const r of rows) {
            const e = byEvent.get(r.event_id) ?? { title: r.title, startsAt: new Date(r.starts_at), place: r.location, userIds: [] };
            e.userIds.push(r.user_id);
            byEvent.set(r.event_id, e);
          }
          for (const [eventId, e] of byEvent) {
            await deps.notify(tx, e.userIds, {
              kind: 'event.reminder',
              params: { event: e.title, startsAt: e.startsAt.toISOString(), location: e.place },
              link: `/events/${eventId}`,
              entityType: 'park_event',
              entityId: eventId,
            });
          }
        }
        return rows.length;
      });
    },

    async findMyReminders(ctx: RequestContext) {
      const rows = await db
        .select({ id: eventReminders.id, eventId: eventReminders.eventId, eventTitle: parkEvents.title, startsAt: parkEvents.startsAt, createdAt: eventReminders.createdAt })
        .from(eventReminders)
        .innerJoin(parkEvents, eq(parkEvents.id, eventReminders.eventId))
        .where(eq(eventReminders.userId, ctx.actor.userId))
        .orderBy(desc(eventReminders.createdAt))
        .limit(50);
      return rows;
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
