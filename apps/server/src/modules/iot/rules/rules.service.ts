import type { AuditAction } from '@parkos/contracts';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../../lib/errors';
import { offsetOf, type Page } from '../../../lib/pagination';
import { assertCanWrite, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, type Actor } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { buildings, floors } from '../../parks/parks.table';
import { alarms } from '../alarms/alarms.table';
import { isMetricAllowed } from '../metrics';
import { devices } from '../iot.table';
import { dryRun, traceDevice, type DryRunResult, type ReplayRule } from './replay';
import { createRuleBody, type CreateRuleInput, type DryRunView, type RuleQuery, type RuleView, type TraceView, type UpdateRuleInput } from './rules.schema';
import { alarmRules } from './rules.table';

type RuleRow = typeof alarmRules.$inferSelect;

function view(r: RuleRow): RuleView {
  return {
    id: r.id,
    parkId: r.parkId,
    name: r.name,
    description: r.description,
    kind: r.kind,
    severity: r.severity,
    enabled: r.isEnabled,
    metric: r.metric,
    operator: r.operator,
    value: r.threshold,
    hysteresis: r.hysteresis,
    delta: r.delta,
    windowSeconds: r.windowSeconds,
    direction: r.direction,
    silentSeconds: r.silentSeconds,
    conditions: r.conditions,
    groupBy: r.groupBy,
    eventType: r.eventType,
    action: r.action,
    deviceType: r.deviceType,
    buildingId: r.buildingId,
    floorId: r.floorId,
    tag: r.tag,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The columns of a validated rule; fields of other kinds are nulled. */
function columnsOf(input: CreateRuleInput) {
  const base = {
    parkId: input.parkId,
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    severity: input.severity,
    isEnabled: input.enabled,
    deviceType: input.deviceType ?? null,
    buildingId: input.buildingId ?? null,
    floorId: input.floorId ?? null,
    tag: input.tag ?? null,
    action: input.action ?? null,
    metric: null as string | null,
    operator: null as RuleRow['operator'],
    threshold: null as number | null,
    hysteresis: 0,
    delta: null as number | null,
    windowSeconds: null as number | null,
    direction: null as RuleRow['direction'],
    silentSeconds: null as number | null,
    conditions: null as RuleRow['conditions'],
    groupBy: null as RuleRow['groupBy'],
    eventType: null as string | null,
  };
  switch (input.kind) {
    case 'threshold':
      return { ...base, metric: input.metric, operator: input.operator, threshold: input.value, hysteresis: input.hysteresis };
    case 'rate_of_change':
      return { ...base, metric: input.metric, delta: input.delta, windowSeconds: input.windowSeconds, direction: input.direction };
    case 'silent':
      return { ...base, silentSeconds: input.silentSeconds };
    case 'combination':
      return { ...base, conditions: input.conditions, windowSeconds: input.windowSeconds, groupBy: input.groupBy };
    case 'event':
      return { ...base, eventType: input.eventType, conditions: input.conditions };
  }
}

/** A stored rule as create input, for merging a PATCH onto it. */
function inputOf(r: RuleRow): Record<string, unknown> {
  const v = view(r);
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null));
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = v;
  return drop(rest);
}

/**
 * Alarm rules (告警规则): operators of the rule's park create, change and
 * delete them; every change is audited and takes effect on the next batch.
 */
export function createRulesService(deps: { db: Db; audit: AuditService; onChange?: () => void; database?: Database }) {
  const { db, audit } = deps;

  function assertOperator(actor: Actor): void {
    if (!isOperator(actor)) throw forbidden('Only park operators may manage alarm rules');
  }

  async function load(q: Db | Tx, actor: Actor, id: string): Promise<RuleRow> {
    assertOperator(actor);
    const [row] = await q.select().from(alarmRules).where(eq(alarmRules.id, id));
    if (!row || !operatorCovers(actor, { parkId: row.parkId })) throw notFound('alarm rule', id);
    return row;
  }

  /** Scope and metric checks the schema cannot make. */
  async function check(q: Db | Tx, input: CreateRuleInput): Promise<void> {
    if (input.buildingId) {
      const [b] = await q.select({ parkId: buildings.parkId }).from(buildings).where(eq(buildings.id, input.buildingId));
      if (!b || b.parkId !== input.parkId) throw validationError('body.buildingId', 'no such building in this park');
    }
    if (input.floorId) {
      const [f] = await q.select({ buildingId: floors.buildingId, parkId: buildings.parkId }).from(floors).innerJoin(buildings, eq(buildings.id, floors.buildingId)).where(eq(floors.id, input.floorId));
      if (!f || f.parkId !== input.parkId) throw validationError('body.floorId', 'no such floor in this park');
      if (input.buildingId && f.buildingId !== input.buildingId) throw validationError('body.floorId', 'the floor is not in this building');
    }
    if ((input.kind === 'threshold' || input.kind === 'rate_of_change') && input.deviceType && !isMetricAllowed(input.deviceType, input.metric)) {
      throw validationError('body.metric', `devices of type ${input.deviceType} do not report ${input.metric}`);
    }
    if (input.action) {
      const [target] = await q.select({ parkId: devices.parkId }).from(devices).where(eq(devices.id, input.action.targetDeviceId));
      if (!target || target.parkId !== input.parkId) throw validationError('body.action.targetDeviceId', 'no such device in this park');
    }
    if (input.kind === 'combination') {
      const fields = input.conditions.map((c) => c.field);
      if (new Set(fields).size !== fields.length) throw validationError('body.conditions', 'each metric at most once');
      if (input.deviceType) {
        const bad = fields.find((f) => !isMetricAllowed(input.deviceType!, f));
        if (bad) throw validationError('body.conditions', `devices of type ${input.deviceType} do not report ${bad}`);
      }
    }
  }

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, row: RuleRow, before: unknown, after: unknown) {
    await audit.record(tx, ctx, { action, entityType: 'alarm_rule', entityId: row.id, before, after, parkId: row.parkId });
  }

  function dryRunView(r: DryRunResult): DryRunView {
    return {
      ...r,
      from: new Date(r.from),
      to: new Date(r.to),
      episodes: r.episodes.map((e) => ({ ...e, firedAt: new Date(e.firedAt), lastAt: new Date(e.lastAt), clearedAt: e.clearedAt === null ? null : new Date(e.clearedAt) })),
    };
  }

  function database(): Database {
    if (!deps.database) throw new Error('rules service: replay needs the database');
    return deps.database;
  }

  return {
    /** Replays an unsaved rule over the last day of history: when it would have fired and cleared. Nothing is stored. */
    async dryRun(ctx: RequestContext, input: CreateRuleInput): Promise<DryRunView> {
      assertOperator(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: input.parkId })) throw forbidden('Only operators of this park may try rules on it');
      await check(db, input);
      const rule: ReplayRule = { id: 'dry-run', ...columnsOf(input) };
      return dryRunView(await dryRun(database(), rule));
    },

    /** Replays a saved rule over the last day of history. */
    async dryRunSaved(ctx: RequestContext, id: string): Promise<DryRunView> {
      const row = await load(db, ctx.actor, id);
      return dryRunView(await dryRun(database(), row));
    },

    /** Which rules of the device's park evaluated its readings at `at`, and why each fired or did not. */
    async trace(ctx: RequestContext, deviceId: string, at: Date = new Date()): Promise<TraceView> {
      assertOperator(ctx.actor);
      const [d] = await db.select({ parkId: devices.parkId, siteId: devices.siteId }).from(devices).where(eq(devices.id, deviceId));
      if (!d || !operatorCovers(ctx.actor, d)) throw notFound('device', deviceId);
      const rules = await db.select().from(alarmRules).where(eq(alarmRules.parkId, d.parkId)).orderBy(asc(alarmRules.name));
      const entries = await traceDevice(database(), rules, deviceId, at.getTime());
      entries.sort((a, b) => Number(b.inScope) - Number(a.inScope));
      return {
        deviceId,
        at,
        rules: entries.map((e) => ({ ...e, ts: e.ts === null ? null : new Date(e.ts), steps: e.steps.map((s) => ({ ...s, ts: new Date(s.ts) })) })),
      };
    },

    async findRules(ctx: RequestContext, query: RuleQuery): Promise<Page<RuleView>> {
      const { actor } = ctx;
      assertOperator(actor);
      const where: SQL[] = [];
      if (!isGlobalOperator(actor)) {
        const parkIds = operatorParkIds(actor);
        where.push(parkIds.length ? inArray(alarmRules.parkId, parkIds) : sql`false`);
      }
      if (query.parkId) where.push(eq(alarmRules.parkId, query.parkId));
      if (query.kind) where.push(eq(alarmRules.kind, query.kind));
      if (query.enabled) where.push(eq(alarmRules.isEnabled, query.enabled === 'true'));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(alarmRules).where(cond).orderBy(asc(alarmRules.name), asc(alarmRules.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(alarmRules).where(cond),
      ]);
      return { items: rows.map(view), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getRule(ctx: RequestContext, id: string): Promise<RuleView> {
      return view(await load(db, ctx.actor, id));
    },

    async createRule(ctx: RequestContext, input: CreateRuleInput): Promise<RuleView> {
      const { actor } = ctx;
      assertOperator(actor);
      assertCanWrite(actor);
      if (!operatorCovers(actor, { parkId: input.parkId })) throw forbidden('Only operators of this park may add alarm rules to it');
      const row = await db.transaction(async (tx) => {
        await check(tx, input);
        const [row] = await tx.insert(alarmRules).values(columnsOf(input)).returning();
        await record(tx, ctx, 'alarm_rule.created', row, null, view(row));
        return row;
      });
      deps.onChange?.();
      return view(row);
    },

    async updateRule(ctx: RequestContext, id: string, patch: UpdateRuleInput): Promise<RuleView> {
      assertCanWrite(ctx.actor);
      const row = await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        const parsed = createRuleBody.safeParse({ ...inputOf(before), ...patch, kind: before.kind, parkId: before.parkId });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw validationError(`body.${issue.path.join('.') || 'kind'}`, issue.message);
        }
        await check(tx, parsed.data);
        const [row] = await tx
          .update(alarmRules)
          .set({ ...columnsOf(parsed.data), updatedAt: new Date() })
          .where(eq(alarmRules.id, id))
          .returning();
        await record(tx, ctx, 'alarm_rule.updated', row, view(before), view(row));
        return row;
      });
      deps.onChange?.();
      return view(row);
    },

    /** Deletes a rule that never raised an alarm; one with alarms is kept for their history (disable it instead). */
    async deleteRule(ctx: RequestContext, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const before = await load(tx, ctx.actor, id);
        const [{ n }] = await tx.select({ n: count() }).from(alarms).where(eq(alarms.ruleId, id));
        if (n > 0) throw conflict(`This rule has raised ${n} alarm(s); disable it instead of deleting it`);
        await tx.delete(alarmRules).where(eq(alarmRules.id, id));
        await record(tx, ctx, 'alarm_rule.deleted', before, view(before), null);
      });
      deps.onChange?.();
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
