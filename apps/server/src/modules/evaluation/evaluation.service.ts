import { findTreeIssues, type EvalIndicator, type EvalPeriodKind, type EvalSubjectKind } from '@parkos/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, ErrorCode, forbidden, notFound, validationError } from '../../lib/errors';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { DEFAULT_ACK_MINUTES, type AckDeadlines } from '../iot/alarms';
import { alarms } from '../iot/alarms/alarms.table';
import { buildings, districts, propertyCompanies, propertyContracts } from '../parks/parks.table';
import { workOrderEvents, workOrders } from '../workorders/workorders.table';
import { computeScores, rankByTotal, type SubjectScore, type DistrictInputs, type EvalAlarm, type EvalDeduction, type EvalOrder, type EvalSurveyRating, type EvalTrainingRecord } from './evaluation.engine';
import { localMidnight, periodRange } from './evaluation.periods';
import type { ManualBody, ManualEntryView, PeriodView, RankingRow, RankingView, SchemeBody, SchemeView, ScoreTreeView, TrendView, UpdateSchemeBody } from './evaluation.schema';
import { evalManualEntries, evalPeriods, evalSchemes, evalScores } from './evaluation.table';

/** The range every input provider is asked for: a park and `[from, to)`. */
export interface EvalRange {
  parkId: string;
  from: Date;
  to: Date;
}

/**
 * The evaluation's inputs from other modules (the data contract; all optional). A missing provider makes its
 * leaves score 100 with `no_data`, as a period without such data would.
 */
export interface EvaluationSources {
  inspections?: {
    deductions(q: Queryable, range: EvalRange): Promise<EvalDeduction[]>;
    punctuality(q: Queryable, range: EvalRange): Promise<{ districtId: string; due: number; onTime: number }[]>;
  };
  spotChecks?: { deductions(q: Queryable, range: EvalRange): Promise<EvalDeduction[]> };
  surveys?: { ratings(q: Queryable, range: EvalRange): Promise<EvalSurveyRating[]> };
  training?: { records(q: Queryable, range: EvalRange): Promise<EvalTrainingRecord[]> };
}

/** Adjusts a period's computed scores before they are stored (the outcomes part's appeal corrections). */
export type CorrectionsProvider = (tx: Tx, period: typeof evalPeriods.$inferSelect, scores: { districts: SubjectScore[]; companies: SubjectScore[] }) => Promise<{ districts: SubjectScore[]; companies: SubjectScore[] }>;
/** Runs in the transaction that closes a period, after its scores are frozen. */
export type CloseListener = (tx: Tx, ctx: RequestContext, period: typeof evalPeriods.$inferSelect) => Promise<void>;

/** Whose score: a district or a property company. */
export interface EvalSubject {
  kind: EvalSubjectKind;
  id: string;
}

type SchemeRow = typeof evalSchemes.$inferSelect;
type PeriodRow = typeof evalPeriods.$inferSelect;
type ScoreRow = typeof evalScores.$inferSelect;

const firstLevelOf = (s: ScoreRow) => Object.fromEntries(s.tree.map((n) => [n.key, n.score]));

/**
 * Property evaluation (园区+物业考核): schemes, periods, computation from the park's own data and the injected
 * sources, freezing on close, ranking, trends and explanations.
 */
export function createEvaluationService(deps: { db: Db; audit: AuditService; sources?: EvaluationSources; ackDeadlines?: Partial<AckDeadlines>; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  let sources: EvaluationSources = { ...deps.sources };
  // Hooks for the outcomes part (appeals' corrections, warnings on close): see evaluation.outcomes.ts.
  let corrections: CorrectionsProvider | null = null;
  const closeListeners: CloseListener[] = [];
  const ack: AckDeadlines = { ...DEFAULT_ACK_MINUTES, ...deps.ackDeadlines };

  // ---------- access ----------
  const isOperatorOf = (ctx: RequestContext, parkId: string) => operatorCovers(ctx.actor, { parkId });
  const ownCompanies = (ctx: RequestContext) => propertyCompanyIdsOf(ctx.actor);

  /** Parks where one of the caller's companies holds (or held) a district contract. */
  async function propertyParkIds(ctx: RequestContext): Promise<string[]> {
    const mine = ownCompanies(ctx);
    if (!mine.length) return [];
    const rows = await db.selectDistinct({ parkId: propertyContracts.parkId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, mine));
    return rows.map((r) => r.parkId);
  }

  async function loadScheme(ctx: RequestContext, id: string): Promise<SchemeRow> {
    const [s] = await db.select().from(evalSchemes).where(eq(evalSchemes.id, id));
    if (!s || !isOperatorOf(ctx, s.parkId)) throw notFound('Scheme', id);
    return s;
  }

  /** A period the caller may see (operators of its park; property staff of a company contracted in the park). */
  async function loadPeriod(ctx: RequestContext, id: string): Promise<{ p: PeriodRow; scheme: SchemeRow; isOperator: boolean }> {
    const [row] = await db.select({ p: evalPeriods, scheme: evalSchemes }).from(evalPeriods).innerJoin(evalSchemes, eq(evalSchemes.id, evalPeriods.schemeId)).where(eq(evalPeriods.id, id));
    if (!row) throw notFound('Period', id);
    if (isOperatorOf(ctx, row.p.parkId)) return { ...row, isOperator: true };
    if ((await propertyParkIds(ctx)).includes(row.p.parkId)) return { ...row, isOperator: false };
    throw notFound('Period', id);
  }

  async function loadManagedPeriod(ctx: RequestContext, id: string) {
    assertCanWrite(ctx.actor);
    const r = await loadPeriod(ctx, id);
    if (!r.isOperator) throw forbidden('Only operators of this park may do this');
    return r;
  }

  // ---------- schemes ----------
  async function lockedSchemeIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await db.selectDistinct({ id: evalPeriods.schemeId }).from(evalPeriods).where(and(inArray(evalPeriods.schemeId, ids), eq(evalPeriods.status, 'closed')));
    return new Set(rows.map((r) => r.id));
  }

  const schemeView = (s: SchemeRow, locked: boolean): SchemeView => ({
    id: s.id,
    parkId: s.parkId,
    name: s.name,
    periodKind: s.periodKind,
    status: s.status,
    version: s.version,
    basedOnId: s.basedOnId,
    indicators: s.indicators,
    isLocked: locked,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  });

  /** 400 naming the first offending level or leaf (e.g. `body.indicators[0].children`). */
  function assertValidTree(indicators: EvalIndicator[]) {
    const issues = findTreeIssues(indicators);
    if (issues.length)
      throw new AppError(ErrorCode.VALIDATION, {
        message: issues.map((i) => `body.${i.path}: ${i.code}`).join('; '),
        details: { fields: issues.map((i) => ({ field: `body.${i.path}`, message: i.code })) },
      });
  }

  async function findSchemes(ctx: RequestContext, query: { parkId?: string }): Promise<SchemeView[]> {
    const rows = await db.select().from(evalSchemes).where(query.parkId ? eq(evalSchemes.parkId, query.parkId) : undefined).orderBy(desc(evalSchemes.createdAt));
    const visible = rows.filter((s) => isOperatorOf(ctx, s.parkId));
    const locked = await lockedSchemeIds(visible.map((s) => s.id));
    return visible.map((s) => schemeView(s, locked.has(s.id)));
  }

  async function getScheme(ctx: RequestContext, id: string): Promise<SchemeView> {
    const s = await loadScheme(ctx, id);
    return schemeView(s, (await lockedSchemeIds([s.id])).has(s.id));
  }

  async function createScheme(ctx: RequestContext, body: SchemeBody, options: { basedOn?: SchemeRow } = {}): Promise<SchemeView> {
    assertCanWrite(ctx.actor);
    if (!isOperatorOf(ctx, body.parkId)) throw notFound('Park', body.parkId);
    assertValidTree(body.indicators);
    const s = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evalSchemes)
        .values({ parkId: body.parkId, name: body.name, periodKind: body.periodKind, indicators: body.indicators, version: options.basedOn ? options.basedOn.version + 1 : 1, basedOnId: options.basedOn?.id ?? null, createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId })
        .returning();
      await audit.record(tx, ctx, { action: 'evaluation.scheme.created', entityType: 'eval_scheme', entityId: row.id, after: { name: row.name, periodKind: row.periodKind, version: row.version }, parkId: row.parkId });
      return row;
    });
    return schemeView(s, false);
  }

  async function updateScheme(ctx: RequestContext, id: string, body: UpdateSchemeBody): Promise<SchemeView> {
    assertCanWrite(ctx.actor);
    const s = await loadScheme(ctx, id);
    if ((await lockedSchemeIds([id])).has(id)) throw conflict('scheme_locked');
    if (s.status === 'archived') throw conflict('scheme_archived');
    if (body.indicators) assertValidTree(body.indicators);
    const row = await db.transaction(async (tx) => {
      const [r] = await tx
        .update(evalSchemes)
        .set({ ...(body.name ? { name: body.name } : {}), ...(body.periodKind ? { periodKind: body.periodKind } : {}), ...(body.indicators ? { indicators: body.indicators } : {}), updatedAt: new Date() })
        .where(eq(evalSchemes.id, id))
        .returning();
      await audit.record(tx, ctx, { action: 'evaluation.scheme.updated', entityType: 'eval_scheme', entityId: id, before: { name: s.name, indicators: s.indicators }, after: { name: r.name, indicators: r.indicators }, parkId: s.parkId });
      return r;
    });
    return schemeView(row, false);
  }

  async function activateScheme(ctx: RequestContext, id: string): Promise<SchemeView> {
    assertCanWrite(ctx.actor);
    const s = await loadScheme(ctx, id);
    if (s.status !== 'draft') throw conflict('scheme_not_draft');
    const row = await db.transaction(async (tx) => {
      const [r] = await tx.update(evalSchemes).set({ status: 'active', updatedAt: new Date() }).where(eq(evalSchemes.id, id)).returning();
      await audit.record(tx, ctx, { action: 'evaluation.scheme.activated', entityType: 'eval_scheme', entityId: id, before: { status: s.status }, after: { status: 'active' }, parkId: s.parkId });
      return r;
    });
    return schemeView(row, (await lockedSchemeIds([id])).has(id));
  }

  /** A new draft version of a scheme (the way to change a scheme a closed period used). */
  async function copyScheme(ctx: RequestContext, id: string): Promise<SchemeView> {
    const s = await loadScheme(ctx, id);
    return createScheme(ctx, { parkId: s.parkId, name: s.name, periodKind: s.periodKind, indicators: s.indicators }, { basedOn: s });
  }

  // ---------- periods ----------
  async function periodViews(ctx: RequestContext, rows: { p: PeriodRow; scheme: SchemeRow }[]): Promise<PeriodView[]> {
    return rows.map(({ p, scheme }) => periodView(ctx, p, scheme));
  }

  function periodView(ctx: RequestContext, p: PeriodRow, scheme: SchemeRow): PeriodView {
    return {
      id: p.id,
      schemeId: p.schemeId,
      schemeName: scheme.name,
      parkId: p.parkId,
      kind: p.kind,
      label: p.label,
      startDate: p.startDate,
      endDate: p.endDate,
      status: p.status,
      rankingPublished: p.rankingPublished,
      computedAt: p.computedAt?.toISOString() ?? null,
      closedAt: p.closedAt?.toISOString() ?? null,
      canManage: isOperatorOf(ctx, p.parkId) && ctx.actor.access === 'write',
    };
  }

  async function findPeriods(ctx: RequestContext, query: { parkId?: string; schemeId?: string }): Promise<PeriodView[]> {
    const propertyParks = new Set(await propertyParkIds(ctx));
    const rows = await db
      .select({ p: evalPeriods, scheme: evalSchemes })
      .from(evalPeriods)
      .innerJoin(evalSchemes, eq(evalSchemes.id, evalPeriods.schemeId))
      .where(and(query.parkId ? eq(evalPeriods.parkId, query.parkId) : undefined, query.schemeId ? eq(evalPeriods.schemeId, query.schemeId) : undefined))
      .orderBy(desc(evalPeriods.startDate), asc(evalSchemes.name));
    return periodViews(
      ctx,
      rows.filter((r) => isOperatorOf(ctx, r.p.parkId) || propertyParks.has(r.p.parkId)),
    );
  }

  async function getPeriod(ctx: RequestContext, id: string): Promise<PeriodView> {
    const { p, scheme } = await loadPeriod(ctx, id);
    return periodView(ctx, p, scheme);
  }

  /** Opens a period of an active scheme (`2026-11`, `2026-Q4`, `2026` by the scheme's kind). */
  async function openPeriod(ctx: RequestContext, body: { schemeId: string; label: string }): Promise<PeriodView> {
    assertCanWrite(ctx.actor);
    const scheme = await loadScheme(ctx, body.schemeId);
    if (scheme.status !== 'active') throw conflict('scheme_not_active');
    const range = periodRange(scheme.periodKind, body.label);
    const [dup] = await db.select({ id: evalPeriods.id }).from(evalPeriods).where(and(eq(evalPeriods.schemeId, scheme.id), eq(evalPeriods.label, body.label)));
    if (dup) throw conflict('period_exists', { periodId: dup.id });
    const p = await db.transaction(async (tx) => {
      const [row] = await tx.insert(evalPeriods).values({ schemeId: scheme.id, parkId: scheme.parkId, kind: scheme.periodKind, label: body.label, ...range }).returning();
      await audit.record(tx, ctx, { action: 'evaluation.period.opened', entityType: 'eval_period', entityId: row.id, after: { label: row.label, schemeId: scheme.id }, parkId: row.parkId });
      return row;
    });
    return periodView(ctx, p, scheme);
  }

  // ---------- inputs ----------
  /** The districts of the park with a property contract overlapping the period, each with its company. */
  async function contractedDistricts(q: Queryable, p: PeriodRow) {
    const rows = await q
      .select({ districtId: districts.id, districtName: districts.name, companyId: propertyCompanies.id, companyName: propertyCompanies.name, start: propertyContracts.startDate })
      .from(propertyContracts)
      .innerJoin(districts, eq(districts.id, propertyContracts.districtId))
      .innerJoin(propertyCompanies, eq(propertyCompanies.id, propertyContracts.propertyCompanyId))
      .where(and(eq(propertyContracts.parkId, p.parkId), lt(propertyContracts.startDate, p.endDate), gte(propertyContracts.endDate, p.startDate)))
      .orderBy(asc(districts.name), desc(propertyContracts.startDate));
    const byDistrict = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!byDistrict.has(r.districtId)) byDistrict.set(r.districtId, r);
    return [...byDistrict.values()];
  }

  /** Everything the engine needs, read at `asOf` from the park's work orders and alarms and the sources. */
  async function gatherInputs(q: Queryable, p: PeriodRow, asOf: Date): Promise<DistrictInputs[]> {
    const list = await contractedDistricts(q, p);
    if (!list.length) return [];
    const range: EvalRange = { parkId: p.parkId, from: localMidnight(p.startDate), to: localMidnight(p.endDate) };
    const districtIds = list.map((d) => d.districtId);
    const reopened = sql<boolean>`exists (select 1 from ${workOrderEvents} e where e.work_order_id = "work_orders"."id" and e.kind = 'reopened')`;
    const orders = await q
      .select({ id: workOrders.id, number: workOrders.number, districtId: workOrders.districtId, acceptedAt: workOrders.acceptedAt, resolvedAt: workOrders.resolvedAt, responseDueAt: workOrders.responseDueAt, resolutionDueAt: workOrders.resolutionDueAt, rating: workOrders.rating, reopened })
      .from(workOrders)
      // A request its requester withdrew before dispatch was never the property's to answer: not scored.
      .where(and(eq(workOrders.parkId, p.parkId), inArray(workOrders.districtId, districtIds), gte(workOrders.createdAt, range.from), lt(workOrders.createdAt, range.to), isNull(workOrders.cancelledAt)))
      .orderBy(asc(workOrders.number));
    const alarmRows = await q
      .select({ id: alarms.id, severity: alarms.severity, message: alarms.message, firstAt: alarms.firstAt, acknowledgedAt: alarms.acknowledgedAt, districtId: buildings.districtId })
      .from(alarms)
      .innerJoin(buildings, eq(buildings.id, alarms.buildingId))
      .where(and(eq(alarms.parkId, p.parkId), inArray(buildings.districtId, districtIds), gte(alarms.firstAt, range.from), lt(alarms.firstAt, range.to)))
      .orderBy(asc(alarms.firstAt));
    // One after another: `q` is the computing transaction, one connection (pg refuses overlapping queries on it).
    const insp = (await sources.inspections?.deductions(q, range)) ?? [];
    const spot = (await sources.spotChecks?.deductions(q, range)) ?? [];
    const punct = (await sources.inspections?.punctuality(q, range)) ?? null;
    const ratings = (await sources.surveys?.ratings(q, range)) ?? [];
    const training = (await sources.training?.records(q, range)) ?? [];
    const manual = await q.select().from(evalManualEntries).where(eq(evalManualEntries.periodId, p.id));
    const within = (done: Date | null, due: Date) => (done ? done.getTime() <= due.getTime() : due.getTime() < asOf.getTime() ? false : null);
    const toOrder = (o: (typeof orders)[number]): EvalOrder => ({ id: o.id, number: o.number, responseWithin: within(o.acceptedAt, o.responseDueAt), resolutionWithin: within(o.resolvedAt, o.resolutionDueAt), reopened: Boolean(o.reopened), rating: o.rating });
    const toAlarm = (a: (typeof alarmRows)[number]): EvalAlarm => {
      const minutes = ack[a.severity as keyof AckDeadlines] ?? 0;
      return { id: a.id, severity: a.severity, message: a.message, within: minutes > 0 ? within(a.acknowledgedAt, new Date(a.firstAt.getTime() + minutes * 60_000)) : null };
    };
    return list.map((d) => {
      const manualOf = (kind: EvalSubjectKind, id: string | null) => manual.filter((m) => m.subjectKind === kind && m.subjectId === id);
      const entries = [...manualOf('company', d.companyId), ...manualOf('district', d.districtId)];
      return {
        districtId: d.districtId,
        districtName: d.districtName,
        companyId: d.companyId,
        companyName: d.companyName,
        orders: orders.filter((o) => o.districtId === d.districtId).map(toOrder),
        alarms: alarmRows.filter((a) => a.districtId === d.districtId).map(toAlarm),
        punctuality: punct ? (punct.find((x) => x.districtId === d.districtId) ?? { due: 0, onTime: 0 }) : null,
        deductions: [...insp, ...spot].filter((f) => f.districtId === d.districtId),
        ratings: ratings.filter((r) => r.districtId === d.districtId),
        training: training.filter((r) => r.propertyCompanyId === d.companyId),
        // The district's own entry wins over its company's (later in the list).
        manual: Object.fromEntries(entries.map((m) => [m.indicatorKey, { score: m.score, note: m.note }])),
      };
    });
  }

  /** Computes and stores every score of a period in one transaction; refuses (409) once it is closed. */
  async function computeInto(tx: Tx, p: PeriodRow, scheme: SchemeRow): Promise<number> {
    const at = now();
    const inputs = await gatherInputs(tx, p, at);
    const computed = computeScores(scheme.indicators, inputs);
    const { districts: ds, companies: cs } = corrections ? await corrections(tx, p, computed) : computed;
    await tx.delete(evalScores).where(eq(evalScores.periodId, p.id));
    const values = [
      ...ds.map((s) => ({ periodId: p.id, subjectKind: 'district' as const, subjectId: s.subjectId, name: s.name, propertyCompanyId: s.companyId, total: s.total, tree: s.tree, computedAt: at })),
      ...cs.map((s) => ({ periodId: p.id, subjectKind: 'company' as const, subjectId: s.subjectId, name: s.name, propertyCompanyId: s.companyId, total: s.total, tree: s.tree, computedAt: at })),
    ];
    if (values.length) await tx.insert(evalScores).values(values);
    await tx.update(evalPeriods).set({ computedAt: at }).where(eq(evalPeriods.id, p.id));
    return values.length;
  }

  async function lockOpen(tx: Tx, id: string): Promise<PeriodRow> {
    const [p] = await tx.select().from(evalPeriods).where(eq(evalPeriods.id, id)).for('update');
    if (p.status === 'closed') throw conflict('period_closed');
    return p;
  }

  async function compute(ctx: RequestContext, id: string): Promise<PeriodView> {
    const { scheme } = await loadManagedPeriod(ctx, id);
    await db.transaction(async (tx) => {
      const p = await lockOpen(tx, id);
      const n = await computeInto(tx, p, scheme);
      await audit.record(tx, ctx, { action: 'evaluation.period.computed', entityType: 'eval_period', entityId: id, after: { scores: n }, parkId: p.parkId });
    });
    return getPeriod(ctx, id);
  }

  /** Computes a last time and freezes: the stored scores and explanations never change afterwards. */
  async function close(ctx: RequestContext, id: string): Promise<PeriodView> {
    const { scheme } = await loadManagedPeriod(ctx, id);
    await db.transaction(async (tx) => {
      const p = await lockOpen(tx, id);
      const n = await computeInto(tx, p, scheme);
      await tx.update(evalPeriods).set({ status: 'closed', closedAt: now(), closedById: ctx.actor.via === 'system' ? null : ctx.actor.userId }).where(eq(evalPeriods.id, id));
      for (const listener of closeListeners) await listener(tx, ctx, { ...p, status: 'closed' });
      await audit.record(tx, ctx, { action: 'evaluation.period.closed', entityType: 'eval_period', entityId: id, before: { status: 'open' }, after: { status: 'closed', scores: n }, parkId: p.parkId });
    });
    return getPeriod(ctx, id);
  }

  async function publishRanking(ctx: RequestContext, id: string, published: boolean): Promise<PeriodView> {
    const { p } = await loadManagedPeriod(ctx, id);
    await db.transaction(async (tx) => {
      await tx.update(evalPeriods).set({ rankingPublished: published }).where(eq(evalPeriods.id, id));
      await audit.record(tx, ctx, { action: published ? 'evaluation.ranking.published' : 'evaluation.ranking.unpublished', entityType: 'eval_period', entityId: id, before: { rankingPublished: p.rankingPublished }, after: { rankingPublished: published }, parkId: p.parkId });
    });
    return getPeriod(ctx, id);
  }

  /** A manual leaf's score for a district or company; the note is required (400 `body.note`). */
  async function setManual(ctx: RequestContext, id: string, body: ManualBody): Promise<ManualEntryView> {
    const { p, scheme } = await loadManagedPeriod(ctx, id);
    if (!body.note?.trim()) throw validationError('body.note', 'required');
    const leaf = (function find(list: EvalIndicator[]): EvalIndicator | undefined {
      for (const i of list) {
        if (i.children?.length) {
          const f = find(i.children);
          if (f) return f;
        } else if (i.key === body.indicatorKey) return i;
      }
    })(scheme.indicators);
    if (!leaf || leaf.source?.kind !== 'manual') throw validationError('body.indicatorKey', 'not_a_manual_leaf');
    const subjects = await contractedDistricts(db, p);
    const known = body.subjectKind === 'district' ? subjects.some((d) => d.districtId === body.subjectId) : subjects.some((d) => d.companyId === body.subjectId);
    if (!known) throw validationError('body.subjectId', 'not_evaluated_in_period');
    const row = await db.transaction(async (tx) => {
      await lockOpen(tx, id);
      const values = { periodId: id, indicatorKey: body.indicatorKey, subjectKind: body.subjectKind, subjectId: body.subjectId, score: body.score, note: body.note!.trim(), enteredById: ctx.actor.via === 'system' ? null : ctx.actor.userId, updatedAt: new Date() };
      const [r] = await tx
        .insert(evalManualEntries)
        .values(values)
        .onConflictDoUpdate({ target: [evalManualEntries.periodId, evalManualEntries.indicatorKey, evalManualEntries.subjectKind, evalManualEntries.subjectId], set: { score: values.score, note: values.note, enteredById: values.enteredById, updatedAt: values.updatedAt } })
        .returning();
      await audit.record(tx, ctx, { action: 'evaluation.manual.set', entityType: 'eval_period', entityId: id, after: { indicatorKey: r.indicatorKey, subjectKind: r.subjectKind, subjectId: r.subjectId, score: r.score, note: r.note }, parkId: p.parkId });
      return r;
    });
    return { id: row.id, periodId: row.periodId, indicatorKey: row.indicatorKey, subjectKind: row.subjectKind, subjectId: row.subjectId, score: row.score, note: row.note, updatedAt: row.updatedAt.toISOString() };
  }

  async function findManual(ctx: RequestContext, id: string): Promise<ManualEntryView[]> {
    const { isOperator } = await loadPeriod(ctx, id);
    if (!isOperator) throw forbidden('Only operators of this park may do this');
    const rows = await db.select().from(evalManualEntries).where(eq(evalManualEntries.periodId, id)).orderBy(asc(evalManualEntries.indicatorKey));
    return rows.map((row) => ({ id: row.id, periodId: row.periodId, indicatorKey: row.indicatorKey, subjectKind: row.subjectKind, subjectId: row.subjectId, score: row.score, note: row.note, updatedAt: row.updatedAt.toISOString() }));
  }

  // ---------- reading scores ----------
  /**
   * The ranking of a period's districts and companies. Operators see every row in full; property staff see their
   * own company's rows in full, and — only when the ranking is published — the others' name, rank and total.
   */
  async function ranking(ctx: RequestContext, periodId: string): Promise<RankingView> {
    const { p, scheme, isOperator } = await loadPeriod(ctx, periodId);
    const rows = await db.select().from(evalScores).where(eq(evalScores.periodId, periodId));
    const mine = new Set(ownCompanies(ctx));
    const companyNames = new Map(rows.filter((r) => r.subjectKind === 'company').map((r) => [r.subjectId, r.name]));
    const rowsOf = (kind: EvalSubjectKind): RankingRow[] =>
      rankByTotal(rows.filter((r) => r.subjectKind === kind))
        .map((r) => {
          const own = isOperator || (r.propertyCompanyId !== null && mine.has(r.propertyCompanyId));
          if (!own && !p.rankingPublished) return null;
          return {
            subjectId: r.subjectId,
            name: r.name,
            companyId: own ? r.propertyCompanyId : null,
            companyName: own && r.propertyCompanyId ? (companyNames.get(r.propertyCompanyId) ?? null) : null,
            rank: r.rank,
            total: r.total,
            firstLevel: own ? firstLevelOf(r) : null,
            canExplain: own,
          };
        })
        .filter((r): r is RankingRow => r !== null);
    return { period: periodView(ctx, p, scheme), indicators: scheme.indicators.map((i) => ({ key: i.key, name: i.name, weight: i.weight })), districts: rowsOf('district'), companies: rowsOf('company') };
  }

  /** A district's or company's explained score tree; 404 for property staff of another company. */
  async function scoreTree(ctx: RequestContext, periodId: string, subject: EvalSubject): Promise<ScoreTreeView> {
    const { p, scheme, isOperator } = await loadPeriod(ctx, periodId);
    const rows = await db.select().from(evalScores).where(and(eq(evalScores.periodId, periodId), eq(evalScores.subjectKind, subject.kind)));
    const ranked = rankByTotal(rows);
    const row = ranked.find((r) => r.subjectId === subject.id);
    if (!row) throw notFound('Score', subject.id);
    if (!isOperator && !(row.propertyCompanyId && ownCompanies(ctx).includes(row.propertyCompanyId))) throw notFound('Score', subject.id);
    return { period: periodView(ctx, p, scheme), subjectKind: subject.kind, subjectId: row.subjectId, name: row.name, companyId: row.propertyCompanyId, total: row.total, rank: row.rank, of: ranked.length, computedAt: row.computedAt.toISOString(), tree: row.tree };
  }

  /** A district's or company's totals and first-level scores across the periods of its park (oldest first). */
  async function trend(ctx: RequestContext, query: { subjectKind: EvalSubjectKind; subjectId: string; schemeId?: string }): Promise<TrendView> {
    const rows = await db
      .select({ s: evalScores, p: evalPeriods, scheme: evalSchemes })
      .from(evalScores)
      .innerJoin(evalPeriods, eq(evalPeriods.id, evalScores.periodId))
      .innerJoin(evalSchemes, eq(evalSchemes.id, evalPeriods.schemeId))
      .where(and(eq(evalScores.subjectKind, query.subjectKind), eq(evalScores.subjectId, query.subjectId), query.schemeId ? eq(evalPeriods.schemeId, query.schemeId) : undefined))
      .orderBy(asc(evalPeriods.startDate));
    const mine = new Set(ownCompanies(ctx));
    const visible = rows.filter((r) => isOperatorOf(ctx, r.p.parkId) || (r.s.propertyCompanyId !== null && mine.has(r.s.propertyCompanyId)));
    if (!visible.length) throw notFound('Score', query.subjectId);
    // One kind of period on one chart: the kind of the latest.
    const kind: EvalPeriodKind = visible[visible.length - 1].p.kind;
    const points = visible.filter((r) => r.p.kind === kind);
    const ranks = new Map<string, number>();
    const periodIds = [...new Set(points.map((r) => r.p.id))];
    const all = periodIds.length ? await db.select({ periodId: evalScores.periodId, subjectId: evalScores.subjectId, total: evalScores.total }).from(evalScores).where(and(inArray(evalScores.periodId, periodIds), eq(evalScores.subjectKind, query.subjectKind))) : [];
    for (const pid of periodIds) for (const r of rankByTotal(all.filter((x) => x.periodId === pid))) if (r.subjectId === query.subjectId) ranks.set(pid, r.rank);
    const latest = points[points.length - 1];
    return {
      subjectKind: query.subjectKind,
      subjectId: query.subjectId,
      name: latest.s.name,
      points: points.map((r) => ({ periodId: r.p.id, label: r.p.label, status: r.p.status, total: r.s.total, rank: ranks.get(r.p.id) ?? 0, firstLevel: firstLevelOf(r.s) })),
      indicators: latest.scheme.indicators.map((i) => ({ key: i.key, name: i.name })),
    };
  }

  /** The job: recomputes every open period that has begun (nightly). Returns how many. */
  async function computeOpenPeriods(): Promise<number> {
    const today = now();
    const open = await db.select({ p: evalPeriods, scheme: evalSchemes }).from(evalPeriods).innerJoin(evalSchemes, eq(evalSchemes.id, evalPeriods.schemeId)).where(eq(evalPeriods.status, 'open'));
    let n = 0;
    for (const { p, scheme } of open) {
      if (localMidnight(p.startDate) > today) continue;
      await db.transaction(async (tx) => {
        const locked = await tx.select().from(evalPeriods).where(and(eq(evalPeriods.id, p.id), eq(evalPeriods.status, 'open'))).for('update');
        if (locked.length) await computeInto(tx, locked[0], scheme);
      });
      n++;
    }
    return n;
  }

  /** Parks whose evaluation the caller may read (operators: covered parks; property staff: contracted parks). */
  async function visibleParkIds(ctx: RequestContext): Promise<string[] | 'all'> {
    if (isGlobalOperator(ctx.actor)) return 'all';
    return [...new Set([...operatorParkIds(ctx.actor), ...(await propertyParkIds(ctx))])];
  }

  return {
    findSchemes,
    getScheme,
    createScheme: (ctx: RequestContext, body: SchemeBody) => createScheme(ctx, body),
    updateScheme,
    activateScheme,
    copyScheme,
    findPeriods,
    getPeriod,
    openPeriod,
    compute,
    close,
    publishRanking,
    setManual,
    findManual,
    ranking,
    scoreTree,
    trend,
    computeOpenPeriods,
    visibleParkIds,
    /** Outcomes hook: adjusts freshly computed scores of an open period (appeal corrections) inside its transaction. */
    setCorrectionsProvider(provider: CorrectionsProvider) {
      corrections = provider;
    },
    /** Outcomes hook: runs in the closing transaction after the scores are frozen (bottom warnings). */
    onPeriodClosed(listener: CloseListener) {
      closeListeners.push(listener);
    },
    /** Installs input providers (the composition root at merge; tests with in-test providers). */
    setSources(next: EvaluationSources) {
      sources = { ...next };
    },
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
