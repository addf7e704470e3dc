import type { NotifyUsers } from '../notifications';
import { surveyAnswerIssues, surveyQuestionIssues, type SurveyAnswerValue, type SurveyIssue, type SurveyQuestion } from '@parkos/contracts';
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, forbidden, notFound, validationError } from '../../lib/errors';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf, SYSTEM_ACTOR } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants } from '../identity/identity.table';
import { buildings, districts, enterprises, leases, propertyContracts, units } from '../parks/parks.table';
import { addDays, localDay, REMINDER_DAYS_BEFORE_CLOSE, topTerms } from './surveys.rules';
import type { AnswerBody, CreateSurveyBody, DistrictResult, ResponseView, ResultsView, SurveyView, UpdateSurveyBody } from './surveys.schema';
import { surveyDistricts, surveyInvitations, surveyReminders, surveyResponses, surveys } from './surveys.table';

type SurveyRow = typeof surveys.$inferSelect;
type ResponseRow = typeof surveyResponses.$inferSelect;


/** One rating answer, as the evaluation module reads it (the BRIEF's data contract `surveys.ratings`). */
export interface SurveyRatingRow {
  surveyId: string;
  responseId: string;
  /** The enterprise's district when it was invited (at the time of the survey). */
  districtId: string;
  enterpriseId: string;
  questionId: string;
  value: number;
  scaleMax: number;
  answeredAt: Date;
}

/** What the caller may do with a survey. */
type Access = { kind: 'operator' } | { kind: 'property'; districtIds: string[] } | { kind: 'admin'; enterpriseIds: string[] };

const closedConflict = () => new AppError(ErrorCode.CONFLICT, { message: 'The survey is not open for answers', details: { reason: 'not_open' } });

function issuesError(issues: SurveyIssue[], prefix = 'body'): AppError {
  return new AppError(ErrorCode.VALIDATION, {
    message: `${prefix}.${issues[0].path}: ${issues[0].code}`,
    details: { fields: issues.map((i) => ({ field: `${prefix}.${i.path}`, message: i.code })) },
  });
}

/**
 * Satisfaction surveys (线上企业客户满意度调查): operators build and open them for districts; each invited enterprise's
 * admin answers once; results per district (anonymous to the property company); reminders before the close.
 */
export function createSurveysService(deps: { db: Db; audit: AuditService; notify: NotifyUsers; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /** The effective status: an open survey past its last day is closed. */
  function statusOf(s: SurveyRow, today = localDay(now())): SurveyRow['status'] {
    return s.status === 'open' && today > s.closesOn ? 'closed' : s.status;
  }
  function isAnswerable(s: SurveyRow, today = localDay(now())): boolean {
    return s.status === 'open' && s.opensOn <= today && today <= s.closesOn;
  }

  async function targetDistrictIds(q: Queryable, surveyId: string): Promise<string[]> {
    return (await q.select({ id: surveyDistricts.districtId }).from(surveyDistricts).where(eq(surveyDistricts.surveyId, surveyId))).map((r) => r.id);
  }

  /** Districts the actor's property companies hold a contract for at any time of the survey's dates. */
  async function propertyDistrictIds(ctx: RequestContext, s: SurveyRow): Promise<string[]> {
    const companies = propertyCompanyIdsOf(ctx.actor);
    if (!companies.length) return [];
    const rows = await db
      .selectDistinct({ id: propertyContracts.districtId })
      .from(propertyContracts)
      .where(and(inArray(propertyContracts.propertyCompanyId, companies), eq(propertyContracts.parkId, s.parkId), lte(propertyContracts.startDate, s.closesOn), gte(propertyContracts.endDate, s.opensOn)));
    return rows.map((r) => r.id);
  }

  /** Operator, property staff (of the survey's districts they serve) or invited enterprise admin; otherwise 404. */
  async function accessOf(ctx: RequestContext, s: SurveyRow): Promise<Access> {
    if (operatorCovers(ctx.actor, { parkId: s.parkId })) return { kind: 'operator' };
    if (s.status !== 'draft') {
      const mine = enterpriseIdsOf(ctx.actor, ['enterprise_admin']);
      if (mine.length) {
        const inv = await db.select({ e: surveyInvitations.enterpriseId }).from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, s.id), inArray(surveyInvitations.enterpriseId, mine)));
        if (inv.length) return { kind: 'admin', enterpriseIds: inv.map((r) => r.e) };
      }
      const own = await propertyDistrictIds(ctx, s);
      if (own.length) {
        const targets = await targetDistrictIds(db, s.id);
        const seen = targets.filter((d) => own.includes(d));
        if (seen.length) return { kind: 'property', districtIds: seen };
      }
    }
    throw notFound('Survey', s.id);
  }

  async function load(ctx: RequestContext, id: string): Promise<{ s: SurveyRow; access: Access }> {
    const [s] = await db.select().from(surveys).where(eq(surveys.id, id));
    if (!s) throw notFound('Survey', id);
    return { s, access: await accessOf(ctx, s) };
  }

  async function loadOperated(ctx: RequestContext, id: string): Promise<SurveyRow> {
    const { s, access } = await load(ctx, id);
    if (access.kind !== 'operator') throw forbidden('Only operators of this park may do this');
    return s;
  }

  async function viewOf(q: Queryable, s: SurveyRow, access: Access): Promise<SurveyView> {
    const ds = await q.select({ id: districts.id, name: districts.name }).from(surveyDistricts).innerJoin(districts, eq(districts.id, surveyDistricts.districtId)).where(eq(surveyDistricts.surveyId, s.id)).orderBy(asc(districts.name));
    let invited: number | null = null;
    let answered: number | null = null;
    let mine: SurveyView['mine'] = [];
    if (access.kind === 'operator') {
      const [i] = await q.select({ n: sql<number>`count(*)::int` }).from(surveyInvitations).where(eq(surveyInvitations.surveyId, s.id));
      const [a] = await q.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, s.id));
      invited = Number(i.n);
      answered = Number(a.n);
    }
    if (access.kind === 'admin') {
      const names = await q.select({ id: enterprises.id, name: enterprises.legalName }).from(enterprises).where(inArray(enterprises.id, access.enterpriseIds)).orderBy(asc(enterprises.legalName));
      const done = new Set((await q.select({ e: surveyResponses.enterpriseId }).from(surveyResponses).where(and(eq(surveyResponses.surveyId, s.id), inArray(surveyResponses.enterpriseId, access.enterpriseIds)))).map((r) => r.e));
      mine = names.map((n) => ({ enterpriseId: n.id, enterpriseName: n.name, hasAnswered: done.has(n.id) }));
    }
    return {
      id: s.id,
      parkId: s.parkId,
      title: s.title,
      description: s.description,
      questions: s.questions,
      districts: ds,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      status: statusOf(s),
      isAnswerable: isAnswerable(s),
      createdAt: s.createdAt.toISOString(),
      invited,
      answered,
      mine,
    };
  }

  /** Checks a survey definition: questions (shared rules), dates, and districts of the park; 400 naming the field. */
  async function assertValidDefinition(parkId: string, body: { questions: SurveyQuestion[]; districtIds: string[]; opensOn: string; closesOn: string }) {
    const issues = surveyQuestionIssues(body.questions);
    if (issues.length) throw issuesError(issues);
    if (!body.districtIds.length) throw validationError('body.districtIds', 'choose at least one district', 'choose_at_least_one');
    if (body.closesOn < body.opensOn) throw validationError('body.closesOn', 'must not be before the opening day');
    const found = new Set(
      (await db.select({ id: districts.id }).from(districts).where(and(inArray(districts.id, body.districtIds), eq(districts.parkId, parkId)))).map((r) => r.id),
    );
    body.districtIds.forEach((id, i) => {
      if (!found.has(id)) throw validationError(`body.districtIds.${i}`, 'is not a district of this park');
    });
  }

  async function writeDistricts(tx: Tx, surveyId: string, districtIds: string[]) {
    await tx.delete(surveyDistricts).where(eq(surveyDistricts.surveyId, surveyId));
    const unique = [...new Set(districtIds)];
    if (unique.length) await tx.insert(surveyDistricts).values(unique.map((districtId) => ({ surveyId, districtId })));
  }

  /** Enterprises to invite: active ones with an active lease in a target district, with that lease's district (the first lease). */
  async function inviteesOf(q: Queryable, s: SurveyRow, districtIds: string[]): Promise<{ enterpriseId: string; districtId: string }[]> {
    if (!districtIds.length) return [];
    return q
      .selectDistinctOn([leases.enterpriseId], { enterpriseId: leases.enterpriseId, districtId: buildings.districtId })
      .from(leases)
      .innerJoin(units, eq(units.id, leases.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .innerJoin(enterprises, eq(enterprises.id, leases.enterpriseId))
      .where(and(eq(leases.status, 'active'), eq(enterprises.status, 'active'), eq(enterprises.parkId, s.parkId), inArray(buildings.districtId, districtIds)))
      .orderBy(leases.enterpriseId, leases.startDate, leases.id);
  }

  function normalizeAnswers(questions: SurveyQuestion[], answers: AnswerBody['answers']): Record<string, SurveyAnswerValue> {
    const out: Record<string, SurveyAnswerValue> = {};
    for (const q of questions) {
      const v = answers[q.id];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string') {
        if (v.trim()) out[q.id] = v.trim();
      } else if (Array.isArray(v)) {
        if (v.length) out[q.id] = v;
      } else out[q.id] = v;
    }
    return out;
  }

  async function responseViews(q: Queryable, rows: ResponseRow[]): Promise<ResponseView[]> {
    if (!rows.length) return [];
    const names = new Map((await q.select({ id: enterprises.id, name: enterprises.legalName }).from(enterprises).where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))]))).map((e) => [e.id, e.name]));
    const dnames = new Map((await q.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, [...new Set(rows.map((r) => r.districtId))]))).map((d) => [d.id, d.name]));
    return rows.map((r) => ({ id: r.id, surveyId: r.surveyId, enterpriseId: r.enterpriseId, enterpriseName: names.get(r.enterpriseId) ?? '', districtId: r.districtId, districtName: dnames.get(r.districtId) ?? '', answers: r.answers, answeredAt: r.answeredAt.toISOString() }));
  }

  /** Aggregates of some responses over the given questions. */
  function aggregate(questions: SurveyQuestion[], rows: { answers: Record<string, SurveyAnswerValue> }[], head: Pick<DistrictResult, 'districtId' | 'districtName' | 'invited'>): DistrictResult {
    return {
      ...head,
      answered: rows.length,
      responseRate: head.invited ? rows.length / head.invited : 0,
      questions: questions.map((q) => {
        const values = rows.map((r) => r.answers[q.id]).filter((v) => v !== undefined && v !== null);
        const base = { questionId: q.id, kind: q.kind, count: values.length, mean: null as number | null, scaleMax: null as number | null, distribution: [] as { key: string; count: number }[], comments: [] as string[], topTerms: [] as { term: string; count: number }[] };
        if (q.kind === 'rating') {
          const nums = values.filter((v): v is number => typeof v === 'number');
          const max = q.scaleMax ?? 5;
          return { ...base, count: nums.length, mean: nums.length ? nums.reduce((a, b) => a + b, 0) / nums.length : null, scaleMax: max, distribution: Array.from({ length: max }, (_, i) => ({ key: String(i + 1), count: nums.filter((n) => n === i + 1).length })) };
        }
        if (q.kind === 'single' || q.kind === 'multiple') {
          const picked = values.flatMap((v) => (Array.isArray(v) ? v : [String(v)]));
          return { ...base, distribution: (q.options ?? []).map((o) => ({ key: o.id, count: picked.filter((p) => p === o.id).length })) };
        }
        // Comments in text order, not answer order: the order must not hint at who wrote what.
        const comments = values.map(String).sort();
        return { ...base, comments, topTerms: topTerms(comments) };
      }),
    };
  }

  async function resultsOf(s: SurveyRow, access: Access): Promise<ResultsView> {
    if (access.kind === 'admin') throw notFound('Survey', s.id);
    const all = await db.select({ id: districts.id, name: districts.name }).from(surveyDistricts).innerJoin(districts, eq(districts.id, surveyDistricts.districtId)).where(eq(surveyDistricts.surveyId, s.id)).orderBy(asc(districts.name));
    const visible = access.kind === 'property' ? all.filter((d) => access.districtIds.includes(d.id)) : all;
    const ids = visible.map((d) => d.id);
    const inv = ids.length ? await db.select({ d: surveyInvitations.districtId, n: sql<number>`count(*)::int` }).from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, s.id), inArray(surveyInvitations.districtId, ids))).groupBy(surveyInvitations.districtId) : [];
    const invited = new Map(inv.map((r) => [r.d, Number(r.n)]));
    const rows = ids.length ? await db.select({ d: surveyResponses.districtId, answers: surveyResponses.answers }).from(surveyResponses).where(and(eq(surveyResponses.surveyId, s.id), inArray(surveyResponses.districtId, ids))) : [];
    const totalInvited = [...invited.values()].reduce((a, b) => a + b, 0);
    return {
      surveyId: s.id,
      total: aggregate(s.questions, rows, { districtId: null, districtName: null, invited: totalInvited }),
      districts: visible.map((d) => aggregate(s.questions, rows.filter((r) => r.d === d.id), { districtId: d.id, districtName: d.name, invited: invited.get(d.id) ?? 0 })),
    };
  }

  return {
    /** Surveys the caller may see: all of the parks they operate; open and closed ones that invite their enterprise or concern their districts. */
    async findSurveys(ctx: RequestContext, query: { parkId?: string; status?: SurveyRow['status'] }): Promise<SurveyView[]> {
      const conds = [];
      if (query.parkId) conds.push(eq(surveys.parkId, query.parkId));
      const rows = await db.select().from(surveys).where(conds.length ? and(...conds) : undefined).orderBy(desc(surveys.opensOn), desc(surveys.createdAt)).limit(500);
      const out: SurveyView[] = [];
      const isOperatorAnywhere = isGlobalOperator(ctx.actor) || operatorParkIds(ctx.actor).length > 0;
      for (const s of rows) {
        if (!isOperatorAnywhere && s.status === 'draft') continue;
        try {
          const access = await accessOf(ctx, s);
          const v = await viewOf(db, s, access);
          if (!query.status || v.status === query.status) out.push(v);
        } catch (e) {
          if (!(e instanceof AppError && e.code === ErrorCode.NOT_FOUND)) throw e;
        }
      }
      return out;
    },

    async getSurvey(ctx: RequestContext, id: string): Promise<SurveyView> {
      const { s, access } = await load(ctx, id);
      return viewOf(db, s, access);
    },

    /** Creates a draft survey (operators of the park); 400 naming the field (e.g. `body.questions.2.options`). */
    async createSurvey(ctx: RequestContext, body: CreateSurveyBody): Promise<SurveyView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: body.parkId });
      const questions = body.questions as SurveyQuestion[];
      await assertValidDefinition(body.parkId, { ...body, questions });
      return db.transaction(async (tx) => {
        const [s] = await tx
          .insert(surveys)
          .values({ parkId: body.parkId, title: body.title, description: body.description ?? null, questions, opensOn: body.opensOn, closesOn: body.closesOn, createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId })
          .returning();
        await writeDistricts(tx, s.id, body.districtIds);
        await audit.record(tx, ctx, { action: 'survey.created', entityType: 'survey', entityId: s.id, after: { title: s.title, questions, districtIds: body.districtIds, opensOn: s.opensOn, closesOn: s.closesOn }, parkId: s.parkId });
        return viewOf(tx, s, { kind: 'operator' });
      });
    },

    /** Changes a draft (operators); an opened survey is a 409 `not_draft`. */
    async updateSurvey(ctx: RequestContext, id: string, body: UpdateSurveyBody): Promise<SurveyView> {
      assertCanWrite(ctx.actor);
      const old = await loadOperated(ctx, id);
      if (old.status !== 'draft') throw new AppError(ErrorCode.CONFLICT, { message: 'Only a draft may be changed', details: { reason: 'not_draft' } });
      const next = {
        title: body.title ?? old.title,
        description: body.description === undefined ? old.description : body.description,
        questions: (body.questions as SurveyQuestion[] | undefined) ?? old.questions,
        opensOn: body.opensOn ?? old.opensOn,
        closesOn: body.closesOn ?? old.closesOn,
      };
      const districtIds = body.districtIds ?? (await targetDistrictIds(db, id));
      await assertValidDefinition(old.parkId, { ...next, districtIds });
      return db.transaction(async (tx) => {
        const [s] = await tx.update(surveys).set({ ...next, updatedAt: now() }).where(and(eq(surveys.id, id), eq(surveys.status, 'draft'))).returning();
        if (!s) throw new AppError(ErrorCode.CONFLICT, { message: 'Only a draft may be changed', details: { reason: 'not_draft' } });
        if (body.districtIds) await writeDistricts(tx, id, body.districtIds);
        await audit.record(tx, ctx, { action: 'survey.updated', entityType: 'survey', entityId: id, before: { title: old.title, questions: old.questions, opensOn: old.opensOn, closesOn: old.closesOn }, after: { ...next, districtIds }, parkId: s.parkId });
        return viewOf(tx, s, { kind: 'operator' });
      });
    },

    /**
     * Opens a draft (operators): invites every active enterprise with an active lease in a target district, with
     * that district; a last day already past is a 400 on `body.closesOn`, no enterprise to invite a 400 on `districtIds`.
     */
    async openSurvey(ctx: RequestContext, id: string): Promise<SurveyView> {
      assertCanWrite(ctx.actor);
      await loadOperated(ctx, id);
      return db.transaction(async (tx) => {
        const [s] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
        if (s.status !== 'draft') throw new AppError(ErrorCode.CONFLICT, { message: 'Only a draft may be opened', details: { reason: 'not_draft' } });
        if (s.closesOn < localDay(now())) throw validationError('body.closesOn', 'the last day has passed');
        const invitees = await inviteesOf(tx, s, await targetDistrictIds(tx, id));
        if (!invitees.length) throw validationError('body.districtIds', 'no enterprise of these districts has an active lease');
        await tx.insert(surveyInvitations).values(invitees.map((i) => ({ surveyId: id, ...i })));
        const [u] = await tx.update(surveys).set({ status: 'open', openedAt: now(), updatedAt: now() }).where(eq(surveys.id, id)).returning();
        await audit.record(tx, ctx, { action: 'survey.opened', entityType: 'survey', entityId: id, before: { status: 'draft' }, after: { status: 'open', invited: invitees.length }, parkId: s.parkId });
        return viewOf(tx, u, { kind: 'operator' });
      });
    },

    /** Closes an open survey before its last day (operators): no more answers or reminders. */
    async closeSurvey(ctx: RequestContext, id: string): Promise<SurveyView> {
      assertCanWrite(ctx.actor);
      await loadOperated(ctx, id);
      return db.transaction(async (tx) => {
        const [s] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
        if (s.status !== 'open') throw new AppError(ErrorCode.CONFLICT, { message: 'Only an open survey may be closed', details: { reason: s.status === 'draft' ? 'not_open' : 'closed' } });
        const [u] = await tx.update(surveys).set({ status: 'closed', closedAt: now(), updatedAt: now() }).where(eq(surveys.id, id)).returning();
        await audit.record(tx, ctx, { action: 'survey.closed', entityType: 'survey', entityId: id, before: { status: 'open' }, after: { status: 'closed' }, parkId: s.parkId });
        return viewOf(tx, u, { kind: 'operator' });
      });
    },

    /**
     * An enterprise admin answers for an invited enterprise, once: a second answer, even a simultaneous one,
     * meets the unique index and is a 409 `already_answered`. Answers are checked against the questions (400 `body.answers.<id>`).
     */
    async answer(ctx: RequestContext, id: string, body: AnswerBody): Promise<ResponseView> {
      assertCanWrite(ctx.actor);
      const { s, access } = await load(ctx, id);
      if (access.kind !== 'admin') throw forbidden('Only the admins of an invited enterprise may answer');
      const enterpriseId = body.enterpriseId ?? (access.enterpriseIds.length === 1 ? access.enterpriseIds[0] : null);
      if (!enterpriseId) throw validationError('body.enterpriseId', 'is required when you administer several invited enterprises');
      if (!access.enterpriseIds.includes(enterpriseId)) throw notFound('Enterprise', enterpriseId);
      if (!isAnswerable(s)) throw closedConflict();
      const issues = surveyAnswerIssues(s.questions, body.answers);
      if (issues.length) throw issuesError(issues);
      const answers = normalizeAnswers(s.questions, body.answers);
      return db.transaction(async (tx) => {
        // A close that committed after the check above wins: the survey row is read under a share lock.
        const [locked] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('share');
        if (!isAnswerable(locked)) throw closedConflict();
        const [inv] = await tx.select().from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, id), eq(surveyInvitations.enterpriseId, enterpriseId)));
        const [r] = await tx
          .insert(surveyResponses)
          .values({ surveyId: id, parkId: s.parkId, enterpriseId, districtId: inv.districtId, answers, answeredById: ctx.actor.via === 'system' ? null : ctx.actor.userId, answeredAt: now() })
          .onConflictDoNothing()
          .returning();
        if (!r) throw new AppError(ErrorCode.CONFLICT, { message: 'This enterprise has already answered this survey', details: { reason: 'already_answered' } });
        await audit.record(tx, ctx, { action: 'survey_response.created', entityType: 'survey_response', entityId: r.id, after: { surveyId: id, answers }, parkId: s.parkId, enterpriseId });
        return (await responseViews(tx, [r]))[0];
      });
    },

    /** Who answered what (operators of the park only: answers are anonymous to the property company). */
    async findResponses(ctx: RequestContext, id: string): Promise<ResponseView[]> {
      const s = await loadOperated(ctx, id);
      return responseViews(db, await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)).orderBy(asc(surveyResponses.answeredAt)));
    },

    /** The answers of the caller's own enterprises (enterprise admins); operators and property staff get 404. */
    async findMyResponses(ctx: RequestContext, id: string): Promise<ResponseView[]> {
      const { s, access } = await load(ctx, id);
      if (access.kind !== 'admin') throw notFound('Survey', id);
      return responseViews(db, await db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, s.id), inArray(surveyResponses.enterpriseId, access.enterpriseIds))));
    },

    /** Response rate and aggregates per district: operators all districts, property staff their own (no names). */
    async getResults(ctx: RequestContext, id: string): Promise<ResultsView> {
      const { s, access } = await load(ctx, id);
      return resultsOf(s, access);
    },

    /** The results (and, for operators, the answers with enterprise names) as an Excel workbook. */
    async exportWorkbook(ctx: RequestContext, id: string): Promise<{ fileName: string; data: Buffer }> {
      const { s, access } = await load(ctx, id);
      const results = await resultsOf(s, access);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'ParkOS';
      const summary = wb.addWorksheet('回收率 Response rate');
      summary.columns = [
        { header: '片区 District', key: 'district', width: 16 },
        { header: '邀请企业 Invited', key: 'invited', width: 14 },
        { header: '已答复 Answered', key: 'answered', width: 14 },
        { header: '回收率 Response rate', key: 'rate', width: 16 },
        ...s.questions.filter((q) => q.kind === 'rating').map((q) => ({ header: `${q.title}（均分 mean /${q.scaleMax}）`, key: `q_${q.id}`, width: 22 })),
      ];
      summary.getRow(1).font = { bold: true };
      for (const d of [...results.districts, results.total]) {
        const row: Record<string, unknown> = { district: d.districtName ?? '合计 Total', invited: d.invited, answered: d.answered, rate: Math.round(d.responseRate * 10000) / 10000 };
        for (const q of d.questions) if (q.kind === 'rating') row[`q_${q.questionId}`] = q.mean === null ? '' : Math.round(q.mean * 100) / 100;
        summary.addRow(row);
      }
      summary.getColumn('rate').numFmt = '0.0%';
      const choices = wb.addWorksheet('选项分布 Choices');
      choices.columns = [
        { header: '片区 District', key: 'district', width: 16 },
        { header: '问题 Question', key: 'question', width: 40 },
        { header: '选项 Option', key: 'option', width: 24 },
        { header: '次数 Count', key: 'count', width: 10 },
      ];
      choices.getRow(1).font = { bold: true };
      for (const d of [results.total, ...results.districts])
        for (const q of d.questions) {
          const def = s.questions.find((x) => x.id === q.questionId)!;
          if (q.kind === 'text') continue;
          for (const x of q.distribution) choices.addRow({ district: d.districtName ?? '合计 Total', question: def.title, option: q.kind === 'rating' ? x.key : (def.options?.find((o) => o.id === x.key)?.label ?? x.key), count: x.count });
        }
      const comments = wb.addWorksheet('意见 Comments');
      comments.columns = [
        { header: '片区 District', key: 'district', width: 16 },
        { header: '问题 Question', key: 'question', width: 30 },
        { header: '意见 Comment', key: 'comment', width: 60 },
      ];
      comments.getRow(1).font = { bold: true };
      for (const d of results.districts)
        for (const q of d.questions) for (const c of q.comments) comments.addRow({ district: d.districtName, question: s.questions.find((x) => x.id === q.questionId)?.title ?? q.questionId, comment: c });
      const terms = wb.addWorksheet('高频词 Top terms');
      terms.columns = [
        { header: '问题 Question', key: 'question', width: 30 },
        { header: '词 Term', key: 'term', width: 16 },
        { header: '条数 Comments', key: 'count', width: 12 },
      ];
      terms.getRow(1).font = { bold: true };
      for (const q of results.total.questions) for (const x of q.topTerms) terms.addRow({ question: s.questions.find((y) => y.id === q.questionId)?.title ?? q.questionId, ...x });
      if (access.kind === 'operator') {
        const answers = wb.addWorksheet('答卷 Responses');
        answers.columns = [
          { header: '企业 Enterprise', key: 'enterprise', width: 30 },
          { header: '片区 District', key: 'district', width: 14 },
          { header: '答复时间 Answered at', key: 'answeredAt', width: 22 },
          ...s.questions.map((q) => ({ header: q.title, key: `q_${q.id}`, width: 24 })),
        ];
        answers.getRow(1).font = { bold: true };
        for (const r of await responseViews(db, await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)).orderBy(asc(surveyResponses.answeredAt)))) {
          const row: Record<string, unknown> = { enterprise: r.enterpriseName, district: r.districtName, answeredAt: r.answeredAt };
          for (const q of s.questions) {
            const v = r.answers[q.id];
            const label = (k: string) => q.options?.find((o) => o.id === k)?.label ?? k;
            row[`q_${q.id}`] = v === undefined ? '' : Array.isArray(v) ? v.map(label).join('、') : q.kind === 'single' ? label(String(v)) : v;
          }
          answers.addRow(row);
        }
      }
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      await db.transaction((tx) => audit.record(tx, ctx, { action: 'survey.exported', entityType: 'survey', entityId: s.id, after: { districts: results.districts.length }, parkId: s.parkId }));
      return { fileName: `survey-${s.opensOn}-${s.closesOn}.xlsx`, data };
    },

    /**
     * The worker's reminder run: from two days before a survey's last day, every invited enterprise that has not
     * answered is reminded once (a unique reminder row per survey and enterprise). Returns the reminders sent.
     */
    async remindBeforeClose(): Promise<number> {
      const today = localDay(now());
      const open = await db
        .select()
        .from(surveys)
        .where(and(eq(surveys.status, 'open'), lte(surveys.closesOn, addDays(today, REMINDER_DAYS_BEFORE_CLOSE)), gte(surveys.closesOn, today), lte(surveys.opensOn, today)));
      let sent = 0;
      for (const s of open) {
        const pending = await db
          .select({ e: surveyInvitations.enterpriseId })
          .from(surveyInvitations)
          .leftJoin(surveyResponses, and(eq(surveyResponses.surveyId, surveyInvitations.surveyId), eq(surveyResponses.enterpriseId, surveyInvitations.enterpriseId)))
          .leftJoin(surveyReminders, and(eq(surveyReminders.surveyId, surveyInvitations.surveyId), eq(surveyReminders.enterpriseId, surveyInvitations.enterpriseId)))
          .where(and(eq(surveyInvitations.surveyId, s.id), sql`${surveyResponses.id} is null`, sql`${surveyReminders.sentAt} is null`));
        for (const { e } of pending) {
          sent += await db.transaction(async (tx) => {
            const admins = (await tx.selectDistinct({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, 'enterprise_admin'), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, e)))).map((r) => r.userId);
            const [r] = await tx.insert(surveyReminders).values({ surveyId: s.id, enterpriseId: e, recipients: admins.length }).onConflictDoNothing().returning();
            if (!r) return 0;
            await deps.notify(tx, admins, { kind: 'survey.reminder', params: { survey: s.title, closesOn: s.closesOn }, link: `/surveys/${s.id}`, entityType: 'survey', entityId: s.id });
            await audit.record(tx, { actor: SYSTEM_ACTOR }, { action: 'survey_reminder.sent', entityType: 'survey', entityId: s.id, after: { enterpriseId: e, recipients: admins.length, closesOn: s.closesOn }, parkId: s.parkId, enterpriseId: e });
            return 1;
          });
        }
      }
      return sent;
    },

    /**
     * One row per rating answer given in `[from, to)` in the park (the evaluation module's input, `surveys.ratings`),
     * with the enterprise's district when it was invited.
     */
    async ratings(q: Queryable, range: { parkId: string; from: Date; to: Date }): Promise<SurveyRatingRow[]> {
      const rows = await q
        .select({ r: surveyResponses, questions: surveys.questions })
        .from(surveyResponses)
        .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
        .where(and(eq(surveyResponses.parkId, range.parkId), gte(surveyResponses.answeredAt, range.from), lt(surveyResponses.answeredAt, range.to)))
        .orderBy(asc(surveyResponses.answeredAt), asc(surveyResponses.id));
      const out: SurveyRatingRow[] = [];
      for (const { r, questions } of rows)
        for (const qn of questions) {
          const v = r.answers[qn.id];
          if (qn.kind !== 'rating' || typeof v !== 'number') continue;
          out.push({ surveyId: r.surveyId, responseId: r.id, districtId: r.districtId, enterpriseId: r.enterpriseId, questionId: qn.id, value: v, scaleMax: qn.scaleMax ?? 5, answeredAt: r.answeredAt });
        }
      return out;
    },
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
