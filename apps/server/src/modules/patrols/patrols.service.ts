import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf, SYSTEM_ACTOR, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { parkDate, shiftDate, type InspectionsService } from '../inspections';
import { deviceEvents } from '../iot/rules/event.table';
import { devices, telemetry } from '../iot/iot.table';
import { propertyContracts, sites } from '../parks/parks.table';
import type { WorkOrdersService } from '../workorders';
import { workOrders } from '../workorders/workorders.table';
import type { CreateMissionBody, MissionDetail, MissionQuery, MissionView } from './patrols.schema';
import { patrolFindings, patrolMissions, type Waypoint } from './patrols.table';
import { circuitAround, parseFinding, parseSnapshot } from './patrols.logic';

type MissionRow = typeof patrolMissions.$inferSelect;

const SYSTEM: RequestContext = { actor: SYSTEM_ACTOR };
/** Where the demo and a park without a site position fly: People's Square, Shanghai. */
const DEFAULT_CENTRE = { lat: 31.2304, lng: 121.4737 };
const MAX_TRACK_POINTS = 5_000;

/**
 * Drone patrol missions (无人机巡航): a route of the inspections model flown by a `drone` device, once or recurring.
 * The drone's telemetry (latitude, longitude, altitude_m, battery) and `snapshot` events stay IoT data; a
 * mission reads those of its window. Its `finding` events become findings with a work order (source `patrol`).
 */
export function createPatrolsService(deps: {
  db: Db;
  audit: AuditService;
  inspections: Pick<InspectionsService, 'getRoute'>;
  workOrders: Pick<WorkOrdersService, 'createWorkOrder'>;
  now?: () => Date;
  log?: { warn(obj: object, msg: string): void };
}) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function companyDistrictIds(actor: Actor): Promise<string[]> {
    const companies = propertyCompanyIdsOf(actor);
    if (!companies.length) return [];
    return (await db.selectDistinct({ id: propertyContracts.districtId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, companies))).map((r) => r.id);
  }

  /** Missions the actor may read: operators of the park; property staff those over their companies' districts. */
  async function readScope(actor: Actor): Promise<SQL | undefined> {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parks = operatorParkIds(actor);
    if (parks.length) parts.push(inArray(patrolMissions.parkId, parks));
    const ds = await companyDistrictIds(actor);
    if (ds.length)
      parts.push(
        sql`${patrolMissions.districtIds} && ${sql.raw('ARRAY[')}${sql.join(
          ds.map((d) => sql`${d}`),
          sql`, `,
        )}${sql.raw(']::uuid[]')}`,
      );
    return parts.length ? or(...parts) : sql`false`;
  }

  async function visibleMission(ctx: RequestContext, id: string): Promise<MissionRow> {
    const scope = await readScope(ctx.actor);
    const [m] = await db
      .select()
      .from(patrolMissions)
      .where(scope ? and(eq(patrolMissions.id, id), scope) : eq(patrolMissions.id, id));
    if (!m) throw notFound('patrol mission', id);
    return m;
  }

  async function operatedMission(ctx: RequestContext, id: string): Promise<MissionRow> {
    assertCanWrite(ctx.actor);
    const m = await visibleMission(ctx, id);
    if (!operatorCovers(ctx.actor, { parkId: m.parkId })) throw forbidden('Only operators of the park fly missions');
    return m;
  }

  const summaryColumns = {
    m: patrolMissions,
    droneCode: devices.code,
    droneName: devices.name,
    findingCount: sql<number>`(SELECT count(*)::int FROM patrol_findings f WHERE f.mission_id = ${patrolMissions.id})`,
  };

  async function routeNames(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    // The inspections module's door: one read per distinct route (a page holds a handful).
    for (const id of new Set(ids)) out.set(id, (await deps.inspections.getRoute(SYSTEM, id).catch(() => ({ name: '' }))).name);
    return out;
  }

  function summaryOf(r: { m: MissionRow; droneCode: string; droneName: string; findingCount: number }, routeName: string): MissionView {
    const { m } = r;
    return {
      id: m.id,
      parkId: m.parkId,
      name: m.name,
      routeId: m.routeId,
      routeName,
      droneId: m.droneId,
      droneCode: r.droneCode,
      droneName: r.droneName,
      scheduleId: m.scheduleId,
      recurrence: m.recurrence,
      plannedAt: m.plannedAt,
      status: m.status,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      findingCount: Number(r.findingCount),
    };
  }

  async function siteCentre(parkId: string) {
    const [s] = await db
      .select({ lat: sites.lat, lng: sites.lon })
      .from(sites)
      .where(and(eq(sites.parkId, parkId), sql`${sites.lat} IS NOT NULL AND ${sites.lon} IS NOT NULL`))
      .orderBy(asc(sites.name))
      .limit(1);
    return s?.lat != null && s.lng != null ? { lat: s.lat, lng: s.lng } : DEFAULT_CENTRE;
  }

  /** The drone's readings in the mission's window, one point per timestamp that has a position. */
  async function trackOf(m: MissionRow) {
    if (!m.startedAt) return [];
    const rows = await db
      .select({ ts: telemetry.ts, metric: telemetry.metric, value: telemetry.value })
      .from(telemetry)
      .where(
        and(
          eq(telemetry.deviceId, m.droneId),
          inArray(telemetry.metric, ['latitude', 'longitude', 'altitude_m', 'battery']),
          gte(telemetry.ts, m.startedAt),
          m.endedAt ? lte(telemetry.ts, m.endedAt) : undefined,
        ),
      )
      .orderBy(asc(telemetry.ts))
      .limit(MAX_TRACK_POINTS * 4);
    const byTs = new Map<number, { ts: Date; lat?: number; lng?: number; altitudeM: number | null; battery: number | null }>();
    for (const r of rows) {
      const p = byTs.get(r.ts.getTime()) ?? { ts: r.ts, altitudeM: null, battery: null };
      if (r.metric === 'latitude') p.lat = r.value;
      else if (r.metric === 'longitude') p.lng = r.value;
      else if (r.metric === 'altitude_m') p.altitudeM = r.value;
      else p.battery = r.value;
      byTs.set(r.ts.getTime(), p);
    }
    return [...byTs.values()].filter((p): p is typeof p & { lat: number; lng: number } => p.lat !== undefined && p.lng !== undefined);
  }

  /** The drone's events of a type since take-off (until landing; in flight, a device clock a little ahead still counts). */
  function windowEvents(m: MissionRow, type: string) {
    return db
      .select()
      .from(deviceEvents)
      .where(and(eq(deviceEvents.deviceId, m.droneId), eq(deviceEvents.type, type), gte(deviceEvents.ts, m.startedAt!), m.endedAt ? lte(deviceEvents.ts, m.endedAt) : undefined))
      .orderBy(asc(deviceEvents.ts), asc(deviceEvents.id))
      .limit(500);
  }

  /**
   * Turns the flying mission's new `finding` events into findings, each opening one work order. Safe to run
   * concurrently and repeatedly: (mission, event key) is unique, and only the insert that made the row opens the order.
   */
  async function collectFindings(droneId: string): Promise<number> {
    const [m] = await db
      .select()
      .from(patrolMissions)
      .where(and(eq(patrolMissions.droneId, droneId), eq(patrolMissions.status, 'flying')));
    if (!m?.startedAt) return 0;
    const events = await windowEvents(m, 'finding');
    let opened = 0;
    const route = events.length ? await deps.inspections.getRoute(SYSTEM, m.routeId).catch(() => undefined) : undefined;
    for (const e of events) {
      const f = parseFinding(e.attributes);
      const [row] = await db
        .insert(patrolFindings)
        .values({
          missionId: m.id,
          parkId: m.parkId,
          eventKey: e.eventId ?? String(e.id),
          ts: e.ts,
          kind: f.kind,
          checkpointKey: f.checkpointKey,
          lat: f.lat,
          lng: f.lng,
          confidence: f.confidence,
          snapshotUrl: f.snapshotUrl,
          deviceEventId: e.id,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      const cp = route?.checkpoints.find((c) => c.key === f.checkpointKey);
      try {
        // Titles are names the park gave (mission, checkpoint) and the drone's finding code; the web app words the rest.
        const order = await deps.workOrders.createWorkOrder(SYSTEM, {
          source: 'patrol',
          parkId: m.parkId,
          districtId: cp?.districtId,
          buildingId: cp?.buildingId ?? undefined,
          deviceId: m.droneId,
          locationText: cp?.name ?? f.checkpointKey ?? undefined,
          priority: 'high',
          title: `${m.name} · ${cp?.name ?? f.checkpointKey ?? '-'} · ${f.kind}`.slice(0, 200),
          description: [f.snapshotUrl, f.lat !== null && f.lng !== null ? `${f.lat.toFixed(6)},${f.lng.toFixed(6)}` : null].filter(Boolean).join('\n') || undefined,
        });
        await db.transaction(async (tx) => {
          await tx.update(patrolFindings).set({ workOrderId: order.id }).where(eq(patrolFindings.id, row.id));
          await audit.record(tx, SYSTEM, {
            action: 'patrol_finding.work_order_opened',
            entityType: 'patrol_finding',
            entityId: row.id,
            after: { missionId: m.id, kind: f.kind, workOrderId: order.id, workOrderNumber: order.number },
            parkId: m.parkId,
          });
        });
        opened++;
      } catch (err) {
        // The finding stays listed without an order; the operator sees it and can file one by hand.
        deps.log?.warn({ err, findingId: row.id }, 'patrols: could not open a work order for a finding');
      }
    }
    return opened;
  }

  return {
    collectFindings,

    async findMissions(ctx: RequestContext, q: MissionQuery): Promise<Page<MissionView>> {
      const scope = await readScope(ctx.actor);
      if (!isGlobalOperator(ctx.actor) && !operatorParkIds(ctx.actor).length && !propertyCompanyIdsOf(ctx.actor).length) throw forbidden('Only operators and property staff see patrol missions');
      const where = and(scope, q.parkId ? eq(patrolMissions.parkId, q.parkId) : undefined, q.status ? eq(patrolMissions.status, q.status) : undefined);
      const [{ total }] = await db.select({ total: count() }).from(patrolMissions).where(where);
      const rows = await db
        .select(summaryColumns)
        .from(patrolMissions)
        .innerJoin(devices, eq(devices.id, patrolMissions.droneId))
        .where(where)
        .orderBy(desc(patrolMissions.plannedAt), desc(patrolMissions.id))
        .limit(q.pageSize)
        .offset(offsetOf(q));
      const names = await routeNames(rows.map((r) => r.m.routeId));
      return { items: rows.map((r) => summaryOf(r, names.get(r.m.routeId) ?? '')), total, page: q.page, pageSize: q.pageSize };
    },

    async getMission(ctx: RequestContext, id: string): Promise<MissionDetail> {
      const m = await visibleMission(ctx, id);
      const [r] = await db.select(summaryColumns).from(patrolMissions).innerJoin(devices, eq(devices.id, patrolMissions.droneId)).where(eq(patrolMissions.id, id));
      const route = await deps.inspections.getRoute(SYSTEM, m.routeId);
      const names = new Map(route.checkpoints.map((c) => [c.key, c.name]));
      const findings = await db
        .select({ f: patrolFindings, number: workOrders.number, status: workOrders.status })
        .from(patrolFindings)
        .leftJoin(workOrders, eq(workOrders.id, patrolFindings.workOrderId))
        .where(eq(patrolFindings.missionId, m.id))
        .orderBy(asc(patrolFindings.ts));
      const snapshots = m.startedAt ? await windowEvents(m, 'snapshot') : [];
      return {
        ...summaryOf(r, route.name),
        checkpoints: route.checkpoints.map((c) => ({ key: c.key, name: c.name, districtName: c.districtName, buildingName: c.buildingName })),
        waypoints: m.waypoints,
        track: await trackOf(m),
        snapshots: snapshots.map((e) => ({ id: e.id, ts: e.ts, ...parseSnapshot(e.attributes) })),
        findings: findings.map(({ f, number, status }) => ({
          id: f.id,
          ts: f.ts,
          kind: f.kind,
          checkpointKey: f.checkpointKey,
          checkpointName: f.checkpointKey ? (names.get(f.checkpointKey) ?? null) : null,
          lat: f.lat,
          lng: f.lng,
          confidence: f.confidence,
          snapshotUrl: f.snapshotUrl,
          workOrderId: f.workOrderId,
          workOrderNumber: number ?? null,
          workOrderStatus: status ?? null,
        })),
      };
    },

    async createMission(ctx: RequestContext, input: CreateMissionBody): Promise<MissionDetail> {
      assertCanWrite(ctx.actor);
      const route = await deps.inspections.getRoute(ctx, input.routeId).catch(() => {
        throw validationError('body.routeId', 'no such route in a park you operate');
      });
      if (!operatorCovers(ctx.actor, { parkId: route.parkId })) throw validationError('body.routeId', 'no such route in a park you operate');
      const [drone] = await db
        .select()
        .from(devices)
        .where(and(eq(devices.id, input.droneId), eq(devices.parkId, route.parkId)));
      if (!drone) throw validationError('body.droneId', 'no such device in the route’s park');
      if (drone.type !== 'drone') throw validationError('body.droneId', 'not a drone');
      if (input.waypoints) {
        const keys = route.checkpoints.map((c) => c.key);
        if (input.waypoints.length !== keys.length || input.waypoints.some((w, i) => w.checkpointKey !== keys[i]))
          throw validationError('body.waypoints', 'one waypoint per checkpoint of the route, in its order');
      }
      const waypoints: Waypoint[] =
        input.waypoints ??
        circuitAround(
          await siteCentre(route.parkId),
          route.checkpoints.map((c) => c.key),
        );
      // The recurrence is the mission's own (landing plans the next flight). Not an inspections schedule: the
      // evaluation's punctuality counts every schedule of a district as an inspection its property company owes.
      const districtIds = [...new Set(route.checkpoints.map((c) => c.districtId))];
      const m = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(patrolMissions)
          .values({
            parkId: route.parkId,
            name: input.name,
            routeId: route.id,
            districtIds,
            droneId: drone.id,
            scheduleId: null,
            recurrence: input.recurrence,
            plannedAt: input.plannedAt,
            waypoints,
            createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId,
          })
          .returning();
        await audit.record(tx, ctx, { action: 'patrol_mission.created', entityType: 'patrol_mission', entityId: row.id, after: row, parkId: row.parkId });
        return row;
      });
      return this.getMission(ctx, m.id);
    },

    /** Take-off: from now until landing, the drone's data belongs to this mission. One flying mission per drone. */
    async startMission(ctx: RequestContext, id: string): Promise<MissionDetail> {
      const m = await operatedMission(ctx, id);
      if (m.status !== 'planned') throw conflict(`mission is ${m.status}`, { reason: 'mission_not_planned' });
      await db.transaction(async (tx) => {
        const [flying] = await tx
          .select({ id: patrolMissions.id })
          .from(patrolMissions)
          .where(and(eq(patrolMissions.droneId, m.droneId), eq(patrolMissions.status, 'flying')));
        if (flying) throw conflict('the drone is flying another mission', { reason: 'drone_busy' });
        const [row] = await tx
          .update(patrolMissions)
          .set({ status: 'flying', startedAt: now(), updatedAt: now() })
          .where(and(eq(patrolMissions.id, m.id), eq(patrolMissions.status, 'planned')))
          .returning();
        if (!row) throw conflict('mission is no longer planned', { reason: 'mission_not_planned' });
        await audit.record(tx, ctx, {
          action: 'patrol_mission.started',
          entityType: 'patrol_mission',
          entityId: m.id,
          before: { status: m.status },
          after: { status: row.status, startedAt: row.startedAt },
          parkId: m.parkId,
        });
      });
      return this.getMission(ctx, id);
    },

    /** Landing: collects the last findings; a recurring mission plans its next flight (a week or a month on). */
    async completeMission(ctx: RequestContext, id: string, outcome: 'done' | 'aborted' = 'done'): Promise<MissionDetail> {
      const m = await operatedMission(ctx, id);
      if (m.status !== 'flying' && !(outcome === 'aborted' && m.status === 'planned')) throw conflict(`mission is ${m.status}`, { reason: 'mission_not_flying' });
      if (m.status === 'flying') await collectFindings(m.droneId);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(patrolMissions)
          .set({ status: outcome, endedAt: m.status === 'flying' ? now() : null, updatedAt: now() })
          .where(and(eq(patrolMissions.id, m.id), eq(patrolMissions.status, m.status)))
          .returning();
        if (!row) throw conflict('mission changed meanwhile', { reason: 'mission_changed' });
        await audit.record(tx, ctx, {
          action: outcome === 'done' ? 'patrol_mission.completed' : 'patrol_mission.aborted',
          entityType: 'patrol_mission',
          entityId: m.id,
          before: { status: m.status },
          after: { status: row.status, endedAt: row.endedAt },
          parkId: m.parkId,
        });
        if (m.recurrence !== 'none') {
          const day = shiftDate(parkDate(m.plannedAt), m.recurrence === 'weekly' ? { days: 7 } : { months: 1 });
          const nextAt = new Date(m.plannedAt.getTime() + (Date.parse(`${day}T00:00:00+08:00`) - Date.parse(`${parkDate(m.plannedAt)}T00:00:00+08:00`)));
          const { id: _id, status: _s, startedAt: _a, endedAt: _e, createdAt: _c, updatedAt: _u, ...rest } = m;
          const [next] = await tx
            .insert(patrolMissions)
            .values({ ...rest, plannedAt: nextAt })
            .returning();
          await audit.record(tx, ctx, { action: 'patrol_mission.created', entityType: 'patrol_mission', entityId: next.id, after: next, parkId: next.parkId });
        }
      });
      return this.getMission(ctx, id);
    },
  };
}

export type PatrolsService = ReturnType<typeof createPatrolsService>;
